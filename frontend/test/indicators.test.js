// The catalogue of levels and domains that drives the pickers, the colours and the legend.
import { test } from "node:test";
import assert from "node:assert/strict";
import { indicators } from "../src/js/indicators.js";
import { format } from "../src/js/format.js";

test("the pickers offer four levels and the eight IMD 2019 domains", () => {
  assert.deepEqual(indicators.levels.map((l) => l.key), ["lsoa", "msoa", "ward", "district"]);
  assert.deepEqual(indicators.domains.map((d) => d.key),
    ["imd", "income", "employment", "education", "health", "crime", "housing", "living_environment"]);
});

test("LSOAs are coloured by decile, higher levels by share most deprived", () => {
  assert.equal(indicators.property("lsoa", "income"), "income_decile");
  assert.equal(indicators.property("ward", "living_environment"), "living_environment_most_deprived_pct");
  const lsoa = { properties: { imd_decile: 1 } };
  const ward = { properties: { crime_most_deprived_pct: 30 } };
  assert.equal(indicators.colour(lsoa, "lsoa", "imd"), format.DECILE_COLOURS[0]);
  assert.equal(indicators.colour(ward, "ward", "crime"), format.PERCENT_COLOURS[3]);
  assert.equal(indicators.colour({ properties: {} }, "lsoa", "health"), format.NO_DATA_COLOUR);
});

test("the LSOA legend has ten decile entries and a no-data entry", () => {
  const legend = indicators.legend("lsoa", "imd");
  assert.equal(legend.kind, "decile");
  assert.equal(legend.items.length, 10);
  assert.equal(legend.items[0].label, "1 (most deprived 10%)");
  assert.equal(legend.noData.label, "No data");
  assert.match(legend.title, /Index of Multiple Deprivation/);
});

test("higher levels get a class-break legend", () => {
  const legend = indicators.legend("district", "health");
  assert.equal(legend.kind, "percent");
  assert.deepEqual(legend.items.map((i) => i.label), format.percentClassLabels());
  assert.match(legend.title, /Health deprivation and disability/);
});

test("descriptions for tooltips", () => {
  assert.equal(indicators.describe({ properties: { imd_decile: 10 } }, "lsoa", "imd"), "decile 10 (least deprived 10%)");
  assert.equal(indicators.describe({ properties: { imd_most_deprived_pct: 12.5 } }, "msoa", "imd"), "12.5% most deprived");
});
