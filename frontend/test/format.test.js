// Pure helpers behind the legend, the colours and the details panel: `node --test frontend/test/`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { format } from "../src/js/format.js";

test("numbers are grouped in thousands, and missing values say so", () => {
  assert.equal(format.number(1234567), "1,234,567");
  assert.equal(format.number(0), "0");
  assert.equal(format.number("1500"), "1,500");
  assert.equal(format.number(null), "No data");
  assert.equal(format.number(undefined), "No data");
});

test("percentages keep at most one decimal place", () => {
  assert.equal(format.percent(34.5), "34.5%");
  assert.equal(format.percent(10), "10%");
  assert.equal(format.percent(0.33), "0.3%");
  assert.equal(format.percent(null), "No data");
});

test("ranks are given out of England's LSOAs when a total is passed", () => {
  assert.equal(format.rank(1234, 32844), "1,234 of 32,844");
  assert.equal(format.rank(7), "7");
  assert.equal(format.rank(null, 32844), "No data");
});

test("decile labels name the two ends of the scale", () => {
  assert.equal(format.decileLabel(1), "1 (most deprived 10%)");
  assert.equal(format.decileLabel(5), "5");
  assert.equal(format.decileLabel(10), "10 (least deprived 10%)");
  assert.equal(format.decileLabel(null), "No data");
});

test("each decile has its own colour, from red (1) to blue (10)", () => {
  const colours = Array.from({ length: 10 }, (_, i) => format.decileColour(i + 1));
  assert.equal(new Set(colours).size, 10);
  assert.equal(colours[0], "#a50026");
  assert.equal(colours[9], "#313695");
  assert.ok(!colours.includes(format.NO_DATA_COLOUR));
});

test("deciles outside 1 to 10, or missing, are drawn as no data", () => {
  for (const bad of [null, undefined, 0, 11, 2.5, "x"]) {
    assert.equal(format.decileColour(bad), format.NO_DATA_COLOUR, `decile ${bad}`);
  }
  assert.equal(format.decileColour("3"), format.DECILE_COLOURS[2]);
});

test("percentages fall into classes 0, under 10, 10-25, 25-50 and 50 or more", () => {
  const cases = [[0, 0], [0.3, 1], [9.9, 1], [10, 2], [24.9, 2], [25, 3], [49.9, 3], [50, 4], [100, 4], [null, -1]];
  for (const [value, expected] of cases) assert.equal(format.percentClass(value), expected, `${value}%`);
});

test("class labels describe the breaks without gaps or overlaps", () => {
  assert.deepEqual(format.percentClassLabels(),
    ["0%", "Under 10%", "10% to under 25%", "25% to under 50%", "50% or more"]);
  assert.deepEqual(format.percentClassLabels([5, 20]), ["0%", "Under 5%", "5% to under 20%", "20% or more"]);
  assert.equal(format.percentClassLabels().length, format.PERCENT_COLOURS.length);
});

test("percentage colours run from light to dark, with grey for no data", () => {
  assert.equal(format.percentColour(0), format.PERCENT_COLOURS[0]);
  assert.equal(format.percentColour(60), format.PERCENT_COLOURS[4]);
  assert.equal(format.percentColour(null), format.NO_DATA_COLOUR);
});

test("text bound for Leaflet's HTML attribution is escaped", () => {
  assert.equal(format.escapeHtml('<b>"ONS" & OS</b>'), "&lt;b&gt;&quot;ONS&quot; &amp; OS&lt;/b&gt;");
  assert.equal(format.escapeHtml(null), "");
});

test("dates and months are written out, and missing ones say so", () => {
  assert.equal(format.date("2022-03-01"), "1 Mar 2022");
  assert.equal(format.date("2026-11-21T19:54:46Z"), "21 Nov 2026");
  assert.equal(format.date(null), "—");
  assert.equal(format.month("2022-11"), "Nov 2022");
  assert.equal(format.month("2022-11-30"), "Nov 2022");
});

test("timestamps are shown in the given time zone", () => {
  assert.equal(format.dateTime("2026-11-21T19:54:07.5Z", "UTC"), "21 Nov 2026, 19:54:07");
  assert.equal(format.dateTime("2026-07-01T12:00:00Z", "Europe/London"), "1 Jul 2026, 13:00:00");
  assert.equal(format.dateTime("not a time"), "—");
});
