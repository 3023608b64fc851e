import { test } from "node:test";
import assert from "node:assert/strict";
import { lsoaCodes } from "../src/js/lsoaCodes.js";

test("codes are found in a CSV column, once each, upper case, in order", () => {
  const csv = "LSOA code,Name\ne01006512,Liverpool 001A\nE01006513,Liverpool 001B\nE01006512,again\n";
  assert.deepEqual(lsoaCodes(csv), ["E01006512", "E01006513"]);
});

test("a list separated by spaces, commas or new lines; nothing for no codes", () => {
  assert.deepEqual(lsoaCodes("W01000001 E01006512;E01006514"), ["W01000001", "E01006512", "E01006514"]);
  assert.deepEqual(lsoaCodes(""), []);
  assert.deepEqual(lsoaCodes(undefined), []);
});
