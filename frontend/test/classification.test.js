import { test } from "node:test";
import assert from "node:assert/strict";
import { classification } from "../src/js/classification.js";

test("quantile breaks are data values at each quantile, strictly increasing", () => {
  // 10 values, 5 classes: the values at positions 2, 4, 6, 8 of the sorted list
  assert.deepEqual(classification.quantileBreaks([10, 1, 9, 2, 8, 3, 7, 4, 6, 5], 5), [3, 5, 7, 9]);
  assert.deepEqual(classification.quantileBreaks([0, 0, 0, 4, 8], 2, { positiveOnly: true }), [8]);
  assert.deepEqual(classification.quantileBreaks([null, "x", undefined], 5), []);
  assert.deepEqual(classification.quantileBreaks([149, 151, 152, 160], 2, { round: (v) => Math.round(v / 10) * 10 }), [150]);
});

test("a value's class, with and without a class of its own for zero", () => {
  assert.deepEqual([0, 2, 3, 8, 9].map((v) => classification.classOf(v, [3, 9])), [0, 0, 1, 1, 2]);
  assert.deepEqual([0, 2, 3, 9].map((v) => classification.classOf(v, [3, 9], { zeroClass: true })), [0, 1, 2, 3]);
  assert.equal(classification.classOf(null, [3]), -1);
  assert.equal(classification.classOf(Number.NaN, [3], { zeroClass: true }), -1);
});

test("range labels for whole and fractional values", () => {
  assert.deepEqual(classification.rangeLabels(1, [3, 4, 10]), ["1–2", "3", "4–9", "10 or more"]);
  assert.deepEqual(classification.rangeLabels(0.5, [1.5], { whole: false }), ["0.5 to under 1.5", "1.5 or more"]);
  assert.deepEqual(classification.rangeLabels(7, []), ["7"]);
  assert.deepEqual(classification.rangeLabels(7, [], { loneOrMore: true }), ["7 or more"]);
});
