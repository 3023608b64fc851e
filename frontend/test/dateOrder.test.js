// The order of day and month: sent only when chosen, and required when the preview asks for the mapped date column.
import { test } from "node:test";
import assert from "node:assert/strict";
import { uploads } from "../src/js/uploads.js";
import { mappingForm } from "../src/js/mappingForm.js";

const VALUES = { x: "Longitude", y: "Latitude", xyEpsg: "4326", date: "Date", category: "Crime type", id: "", lsoaCode: "",
  location: "", outcome: "" };
const ASKING = { dateOrder: { column: "Date", verdict: "ambiguous", asks: true, detail: "Every date in Date could be…" } };

test("the mapping carries the date order only when one is chosen", () => {
  assert.equal("dateOrder" in uploads.mappingRequest(VALUES), false);
  assert.equal("dateOrder" in uploads.mappingRequest({ ...VALUES, dateOrder: "sideways" }), false);
  assert.equal(uploads.mappingRequest({ ...VALUES, dateOrder: "month-first" }).dateOrder, "month-first");
});

test("the preview's question must be answered for the column it is about", () => {
  const mapping = uploads.mappingRequest(VALUES);
  assert.equal(uploads.asksDateOrder(ASKING, mapping), true);
  assert.equal(uploads.asksDateOrder(ASKING, { ...mapping, date: "Other" }), false);
  assert.equal(uploads.asksDateOrder({ dateOrder: { ...ASKING.dateOrder, asks: false, verdict: "month-first" } }, mapping), false);
  assert.equal(uploads.asksDateOrder({}, mapping), false);
  const problems = mappingForm.mappingProblems({ kind: "events", ...mapping }, { dateOrderAsked: true }).map((p) => p.key);
  assert.deepEqual(problems, ["dateOrder"]);
  assert.deepEqual(mappingForm.mappingProblems({ kind: "events", ...mapping, dateOrder: "day-first" }, { dateOrderAsked: true }), []);
});

test("a suggested or remembered date order presets the form", () => {
  const state = mappingForm.initialState({ geometryType: "None", fields: Object.keys(VALUES),
    suggestedMapping: { kind: "events", date: "Date", dateOrder: "month-first" } });
  assert.equal(state.values.dateOrder, "month-first");
});
