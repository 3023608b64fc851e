// The compare page's pure helpers: points, map classes, brushing and how a correlation reads.
import { test } from "node:test";
import assert from "node:assert/strict";
import { compareView } from "../src/js/compareView.js";

const body = { areas: [
  { code: "A", name: "Alpha", district: "D", x: { value: 1 }, y: { value: 10 } },
  { code: "B", name: "Beta", district: "D", x: { value: 2 }, y: { value: 30 } },
  { code: "C", name: "Gamma", district: "D", x: { value: 5 }, y: { value: 20 } },
] };

test("the scatter's points are the areas with both values", () => {
  assert.deepEqual(compareView.points(body), [
    { code: "A", name: "Alpha", district: "D", x: 1, y: 10 },
    { code: "B", name: "Beta", district: "D", x: 2, y: 30 },
    { code: "C", name: "Gamma", district: "D", x: 5, y: 20 }]);
  assert.deepEqual(compareView.points({}), []);
});

test("a brushed rectangle selects the points inside it, whichever corner it starts from", () => {
  const all = compareView.points(body);
  assert.deepEqual(compareView.inBox(all, { x0: 0, x1: 2.5, y0: 5, y1: 35 }), ["A", "B"]);
  assert.deepEqual(compareView.inBox(all, { x0: 6, x1: 1.5, y0: 25, y1: 15 }), ["C"]);
  assert.deepEqual(compareView.inBox(all, { x0: 10, x1: 11, y0: 0, y1: 1 }), []);
});

test("quintile classes run from the palette's lightest to its darkest; no value is grey", () => {
  const s = compareView.scale([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], "x");
  assert.deepEqual(s.breaks, [3, 5, 7, 9]);
  assert.equal(s.colour(1), compareView.PALETTES.x[0]);
  assert.equal(s.colour(10), compareView.PALETTES.x[4]);
  assert.equal(s.colour(null), compareView.NO_VALUE);
});

test("a correlation reads with its interval, p-value, n and strength", () => {
  assert.equal(compareView.correlation("Pearson's r", { n: 298, r: -0.3214, pValue: 1e-8, lower95: -0.42, upper95: -0.2149 }),
    "Pearson's r = −0.32 (95% CI −0.42 to −0.21), p < 0.001, n = 298: a weak negative correlation.");
  assert.equal(compareView.correlation("Spearman's ρ", { n: 5, r: 0.7379, pValue: 0.1546, lower95: -0.447, upper95: 0.983 }),
    "Spearman's ρ = 0.74 (95% CI −0.45 to 0.98), p = 0.155, n = 5: a strong positive correlation.");
  assert.match(compareView.correlation("Pearson's r", { n: 2, r: null }), /not computed \(2 areas/);
});
