// Counts by area: months, words for access, class breaks and the legend. Suppressed counts must never
// be drawn or described as a number.
import { test } from "node:test";
import assert from "node:assert/strict";
import { crime } from "../src/js/crime.js";

const area = (count, suppressed = false) => ({ properties: suppressed ? { suppressed: true, reason: "small count" } : { count, suppressed: false } });

test("months run from the coverage start to its end, across a year end", () => {
  assert.deepEqual(crime.months("2022-01-01", "2022-11-30"),
    ["2022-01", "2022-02", "2022-03", "2022-04", "2022-05", "2022-06", "2022-07", "2022-08", "2022-09", "2022-10", "2022-11"]);
  assert.deepEqual(crime.months("2021-11-01", "2022-02-28"), ["2021-11", "2021-12", "2022-01", "2022-02"]);
  assert.deepEqual(crime.months(null, "2022-02-28"), []);
});

test("a period is one month, a range in one year, or a range across years", () => {
  assert.equal(crime.period("2022-03", "2022-03"), "Mar 2022");
  assert.equal(crime.period("2022-01", "2022-11"), "Jan–Nov 2022");
  assert.equal(crime.period("2021-12", "2022-02"), "Dec 2021 – Feb 2022");
});

test("the access line says in one sentence that small numbers are adjusted to protect people", () => {
  assert.equal(crime.accessLine({ access: "aggregate", method: "cell-key", roundedTo: 1 }),
    "Aggregate access. Small numbers are adjusted to protect people, so parts may not add up to totals.");
  assert.equal(crime.accessLine({ access: "public", method: "cell-key", roundedTo: 5 }),
    "Public access. Small numbers are adjusted to protect people, so parts may not add up to totals. Counts are rounded to the nearest 5.");
  assert.match(crime.accessLine({ access: "record", method: "none" }), /^Record-level access/);
  assert.equal(crime.suppressedLabel({}), "suppressed");
});

test("the classes asked of the server are the features' counts in order, zeros apart; a suppressed count is sent as null", () => {
  const features = [area(0), area(5), area(3, true)];
  assert.deepEqual(crime.classesRequest(features),
    { values: [0, 5, null], method: "quantile", classes: 5, palette: "BuPu", zeroClass: true });
});

// What POST /api/classify answers for the counts 0, 5, 9, 30, 6 (zeros apart, quantiles of 5, 6, 9, 30 in 3 classes).
const ANSWER = { classes: [{ key: "0", label: "0", colour: "#f7f7f7", count: 1 }, { key: "1", label: "5", colour: "#e0ecf4", count: 1 },
  { key: "2", label: "6–8", colour: "#9ebcda", count: 1 }, { key: "3", label: "9–30", colour: "#8856a7", count: 2 }],
  assignments: [0, 1, 3, 3, 2] };

test("adjusted counts are drawn like any count: no hatch, no suppressed entry, the sentence near the legend", () => {
  const features = [area(0), area(5), area(9), area(30), area(6)].map((f, i) => ({ ...f, id: `A${i}` }));
  const view = crime.view(features, { disclosure: { access: "aggregate", method: "cell-key" }, title: "Bicycle theft, Mar 2022", levelNoun: "LSOA",
    answer: ANSWER });
  assert.ok(features.every((f) => view.fill(f) !== crime.SUPPRESSED_FILL));
  assert.equal(view.fill(features[0]), "#f7f7f7");
  assert.equal(view.fill(features[3]), "#8856a7");
  assert.equal(view.fill(features[4]), "#9ebcda");
  assert.equal(view.describe(features[0]), "0 crimes");
  assert.equal(view.describe(features[1]), "5 crimes");
  assert.deepEqual(view.legend.items.map((i) => i.label), ["0 crimes (1)", "5 (1)", "6–8 (1)", "9–30 (2)"]);
  assert.equal(view.suppressed, 0);
  assert.equal(view.legend.suppressed, null);
  assert.equal(view.legend.subtitle, "Crimes per LSOA");
  assert.match(view.legend.note, /Small numbers are adjusted to protect people/);
});

test("a suppressed area (from an older server), even one carrying a count, is hatched and never shows it", () => {
  const odd = { properties: { count: 3, suppressed: true } };
  assert.equal(crime.countOf(odd), null);
  const view = crime.view([odd], { disclosure: { access: "aggregate", method: "cell-key" }, answer: { classes: [], assignments: [-1] } });
  assert.equal(view.describe(odd), "suppressed");
  assert.equal(view.fill(odd), crime.SUPPRESSED_FILL);
});

test("record-level counts have no suppressed legend entry when nothing is suppressed", () => {
  const view = crime.view([area(1), area(2), area(3)], { disclosure: { access: "record", suppressedUpTo: 0 } });
  assert.equal(view.legend.suppressed, null);
  assert.equal(view.describe(area(1)), "1 crime");
});

test("people whose counts are adjusted choose all months, a year, a quarter or a month", () => {
  assert.equal(crime.periodsOnly({ access: "aggregate", method: "cell-key" }), true);
  assert.equal(crime.periodsOnly({ access: "public", method: "cell-key", roundedTo: 5 }), true);
  assert.equal(crime.periodsOnly({ access: "record", method: "none" }), false);
  assert.deepEqual(crime.periodChoices(["2022-02", "2022-03", "2022-04"]), [
    { label: "All months", from: "", to: "" },
    { label: "2022", from: "2022-01", to: "2022-12" },
    { label: "Apr–Jun 2022", from: "2022-04", to: "2022-06" },
    { label: "Jan–Mar 2022", from: "2022-01", to: "2022-03" },
    { label: "Apr 2022", from: "2022-04", to: "2022-04" },
    { label: "Mar 2022", from: "2022-03", to: "2022-03" },
    { label: "Feb 2022", from: "2022-02", to: "2022-02" },
  ]);
});
