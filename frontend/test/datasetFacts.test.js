// What the dataset page says about a dataset: its kind and update frequency as its owner gave them,
// the CRS its current version was read in, and no load at all once every version was withdrawn.
import { test } from "node:test";
import assert from "node:assert/strict";
import { datasetFacts } from "../src/js/datasets/datasetFacts.js";
import { uploads } from "../src/js/uploads.js";

const DATASET = { id: 7, title: "Street crime", source: "police.uk", licence: "OGL v3", coverage: "Merseyside",
  description: "Street-level crime, as police.uk publishes it", updateFrequency: "Monthly", coverageStart: "2022-03-01",
  coverageEnd: "2022-04-30", sourceCrs: "EPSG:27700", rowsRead: 40, rowsLoaded: 38, rowsRepaired: 0, rowsRejected: 2,
  loadedAt: "2024-05-01T10:00:00Z", ownerPartner: "Merseyside Police", openData: false };

const facts = (dataset) => Object.fromEntries(datasetFacts(dataset));

test("the update frequency is shown as the owner gave it, the description above the facts, not among them", () => {
  assert.equal(facts(DATASET).Updated, "Monthly");
  assert.equal(facts({ ...DATASET, updateFrequency: "monthly" }).Updated, "Monthly");
  assert.equal(facts(DATASET).Description, undefined);
});

test("the kind of dataset is named", () => {
  assert.equal(facts({ ...DATASET, kind: "area-statistics" }).Kind, "Statistics by area");
});

test("the source CRS is named, and an unknown code is shown as it is", () => {
  assert.equal(facts(DATASET)["Source CRS"], "EPSG:27700 (British National Grid)");
  assert.equal(uploads.crsLabel("EPSG:4326"), "EPSG:4326 (WGS 84 longitude/latitude)");
  assert.equal(uploads.crsLabel("EPSG:32630"), "EPSG:32630");
  assert.equal(uploads.crsLabel(undefined), "—");
});

test("the rows and period are those of the current version", () => {
  assert.equal(facts(DATASET).Rows, "40 read, 38 loaded, 0 repaired, 2 rejected");
  assert.match(facts(DATASET).Period, /2022.*–.*2022/);
});

test("a dataset whose versions were all withdrawn shows no load", () => {
  const none = facts({ ...DATASET, coverageStart: undefined, coverageEnd: undefined, sourceCrs: undefined, loadedAt: undefined,
    rowsRead: 0, rowsLoaded: 0, rowsRejected: 0 });
  assert.equal(none.Period, null);
  assert.equal(none.Loaded, null);
  assert.equal(none["Source CRS"], null);
  assert.equal(none.Rows, "None published (every version was withdrawn)");
});
