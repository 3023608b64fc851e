// Statistics by area on the map: quantile classes, their labels, the legend and each area's words.
// Suppressed values must never be drawn or described as a number.
import { test } from "node:test";
import assert from "node:assert/strict";
import { statistics } from "../src/js/statistics.js";
import { crime } from "../src/js/crime.js";
import { format } from "../src/js/format.js";

const area = (code, value, suppressed = false) => ({ id: code, properties: { code, name: `Area ${code}`, value, suppressed } });

const ANSWER = { datasetId: 7, version: 2, level: "lsoa", measures: ["usual_residents", "pct_over_65"], counts: ["usual_residents"],
  periods: ["2011-03-27", "2021-03-21"], categories: ["Aged 15 years and under"], measure: "usual_residents", period: "2021-03-21",
  category: "Aged 15 years and under", disclosure: { method: "cell-key", ptable: "aggregate-1", roundedTo: 1 } };
const ADJUSTED = "Small numbers are adjusted to protect people, so parts may not add up to totals.";

test("the classes asked of the server are the features' values in order; suppressed and missing values are sent as null", () => {
  assert.deepEqual(statistics.classesRequest([area("A", 378), area("B", 5, true), area("C", null), area("D", "12.5")]),
    { values: [378, null, null, 12.5], method: "quantile", classes: 5, palette: "YlGnBu", zeroClass: false });
});

test("measure names read as words unless they already do", () => {
  assert.equal(statistics.measureLabel("usual_residents"), "Usual residents");
  assert.equal(statistics.measureLabel("Usual residents"), "Usual residents");
  assert.equal(statistics.measureLabel("pct-over-65"), "Pct over 65");
});

test("the access line says in one sentence that small numbers are adjusted, and any rounding; or that values are exact", () => {
  assert.equal(statistics.accessLine(ANSWER), ADJUSTED);
  assert.equal(statistics.accessLine({ disclosure: { method: "cell-key", roundedTo: 5 } }), `${ADJUSTED} Counts are rounded to the nearest 5.`);
  assert.equal(statistics.accessLine({ disclosure: { method: "none" } }), "Exact values");
  assert.equal(statistics.accessLine({}), "Exact values");
});

// What POST /api/classify answers for 378, 0, 120, 950, 40, 600 in 3 quantile classes (breaks 120, 600).
const CLASSIFIED = { classes: [{ key: "1", label: "0–119", colour: "#edf8b1", count: 2 }, { key: "2", label: "120–599", colour: "#7fcdbb", count: 2 },
  { key: "3", label: "600–950", colour: "#2c7fb8", count: 2 }], assignments: [1, 0, 1, 2, 0, 2] };

test("the legend has the server's classes with their counts and the sentence on adjusted numbers, and no hatched entry", () => {
  const features = [area("A", 378), area("B", 0), area("C", 120), area("D", 950), area("E", 40), area("F", 600)];
  const view = statistics.view(features, ANSWER, { levelNoun: "LSOA", datasetTitle: "Census 2021", classified: CLASSIFIED });
  assert.equal(view.legend.kind, "statistics");
  assert.equal(view.legend.title, "Usual residents, Aged 15 years and under");
  assert.equal(view.legend.subtitle, "Census 2021 · 21 Mar 2021 · per LSOA");
  assert.deepEqual(view.legend.items.map((i) => i.label), ["0–119 (2)", "120–599 (2)", "600–950 (2)"]);
  assert.equal(view.fill(features[3]), "#2c7fb8");
  assert.equal(view.fill(features[1]), "#edf8b1");
  assert.equal(view.legend.suppressed, null);
  assert.equal(view.legend.noData, null);
  assert.equal(view.legend.note, ADJUSTED);
  assert.equal(view.suppressed, 0);
});

test("a suppressed area (from an older server) is hatched and described without a number; a missing value is 'No data'", () => {
  const features = [area("A", 378), area("B", 5, true), area("C", null)];
  const view = statistics.view(features, ANSWER, { classified: { classes: [{ key: "1", label: "378", colour: "#edf8b1", count: 1 }],
    assignments: [0, -1, -1] } });
  assert.equal(view.fill(features[1]), crime.SUPPRESSED_FILL);
  assert.equal(view.describe(features[1]), "suppressed");
  assert.equal(statistics.valueOf(features[1]), null, "a suppressed value is never read");
  assert.equal(view.fill(features[2]), format.NO_DATA_COLOUR);
  assert.equal(view.describe(features[2]), "No data");
  assert.equal(view.describe(features[0]), "378");
  assert.equal(view.fill(features[0]), "#edf8b1");
  assert.deepEqual(view.legend.noData, { key: "none", colour: format.NO_DATA_COLOUR, label: "No data" });
});

test("exact values have no suppressed entry, and decimals keep two places", () => {
  const features = [area("A", 12.345), area("B", 3.5), area("C", 7)];
  const view = statistics.view(features, { ...ANSWER, suppressedUpTo: null, roundedTo: null, category: null, period: null });
  assert.equal(view.legend.suppressed, null);
  assert.equal(view.legend.title, "Usual residents");
  assert.equal(view.legend.subtitle, "per area");
  assert.equal(view.describe(features[0]), "12.35");
  assert.deepEqual(view.legend.items, []);
});

test("values join the boundaries by code; areas with no boundary are counted, boundaries with no row left out", () => {
  const boundaries = { type: "FeatureCollection", features: [
    { type: "Feature", id: "E01006412", properties: { code: "E01006412", name: "Knowsley 006A" }, geometry: null },
    { type: "Feature", id: "E01006413", properties: { code: "E01006413", name: "Knowsley 006B" }, geometry: null },
    { type: "Feature", id: "E01009999", properties: { code: "E01009999", name: "Elsewhere" }, geometry: null },
  ] };
  const answer = { values: [
    { code: "E01006412", name: "Knowsley 006A", value: 378, suppressed: false },
    { code: "E01006413", name: "Knowsley 006B", value: 3, suppressed: true },
    { code: "E01011111", name: "Not loaded", value: 12, suppressed: false },
  ] };
  const { collection, unplaced } = statistics.join(boundaries, answer);
  assert.deepEqual(collection.features.map((f) => [f.properties.code, f.properties.value, f.properties.suppressed]),
    [["E01006412", 378, false], ["E01006413", null, true]]);
  assert.deepEqual(unplaced, ["E01011111"]);
});
