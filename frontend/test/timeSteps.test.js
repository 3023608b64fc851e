// What the time slider steps through: a dataset's months or periods, and which one the map shows.
import { test } from "node:test";
import assert from "node:assert/strict";
import { timeSteps } from "../src/js/timeSteps.js";

const crimeTheme = { key: "events:7", dataset: { id: 7 }, months: ["2022-01", "2022-02", "2022-03"] };

test("an event dataset steps through its months; one month chosen is the one shown", () => {
  const steps = timeSteps(crimeTheme, { crime: { from: "2022-02", to: "2022-02" } });
  assert.deepEqual(steps.periods, [{ key: "2022-01", label: "Jan 2022" }, { key: "2022-02", label: "Feb 2022" },
    { key: "2022-03", label: "Mar 2022" }]);
  assert.equal(steps.current, "2022-02");
});

test("a span of months is no single step, and says what it is", () => {
  assert.deepEqual(timeSteps(crimeTheme, { crime: { from: "2022-01", to: "2022-03" } }).current, null);
  assert.equal(timeSteps(crimeTheme, { crime: { from: "2022-01", to: "2022-03" } }).span, "Jan–Mar 2022");
  assert.equal(timeSteps(crimeTheme, { crime: { from: "", to: "" } }).span, "All months");
});

test("a statistics dataset steps through the periods of its own last answer", () => {
  const theme = { key: "statistics:9", kind: "area-statistics", dataset: { id: 9 } };
  const answer = { datasetId: 9, periods: ["2021-03-21", "2022-03-21"], period: "2022-03-21" };
  const steps = timeSteps(theme, { statistics: {} }, answer);
  assert.deepEqual(steps.periods.map((p) => p.key), ["2021-03-21", "2022-03-21"]);
  assert.equal(steps.current, "2022-03-21");
  assert.deepEqual(timeSteps(theme, { statistics: {} }, { ...answer, datasetId: 10 }).periods, [], "another dataset's answer");
});

test("deprivation has no periods to step through", () => {
  assert.deepEqual(timeSteps({ key: "imd" }, { theme: "imd" }), { periods: [], current: null, span: "" });
});
