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

test("the access line says what is withheld", () => {
  assert.equal(crime.accessLine({ access: "aggregate", suppressedUpTo: 4, roundedTo: 1 }), "Aggregate access — counts of 1 to 4 suppressed");
  assert.equal(crime.accessLine({ access: "public", suppressedUpTo: 9, roundedTo: 5 }),
    "Public access — counts of 1 to 9 suppressed, others rounded to the nearest 5");
  assert.match(crime.accessLine({ access: "record", suppressedUpTo: 0 }), /^Record-level access/);
  assert.equal(crime.suppressedLabel({ suppressedUpTo: 4 }), "suppressed (1–4)");
  assert.equal(crime.suppressedLabel({}), "suppressed");
});

test("class breaks are increasing whole numbers above the smallest count", () => {
  const counts = [5, 5, 6, 7, 8, 9, 10, 12, 15, 20, 25, 40, 90, 150, 1234];
  const breaks = crime.classBreaks(counts);
  assert.ok(breaks.length >= 3 && breaks.length <= 4, `breaks ${breaks}`);
  breaks.forEach((b, i) => {
    assert.ok(Number.isInteger(b));
    assert.ok(b > 5);
    if (i > 0) assert.ok(b > breaks[i - 1]);
  });
  assert.deepEqual(crime.classBreaks([0, 0, null]), []);
  assert.deepEqual(crime.classBreaks([3, 3, 3]), []);
});

test("zero has its own class; missing counts have none", () => {
  const breaks = [10, 20];
  assert.equal(crime.classOf(0, breaks), 0);
  assert.equal(crime.classOf(5, breaks), 1);
  assert.equal(crime.classOf(10, breaks), 2);
  assert.equal(crime.classOf(99, breaks), 3);
  assert.equal(crime.classOf(null, breaks), -1);
});

test("class labels cover the counts without gaps", () => {
  assert.deepEqual(crime.classLabels(5, [8, 12]), ["5–7", "8–11", "12 or more"]);
  assert.deepEqual(crime.classLabels(1, [2]), ["1", "2 or more"]);
  assert.deepEqual(crime.classLabels(7, []), ["7 or more"]);
});

test("suppressed areas get the hatch and the words, never a number or a class colour", () => {
  const features = [area(0), area(5), area(9), area(30), area(null, true)];
  const view = crime.view(features, { disclosure: { access: "aggregate", suppressedUpTo: 4 }, title: "Bicycle theft, Mar 2022", levelNoun: "LSOA" });
  const hidden = features[4];
  assert.equal(view.fill(hidden), crime.SUPPRESSED_FILL);
  assert.equal(view.describe(hidden), "suppressed (1–4)");
  assert.equal(view.fill(features[0]), crime.ZERO_COLOUR);
  assert.equal(view.describe(features[0]), "0 crimes");
  assert.equal(view.describe(features[1]), "5 crimes");
  assert.ok(crime.COUNT_COLOURS.includes(view.fill(features[3])));
  assert.equal(view.suppressed, 1);
  assert.equal(view.legend.suppressed.label, "Suppressed (1–4)");
  assert.equal(view.legend.subtitle, "Crimes per LSOA");
  assert.match(view.legend.note, /counts of 1 to 4 suppressed/);
  assert.ok(view.legend.items.every((item) => !/^[1-4](–|$| )/.test(item.label)), "no class starts at 1 to 4");
});

test("a suppressed area that carries a count by mistake is still treated as suppressed", () => {
  const odd = { properties: { count: 3, suppressed: true } };
  assert.equal(crime.countOf(odd), null);
  assert.equal(crime.view([odd], { disclosure: { access: "aggregate", suppressedUpTo: 4 } }).describe(odd), "suppressed (1–4)");
});

test("record-level counts have no suppressed legend entry when nothing is suppressed", () => {
  const view = crime.view([area(1), area(2), area(3)], { disclosure: { access: "record", suppressedUpTo: 0 } });
  assert.equal(view.legend.suppressed, null);
  assert.equal(view.describe(area(1)), "1 crime");
});

test("people with disclosure control count one crime type in one month at a time", () => {
  assert.equal(crime.oneSliceOnly({ access: "aggregate", suppressedUpTo: 4 }), true);
  assert.equal(crime.oneSliceOnly({ access: "public", suppressedUpTo: 7, roundedTo: 5 }), true);
  assert.equal(crime.oneSliceOnly({ access: "record", suppressedUpTo: 0 }), false);
});
