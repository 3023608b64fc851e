// Reading an upload job's report.csv (RFC 4180, as Apache Commons CSV writes it).
import { test } from "node:test";
import assert from "node:assert/strict";
import { csv } from "../src/js/csv.js";

test("quoted fields keep their commas, doubled quotes and line breaks", () => {
  const text = 'file,row,column,value,reason\r\nupload.csv,302,Month,sometime,"not a date: use YYYY-MM, YYYY-MM-DD or DD/MM/YYYY"\r\n'
    + 'upload.csv,303,Crime type,,"no ""category"" given\nat all"\r\n';
  assert.deepEqual(csv.records(text), [
    { file: "upload.csv", row: "302", column: "Month", value: "sometime", reason: "not a date: use YYYY-MM, YYYY-MM-DD or DD/MM/YYYY" },
    { file: "upload.csv", row: "303", column: "Crime type", value: "", reason: 'no "category" given\nat all' },
  ]);
});

test("a header alone is no rows, a missing last line break loses nothing, and limit stops early", () => {
  assert.deepEqual(csv.records("file,row,column,value,reason\r\n"), []);
  assert.deepEqual(csv.rows("a,b\n1,2"), [["a", "b"], ["1", "2"]]);
  assert.equal(csv.records("n\n1\n2\n3\n", { limit: 2 }).length, 2);
  assert.deepEqual(csv.rows(""), []);
});
