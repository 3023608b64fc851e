// The upload wizard's rules: accepted files, the mapping sent and what it lacks, the job's progress and
// the request bodies of the upload API.
import { test } from "node:test";
import assert from "node:assert/strict";
import { uploads } from "../src/js/uploads.js";

const POLICE_MAPPING = { x: "Longitude", y: "Latitude", xyEpsg: 4326, date: "Month", category: "Crime type", id: "Crime ID",
  lsoaCode: "LSOA code", location: "Location", outcome: "Last outcome category" };

test("the files Patchwork reads are known by their extension, in any case", () => {
  assert.equal(uploads.accepts("2022-03-merseyside-street.CSV"), true);
  assert.equal(uploads.accepts("parcels.zip"), true);
  assert.equal(uploads.accepts("sites.geojson"), true);
  assert.equal(uploads.accepts("parcels.shp"), false);
  assert.equal(uploads.accepts("notes.docx"), false);
});

test("file sizes read like a person would say them", () => {
  assert.equal(uploads.fileSize(512), "512 bytes");
  assert.equal(uploads.fileSize(2048), "2 KB");
  assert.equal(uploads.fileSize(3.5 * 1024 * 1024), "3.5 MB");
});

test("the mapping sent has every role, nulls for none, and a numeric xyEpsg only with x/y columns", () => {
  const values = { x: "Longitude", y: "Latitude", xyEpsg: "4326", date: "Month", category: "Crime type", id: "",
    lsoaCode: "LSOA code", location: "", outcome: "" };
  assert.deepEqual(uploads.mappingRequest(values), { x: "Longitude", y: "Latitude", date: "Month", category: "Crime type",
    id: null, lsoaCode: "LSOA code", location: null, outcome: null, xyEpsg: 4326 });
  const own = uploads.mappingRequest({ ...values, x: "Longitude", xyEpsg: "27700" }, { ownGeometry: true });
  assert.equal(own.x, null);
  assert.equal(own.y, null);
  assert.equal(own.xyEpsg, null);
});

test("what is missing from a mapping is said, role by role", () => {
  assert.deepEqual(uploads.mappingProblems(POLICE_MAPPING), []);
  const keys = (mapping, options) => uploads.mappingProblems(mapping, options).map((p) => p.key);
  assert.deepEqual(keys({ ...POLICE_MAPPING, xyEpsg: null }), ["xyEpsg"]);
  assert.deepEqual(keys({ ...POLICE_MAPPING, x: null, xyEpsg: null, date: null }), ["x", "date"]);
  assert.deepEqual(keys({ x: null, y: null, date: "Month", category: "Type" }, { ownGeometry: true }), []);
  assert.deepEqual(keys({ date: "Month", category: "Type" }, { ownGeometry: true, crsUnknown: true }), ["epsg"]);
  assert.deepEqual(keys({ date: "Month", category: "Type" }, { ownGeometry: true, crsUnknown: true, epsg: 27700 }), []);
  const twice = uploads.mappingProblems({ ...POLICE_MAPPING, category: "Month" });
  assert.equal(twice.length, 1);
  assert.equal(twice[0].key, "category");
  assert.match(twice[0].message, /Month is chosen for both the date and the category/);
});

test("mapped columns are named by their role", () => {
  const roles = uploads.rolesByColumn(POLICE_MAPPING);
  assert.equal(roles.get("Month"), "Date or month");
  assert.equal(roles.get("Crime type"), "Category");
  assert.equal(roles.has("Reported by"), false);
});

test("a job's progress is its stage in words, the rows processed and the percentage", () => {
  assert.deepEqual(uploads.jobProgress({ state: "running", stage: "checking", rowsProcessed: 1234, percent: 40 }),
    { percent: 40, text: "Checking every row · 1,234 rows", done: false });
  assert.deepEqual(uploads.jobProgress({ state: "queued", stage: "queued", rowsProcessed: 0, percent: 0 }),
    { percent: 0, text: "Waiting its turn", done: false });
  assert.equal(uploads.jobProgress({ state: "failed", stage: "failed", percent: 40 }).text, "Failed");
  assert.equal(uploads.stageIndex("assigning areas"), 5);
});

test("LSOA agreement is agreeing over compared, as a percentage with its counts", () => {
  assert.deepEqual(uploads.agreement({ points: 300, compared: 298, agreeing: 290, outside_every_lsoa: 2 }),
    { percent: "97.3%", counts: "290 of 298" });
  assert.equal(uploads.agreement({ points: 10, compared: 0, agreeing: 0 }), null);
});

test("a police.uk archive's row count is its first file's, and says so", () => {
  assert.equal(uploads.rowsText({ featureCount: 303, files: ["sample.csv"] }), "303 rows");
  assert.equal(uploads.rowsText({ featureCount: 1, files: ["one.csv"] }), "1 row");
  assert.equal(uploads.rowsText({ featureCount: 303, files: ["sample.csv"] }, { noun: false }), "303");
  assert.equal(uploads.rowsText({ featureCount: 15029, files: ["a/2022-01.csv", "a/2022-02.csv"] }),
    "15,029 rows in the first of 2 files (the load reads them all)");
});

test("the datasets a partner owns are those it may add versions to; open data is nobody's", () => {
  const entries = [
    { dataset: { id: 1, ownerPartnerId: 7, openData: false } },
    { dataset: { id: 2, ownerPartnerId: 8, openData: false } },
    { dataset: { id: 3, ownerPartnerId: 7, openData: true } },
  ];
  assert.deepEqual(uploads.ownedDatasets({ partnerId: 7 }, entries).map((d) => d.id), [1]);
  assert.deepEqual(uploads.ownedDatasets({ partnerId: null }, entries), []);
});

test("a new dataset posts its description; a new version posts only the load's choices", () => {
  const common = { uploadId: "u-1", mapping: POLICE_MAPPING, epsg: "", publishValidRows: true };
  const created = uploads.submission({ ...common, metadata: { title: "  Street crime ", theme: "crime", description: "",
    source: "Merseyside Police", licence: "OGL v3", coverage: "", updateFrequency: "monthly", target: "new" } });
  assert.equal(created.url, "/api/datasets");
  assert.deepEqual(created.body, { uploadId: "u-1", mapping: POLICE_MAPPING, epsg: null, publishValidRows: true,
    title: "Street crime", theme: "crime", description: null, source: "Merseyside Police", licence: "OGL v3", coverage: null,
    updateFrequency: "monthly" });
  const version = uploads.submission({ ...common, epsg: "27700", publishValidRows: false, datasetId: "12" });
  assert.equal(version.url, "/api/datasets/12/versions");
  assert.deepEqual(version.body, { uploadId: "u-1", mapping: POLICE_MAPPING, epsg: 27700, publishValidRows: false });
});

test("a version is current, an older published one, or withdrawn", () => {
  assert.equal(uploads.versionStatus({ status: "published", current: true }).label, "Current");
  assert.equal(uploads.versionStatus({ status: "published", current: false }).key, "published");
  assert.equal(uploads.versionStatus({ status: "withdrawn", withdrawnAt: "2026-05-01T10:00:00Z" }).label, "Withdrawn 1 May 2026");
});
