// The indicators page's pure helpers: the definition it sends and how values read.
import { test } from "node:test";
import assert from "node:assert/strict";
import { indicatorValues } from "../src/js/indicatorValues.js";

test("a rate definition lists its categories and months; an area statistic its measure only", () => {
  assert.deepEqual(indicatorValues.definition({ name: " Burglary ", datasetId: "12", measure: "rate-per-1000",
    categories: "Burglary,\n Robbery ,", from: "2022-01", to: "", level: "ward" }),
  { name: "Burglary", datasetId: 12, measure: "rate-per-1000", level: "ward", categories: ["Burglary", "Robbery"], from: "2022-01" });
  assert.deepEqual(indicatorValues.definition({ name: "IMD", datasetId: "3", measure: "area-statistic", statistic: "imd_rank ",
    categories: "Burglary", level: "lsoa" }),
  { name: "IMD", datasetId: 3, measure: "area-statistic", level: "lsoa", statistic: "imd_rank" });
});

test("a value reads with its 95% interval, withheld or alone", () => {
  assert.equal(indicatorValues.valueWithInterval({ value: 10, lower95: 8.13621, upper95: 12.16279 }), "10 (8.14 to 12.2)");
  assert.equal(indicatorValues.valueWithInterval({ value: 1234.5 }), "1,235");
  assert.equal(indicatorValues.valueWithInterval({ disclosure: { suppressed: true } }), "Withheld");
  assert.equal(indicatorValues.valueWithInterval({}), "—");
  assert.equal(indicatorValues.comparison("higher"), "Higher");
  assert.equal(indicatorValues.comparison("not-compared"), "Not compared");
});
