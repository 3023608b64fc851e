// Statistics by area on the map: quantile classes, their labels, the legend and each area's words.
// Suppressed values must never be drawn or described as a number.
import { test } from "node:test";
import assert from "node:assert/strict";
import { statistics } from "../src/js/statistics.js";
import { crime } from "../src/js/crime.js";
import { format } from "../src/js/format.js";

const area = (code, value, suppressed = false) => ({ id: code, properties: { code, name: `Area ${code}`, value, suppressed } });

const ANSWER = { datasetId: 7, version: 2, level: "lsoa", measures: ["usual_residents", "pct_over_65"], counts: ["usual_residents"],
  periods: ["2011-03-27", "2021-03-21"], categories: ["Aged 15 years and under"], measure: "usual_residents", period: "2021-03-21",
  category: "Aged 15 years and under", disclosure: { method: "cell-key", ptable: "aggregate-1", roundedTo: 1 } };
const ADJUSTED = "Small numbers are adjusted to protect people, so parts may not add up to totals.";

test("quantile breaks split ten values into five classes of two, at data values", () => {
  const values = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
  assert.deepEqual(statistics.quantileBreaks(values), [3, 5, 7, 9]);
  assert.deepEqual(values.map((v) => statistics.classOf(v, [3, 5, 7, 9])), [0, 0, 1, 1, 2, 2, 3, 3, 4, 4]);
});

test("repeated values give fewer classes; the breaks stay strictly increasing and above the minimum", () => {
  assert.deepEqual(statistics.quantileBreaks([5, 5, 5, 5, 5, 5, 5, 5, 9, 12]), [9]);
  assert.deepEqual(statistics.quantileBreaks([4, 4, 4]), []);
  assert.deepEqual(statistics.quantileBreaks([]), []);
  assert.deepEqual(statistics.quantileBreaks([null, undefined, Number.NaN, 2, 1]), [2]);
  const breaks = statistics.quantileBreaks([-2.5, -1, 0, 0.5, 0.75, 3.25, 8, 8, 8, 40]);
  assert.deepEqual(breaks, [0, 0.75, 8]);
  assert.equal(statistics.classOf(null, breaks), -1);
});

test("class labels: whole numbers as ranges, others as 'to under', the last 'or more'", () => {
  assert.deepEqual(statistics.classLabels(1, [3, 5, 7, 9]), ["1–2", "3–4", "5–6", "7–8", "9 or more"]);
  assert.deepEqual(statistics.classLabels(5, [6, 1200]), ["5", "6–1,199", "1,200 or more"]);
  assert.deepEqual(statistics.classLabels(0.5, [1.25, 2.125], { whole: false }), ["0.5 to under 1.25", "1.25 to under 2.13", "2.13 or more"]);
  assert.deepEqual(statistics.classLabels(7, []), ["7"]);
});

test("measure names read as words unless they already do", () => {
  assert.equal(statistics.measureLabel("usual_residents"), "Usual residents");
  assert.equal(statistics.measureLabel("Usual residents"), "Usual residents");
  assert.equal(statistics.measureLabel("pct-over-65"), "Pct over 65");
});

test("the access line says in one sentence that small numbers are adjusted, and any rounding; or that values are exact", () => {
  assert.equal(statistics.accessLine(ANSWER), ADJUSTED);
  assert.equal(statistics.accessLine({ disclosure: { method: "cell-key", roundedTo: 5 } }), `${ADJUSTED} Counts are rounded to the nearest 5.`);
  assert.equal(statistics.accessLine({ disclosure: { method: "none" } }), "Exact values");
  assert.equal(statistics.accessLine({}), "Exact values");
});

test("the legend has the quantile classes and the sentence on adjusted numbers, and no hatched entry", () => {
  const features = [area("A", 378), area("B", 0), area("C", 120), area("D", 950), area("E", 40), area("F", 600)];
  const view = statistics.view(features, ANSWER, { levelNoun: "LSOA", datasetTitle: "Census 2021" });
  assert.equal(view.legend.kind, "statistics");
  assert.equal(view.legend.title, "Usual residents, Aged 15 years and under");
  assert.equal(view.legend.subtitle, "Census 2021 · 21 Mar 2021 · per LSOA");
  assert.equal(view.legend.items[0].label.startsWith("0"), true);
  assert.match(view.legend.items.at(-1).label, /or more$/);
  assert.equal(view.legend.suppressed, null);
  assert.equal(view.legend.noData, null);
  assert.equal(view.legend.note, ADJUSTED);
  assert.equal(view.suppressed, 0);
});

test("a suppressed area (from an older server) is hatched and described without a number; a missing value is 'No data'", () => {
  const features = [area("A", 378), area("B", 5, true), area("C", null)];
  const view = statistics.view(features, ANSWER);
  assert.equal(view.fill(features[1]), crime.SUPPRESSED_FILL);
  assert.equal(view.describe(features[1]), "suppressed");
  assert.equal(statistics.valueOf(features[1]), null, "a suppressed value is never read");
  assert.equal(view.fill(features[2]), format.NO_DATA_COLOUR);
  assert.equal(view.describe(features[2]), "No data");
  assert.equal(view.describe(features[0]), "378");
  assert.ok(statistics.COLOURS.includes(view.fill(features[0])));
  assert.deepEqual(view.legend.noData, { key: "none", colour: format.NO_DATA_COLOUR, label: "No data" });
});

test("exact values have no suppressed entry, and decimals keep two places", () => {
  const features = [area("A", 12.345), area("B", 3.5), area("C", 7)];
  const view = statistics.view(features, { ...ANSWER, suppressedUpTo: null, roundedTo: null, category: null, period: null });
  assert.equal(view.legend.suppressed, null);
  assert.equal(view.legend.title, "Usual residents");
  assert.equal(view.legend.subtitle, "per area");
  assert.equal(view.describe(features[0]), "12.35");
  assert.match(view.legend.items[0].label, / to under /);
});

test("values join the boundaries by code; areas with no boundary are counted, boundaries with no row left out", () => {
  const boundaries = { type: "FeatureCollection", features: [
    { type: "Feature", id: "E01006412", properties: { code: "E01006412", name: "Knowsley 006A" }, geometry: null },
    { type: "Feature", id: "E01006413", properties: { code: "E01006413", name: "Knowsley 006B" }, geometry: null },
    { type: "Feature", id: "E01009999", properties: { code: "E01009999", name: "Elsewhere" }, geometry: null },
  ] };
  const answer = { values: [
    { code: "E01006412", name: "Knowsley 006A", value: 378, suppressed: false },
    { code: "E01006413", name: "Knowsley 006B", value: 3, suppressed: true },
    { code: "E01011111", name: "Not loaded", value: 12, suppressed: false },
  ] };
  const { collection, unplaced } = statistics.join(boundaries, answer);
  assert.deepEqual(collection.features.map((f) => [f.properties.code, f.properties.value, f.properties.suppressed]),
    [["E01006412", 378, false], ["E01006413", null, true]]);
  assert.deepEqual(unplaced, ["E01011111"]);
});
