// A published load's figures for each kind of data, and the line above them.
import { test } from "node:test";
import assert from "node:assert/strict";
import { uploadResults } from "../src/js/uploadResults.js";

const ids = (figures) => figures.map((f) => f.id);
const byId = (figures, id) => figures.find((f) => f.id === id);

test("point events: rows, LSOA agreement and points outside every LSOA, as before", () => {
  const figures = uploadResults.figures({ rowsIn: 303, rowsPublished: 300, rowsRejected: 3,
    assignment: { compared: 298, agreeing: 290, outside_every_lsoa: 2 } });
  assert.deepEqual(ids(figures), ["result-rows-in", "result-published", "result-rejected", "result-agreement", "result-outside"]);
  assert.equal(byId(figures, "result-agreement").value, "97.3%");
  assert.equal(byId(figures, "result-rejected").note, "listed below");
});

test("statistics by area: the areas published and how the 2021 LSOA codes were translated", () => {
  const figures = uploadResults.figures({ kind: "area-statistics", rowsIn: 2000, rowsPublished: 1880, rowsRejected: 120, areas: 940,
    translated: { lsoa21Unchanged: 900, lsoa21Combined: 40, lsoa21Split: 0 } });
  assert.deepEqual(ids(figures), ["result-rows-in", "result-published", "result-rejected", "result-areas", "result-translated"]);
  assert.equal(byId(figures, "result-areas").value, "940");
  assert.equal(byId(figures, "result-translated").value, "940");
  assert.equal(byId(figures, "result-translated").note, "translated to 2011 LSOAs: 900 unchanged · 40 combined");
  assert.equal(byId(uploadResults.figures({ kind: "area-statistics", areas: 3, translated: null }), "result-translated").note,
    "none to translate");
});

test("polygons: how many were repaired", () => {
  const figures = uploadResults.figures({ kind: "polygons", rowsIn: 24, rowsPublished: 24, rowsRejected: 0, repaired: 2 });
  assert.deepEqual(ids(figures), ["result-rows-in", "result-published", "result-rejected", "result-repaired"]);
  assert.equal(byId(figures, "result-repaired").value, "2");
  assert.equal(byId(figures, "result-rejected").note, "none");
});

test("the headline names the version, the rows and, for statistics, the areas", () => {
  assert.equal(uploadResults.headline({ version: 2, rowsPublished: 300 }, "ASB 2023"), "Published version 2 of ASB 2023: 300 rows.");
  assert.equal(uploadResults.headline({ kind: "area-statistics", version: 1, rowsPublished: 1880, areas: 940 }, "Census"),
    "Published version 1 of Census: 1,880 rows for 940 areas.");
});

test("translation words come from the keys, whatever the server calls them", () => {
  assert.deepEqual(uploadResults.translation({ lsoa21Unchanged: 3, lsoa21SplitAcross: 2 }), { total: 5, parts: "3 unchanged · 2 split across" });
  assert.equal(uploadResults.translation({}), null);
});

test("point events: the points outside the partnership's area, by the area's name", () => {
  const figures = uploadResults.figures({ rowsIn: 17200, rowsPublished: 17200, rowsRejected: 0,
    assignment: { compared: 0, agreeing: 0, outside_every_lsoa: 17200 },
    areaCheck: { area: "South Yorkshire", areaLsoas: 853, points: 17200, outside: 17200 } });
  const outside = byId(figures, "result-outside-area");
  assert.equal(outside.label, "Outside South Yorkshire");
  assert.equal(outside.value, "17,200");
  assert.equal(outside.note, "of 17,200 points; kept out of every count (listed in the API result)");
});
