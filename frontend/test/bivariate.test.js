// The bivariate choropleth's cell of an area from the server's tertile breaks (hand-worked cases).
import { test } from "node:test";
import assert from "node:assert/strict";
import { bivariate } from "../src/js/bivariate.js";

// Server breaks as POST /api/classify (quantile, 3 classes) gives them: the lower bounds of tertiles 2 and 3.
// x: values 1..9 → sorted positions floor(9/3)=3 and floor(18/3)=6 → breaks [4, 7]
// y: values 10..90 by 10 → breaks [40, 70]
const X = [4, 7];
const Y = [40, 70];

test("below the first break is the low tertile; at or above a break is the class above it", () => {
  assert.deepEqual(bivariate.cell(1, 10, X, Y), { col: 0, row: 0, key: "0-0" });
  assert.deepEqual(bivariate.cell(3.999, 39.9, X, Y), { col: 0, row: 0, key: "0-0" });
  // equal to a break: [lower, next lower), so 4 is in the middle tertile and 70 in the top one
  assert.deepEqual(bivariate.cell(4, 70, X, Y), { col: 1, row: 2, key: "1-2" });
  assert.deepEqual(bivariate.cell(7, 40, X, Y), { col: 2, row: 1, key: "2-1" });
  assert.deepEqual(bivariate.cell(6.99, 69.99, X, Y), { col: 1, row: 1, key: "1-1" });
  // the largest value is in the top tertile (the last class is closed)
  assert.deepEqual(bivariate.cell(9, 90, X, Y), { col: 2, row: 2, key: "2-2" });
  // values beyond the data still fall in the end tertiles
  assert.deepEqual(bivariate.cell(-5, 1000, X, Y), { col: 0, row: 2, key: "0-2" });
});

test("a missing or suppressed value on either side is no data", () => {
  assert.equal(bivariate.cell(null, 10, X, Y), null);
  assert.equal(bivariate.cell(5, undefined, X, Y), null);
  assert.equal(bivariate.cell(Number.NaN, 10, X, Y), null);
  assert.equal(bivariate.cell(5, "12", X, Y), null);
  assert.equal(bivariate.colour(null), bivariate.NO_DATA);
});

test("a tie that made the server drop a break leaves a tertile empty", () => {
  // x values [0,0,0,0,0,0,5,8,9]: positions 3 and 6 give 0 (not above the minimum, dropped) and 5 → breaks [5]
  assert.deepEqual(bivariate.cell(0, 10, [5], Y).col, 0);
  assert.deepEqual(bivariate.cell(5, 10, [5], Y).col, 1);
  assert.deepEqual(bivariate.cell(9, 10, [5], Y).col, 1);
  assert.deepEqual(bivariate.cell(9, 10, [], Y).col, 0);
});

test("the colours are Stevens' 3×3 scheme: low-low light grey, high x teal, high y pink, high-high dark blue", () => {
  assert.equal(bivariate.colour({ col: 0, row: 0 }), "#e8e8e8");
  assert.equal(bivariate.colour({ col: 2, row: 0 }), "#5ac8c8");
  assert.equal(bivariate.colour({ col: 0, row: 2 }), "#be64ac");
  assert.equal(bivariate.colour({ col: 2, row: 2 }), "#3b4994");
});

test("the legend counts every cell, and the areas without both values apart", () => {
  const pairs = [
    { x: 1, y: 10 }, { x: 2, y: 80 }, { x: 4, y: 40 }, { x: 5, y: 50 }, { x: 7, y: 70 }, { x: 9, y: 90 },
    { x: null, y: 50 }, { x: 5, y: null },
  ];
  const { cells, noData } = bivariate.counts(pairs, X, Y);
  assert.deepEqual(cells, { "0-0": 1, "1-0": 0, "2-0": 0, "0-1": 0, "1-1": 2, "2-1": 0, "0-2": 1, "1-2": 0, "2-2": 2 });
  assert.equal(noData, 2);
});

test("tertiles are asked of the server: quantiles, 3 classes", () => {
  assert.deepEqual(bivariate.tertilesRequest([1, null, 3]), { values: [1, null, 3], method: "quantile", classes: 3, zeroClass: false });
});
