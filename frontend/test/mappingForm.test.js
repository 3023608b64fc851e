// The column mapping for each kind of upload: the kind preset from the suggestion, the columns of numbers
// found in the sample, the form's first state, the mapping sent and what it lacks.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mappingForm } from "../src/js/mappingForm.js";
import { datasetKinds } from "../src/js/datasetKinds.js";

// A census table keyed by 2021 LSOA code, as the preview sends it.
const CENSUS = {
  geometryType: "None",
  fields: ["date", "geography", "geography code", "age_group", "usual_residents", "percent", "notes"],
  sample: [
    { date: "2021", geography: "Knowsley 006A", "geography code": "E01006412", age_group: "Aged 15 years and under",
      usual_residents: "378", percent: "21.4", notes: "" },
    { date: "2021", geography: "Knowsley 006B", "geography code": "E01006413", age_group: "Aged 16 to 24 years",
      usual_residents: "1,204", percent: "9.75", notes: "estimate" },
  ],
  suggestedKind: "area-statistics",
  suggestedMapping: { kind: "area-statistics", areaCode: "geography code", areaLevel: "lsoa", period: "date",
    category: "age_group", measures: ["usual_residents", "percent"], counts: ["usual_residents"] },
};

test("the kind is the suggested one; without a suggestion a file of polygons is polygons, anything else events", () => {
  assert.equal(mappingForm.kindOf(CENSUS), "area-statistics");
  assert.equal(mappingForm.kindOf({ suggestedMapping: { kind: "polygons" } }), "polygons");
  assert.equal(mappingForm.kindOf({ geometryType: "Multi Polygon" }), "polygons");
  assert.equal(mappingForm.kindOf({ geometryType: "Point", suggestedKind: "nonsense" }), "events");
  assert.equal(mappingForm.kindOf({}), "events");
});

test("columns of numbers are those whose non-blank sample values all read as numbers, thousands separators allowed", () => {
  assert.deepEqual(mappingForm.numericColumns(CENSUS.fields, CENSUS.sample), ["date", "usual_residents", "percent"]);
  assert.deepEqual(mappingForm.numericColumns(["a", "b", "c"], [{ a: "-3.5", b: "12 people", c: "" }, { a: ".25", b: "4", c: " " }]), ["a"]);
  assert.deepEqual(mappingForm.numericColumns(["a"], []), []);
});

test("the first state follows the suggestion: measures ticked and counts marked as it says", () => {
  const state = mappingForm.initialState(CENSUS);
  assert.equal(state.kind, "area-statistics");
  assert.equal(state.values.areaCode, "geography code");
  assert.equal(state.values.areaLevel, "lsoa");
  assert.equal(state.values.period, "date");
  assert.equal(state.values.x, "");
  assert.deepEqual(state.measures, [
    { column: "date", measure: false, count: false },
    { column: "usual_residents", measure: true, count: true },
    { column: "percent", measure: true, count: false },
  ]);
});

test("without suggested measures, every column of numbers no other role uses is a measure and none is a count", () => {
  const state = mappingForm.initialState({ ...CENSUS, suggestedMapping: { ...CENSUS.suggestedMapping, measures: null, counts: null } });
  assert.deepEqual(state.measures.map((m) => [m.column, m.measure, m.count]),
    [["date", false, false], ["usual_residents", true, false], ["percent", true, false]]);
});

test("an unknown area level is not preset, and a CSV cannot be polygons", () => {
  const state = mappingForm.initialState({ ...CENSUS, suggestedKind: "polygons", suggestedMapping: { areaLevel: "county" } });
  assert.equal(state.values.areaLevel, "");
  assert.equal(state.kind, "events");
  assert.equal(mappingForm.allows("polygons", { geometryType: "Polygon" }), true);
  assert.equal(mappingForm.allows("polygons", { geometryType: "None" }), false);
});

test("the statistics mapping sent has the kind, the roles and the ticked measures, counts only among them", () => {
  const { values, measures } = mappingForm.initialState(CENSUS);
  const ticked = measures.map((m) => (m.column === "percent" ? { ...m, measure: false, count: true } : m));
  assert.deepEqual(mappingForm.mappingRequest("area-statistics", { ...values, category: "" }, ticked), {
    kind: "area-statistics", areaCode: "geography code", areaLevel: "lsoa", period: "date", category: null,
    measures: ["usual_residents"], counts: ["usual_residents"] });
});

test("the polygons and events mappings carry their kind", () => {
  assert.deepEqual(mappingForm.mappingRequest("polygons", { name: "NPA_NAME", id: "", x: "X" }), { kind: "polygons", name: "NPA_NAME", id: null });
  const events = mappingForm.mappingRequest("events", { x: "Longitude", y: "Latitude", xyEpsg: "4326", date: "Month", category: "Crime type" });
  assert.equal(events.kind, "events");
  assert.equal(events.xyEpsg, 4326);
  assert.equal(events.date, "Month");
});

test("a statistics mapping needs an area code, its level and a measure, each column in one role", () => {
  const keys = (mapping) => mappingForm.mappingProblems(mapping).map((p) => p.key);
  const good = { kind: "area-statistics", areaCode: "code", areaLevel: "lsoa", period: null, category: null, measures: ["n"], counts: [] };
  assert.deepEqual(keys(good), []);
  assert.deepEqual(keys({ ...good, areaCode: null, areaLevel: null, measures: [] }), ["areaCode", "areaLevel", "measures"]);
  const twice = mappingForm.mappingProblems({ ...good, period: "n" });
  assert.equal(twice.length, 1);
  assert.equal(twice[0].key, "measures");
  assert.match(twice[0].message, /n is chosen for both the period and the measures/);
});

test("polygons need geometry of their own, and its EPSG code when the file does not say", () => {
  const keys = (options) => mappingForm.mappingProblems({ kind: "polygons", name: null, id: null }, options).map((p) => p.key);
  assert.deepEqual(keys({ ownGeometry: false }), ["kind"]);
  assert.deepEqual(keys({ ownGeometry: true }), []);
  assert.deepEqual(keys({ ownGeometry: true, crsUnknown: true }), ["epsg"]);
  assert.deepEqual(keys({ ownGeometry: true, crsUnknown: true, epsg: 27700 }), []);
});

test("events keep their rules whether or not the mapping names its kind", () => {
  const keys = mappingForm.mappingProblems({ kind: "events", x: "Lon", y: "Lat", xyEpsg: null, date: "Month", category: null })
    .map((p) => p.key);
  assert.deepEqual(keys, ["xyEpsg", "category"]);
});

test("the sample's mapped columns are named by their role for every kind", () => {
  const statistics = mappingForm.rolesByColumn(mappingForm.mappingRequest("area-statistics", mappingForm.initialState(CENSUS).values,
    mappingForm.initialState(CENSUS).measures));
  assert.equal(statistics.get("geography code"), "Area code");
  assert.equal(statistics.get("age_group"), "Breakdown");
  assert.equal(statistics.get("usual_residents"), "Measure (count)");
  assert.equal(statistics.get("percent"), "Measure");
  assert.equal(statistics.has("date"), true);
  assert.equal(mappingForm.rolesByColumn({ kind: "polygons", name: "NAME", id: "NAME" }).get("NAME"), "Name, Identifier");
  assert.equal(mappingForm.rolesByColumn({ kind: "events", date: "Month" }).get("Month"), "Date or month");
});

test("the describe step's summary says what the mapping does", () => {
  const mapping = mappingForm.mappingRequest("area-statistics", mappingForm.initialState(CENSUS).values, mappingForm.initialState(CENSUS).measures);
  assert.equal(mappingForm.summary(mapping), "Statistics by area: LSOA codes from geography code, 2 measures "
    + "(1 of them counts), periods from date, broken down by age_group.");
  assert.equal(mappingForm.summary({ kind: "polygons", name: "NAME", id: null }, { epsg: 27700 }),
    "Polygons from the file's geometry (EPSG:27700), named from NAME.");
  assert.equal(mappingForm.summary({ kind: "events", x: "Lon", y: "Lat", xyEpsg: 4326, date: "Month", category: "Type" }),
    "Points from Lon and Lat (EPSG:4326), dates from Month, categories from Type.");
});

test("dataset kinds read as words; unknown kinds as themselves", () => {
  assert.equal(datasetKinds.label("area-statistics"), "Statistics by area");
  assert.equal(datasetKinds.label("reference"), "Reference data");
  assert.equal(datasetKinds.label(null), "Not stated");
  assert.equal(datasetKinds.label("rasters"), "rasters");
  assert.deepEqual(datasetKinds.UPLOADABLE.map((k) => k.key), ["events", "area-statistics", "polygons"]);
});
