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

test("each side asks the server for quintiles in its own colour-blind-safe palette", () => {
  assert.deepEqual(compareView.classesRequest([1, null, 3], "x"),
    { values: [1, null, 3], method: "quantile", classes: 5, palette: "Blues", zeroClass: false });
  assert.equal(compareView.classesRequest([2], "y").palette, "Oranges");
});

test("a value takes the colour of the server's class it falls in, the last class closed; no value is grey", () => {
  // an answer of POST /api/classify: classes [lower, upper), the last one closed
  const answer = { classes: [
    { key: "1", lower: 1, upper: 3, label: "1 – 3", colour: "#eff3ff", count: 2 },
    { key: "2", lower: 3, upper: 7, label: "3 – 7", colour: "#6baed6", count: 4 },
    { key: "3", lower: 7, upper: 10, label: "7 – 10", colour: "#08519c", count: 4 },
  ] };
  const s = compareView.scale(answer);
  assert.equal(s.colour(1), "#eff3ff");
  assert.equal(s.colour(2.99), "#eff3ff");
  assert.equal(s.colour(3), "#6baed6");
  assert.equal(s.colour(10), "#08519c");
  assert.equal(s.colour(11), compareView.NO_VALUE);
  assert.equal(s.colour(null), compareView.NO_VALUE);
  assert.equal(s.classes.length, 3);
});

test("a correlation reads with its interval, p-value, n and strength", () => {
  assert.equal(compareView.correlation("Pearson's r", { n: 298, r: -0.3214, pValue: 1e-8, lower95: -0.42, upper95: -0.2149 }),
    "Pearson's r = −0.32 (95% CI −0.42 to −0.21), p < 0.001, n = 298: a weak negative correlation.");
  assert.equal(compareView.correlation("Spearman's ρ", { n: 5, r: 0.7379, pValue: 0.1546, lower95: -0.447, upper95: 0.983 }),
    "Spearman's ρ = 0.74 (95% CI −0.45 to 0.98), p = 0.155, n = 5: a strong positive correlation.");
  assert.match(compareView.correlation("Pearson's r", { n: 2, r: null }), /not computed \(2 areas/);
});
