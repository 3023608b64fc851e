// The area profile's pure helpers: comparisons, spine positions, series points, trend text, IMD domains.
import { test } from "node:test";
import assert from "node:assert/strict";
import { profileView } from "../src/js/profileView.js";

test("a comparison reads as a word with its colour class", () => {
  assert.deepEqual(profileView.comparison("higher"), { label: "Higher", className: "cmp cmp-higher" });
  assert.deepEqual(profileView.comparison("lower"), { label: "Lower", className: "cmp cmp-lower" });
  assert.deepEqual(profileView.comparison(undefined), { label: "Not compared", className: "cmp cmp-not-compared" });
});

test("the spine places the quartiles and the three values between the lowest and the highest", () => {
  const spread = { n: 5, min: 10, q25: 15, median: 20, q75: 30, max: 50 };
  assert.deepEqual(profileView.spine(spread, { value: 40, districtValue: 20, partnershipValue: 60 }),
    { q25: 0.125, median: 0.25, q75: 0.5, area: 0.75, district: 0.25, partnership: 1 });
  assert.equal(profileView.spine({ n: 3, min: 2, max: 2 }, { value: 2 }), null);
  assert.equal(profileView.spine({ n: 0 }, {}), null);
  assert.equal(profileView.spine(spread, { value: null }).area, null);
});

test("a series charts its months, or its quarters when there are no months", () => {
  const body = { months: [{ period: "2022-01", value: 1.5, lower95: 1, upper95: 2 }, { period: "2022-02", value: null }] };
  assert.deepEqual(profileView.series(body), { granularity: "months", labels: ["2022-01", "2022-02"], values: [1.5, null],
    lower: [1, null], upper: [2, null] });
  assert.equal(profileView.series({ months: [], quarters: [{ period: "2022-Q1", value: 3 }] }).granularity, "quarters");
});

test("a trend reads with its direction and p-value, or why it was not tested", () => {
  assert.equal(profileView.trend({ trend: { months: { tested: true, pValue: 0.0123, direction95: "increasing" } } }, "months"),
    "Rising (chi-square test for trend by month, p = 0.012).");
  assert.equal(profileView.trend({ trend: { years: { tested: false, reason: "fewer than two periods" } } }, "years"),
    "No trend test: fewer than two periods.");
});

test("the IMD domains come in the usual order with their labels", () => {
  const rows = profileView.domains({ health: { rank: 120, decile: 1 }, imd: { rank: 50, decile: 1 } });
  assert.deepEqual(rows.map((r) => r.key), ["imd", "health"]);
  assert.equal(rows[1].label, "Health deprivation and disability");
  assert.deepEqual(profileView.domains(null), []);
});

test("a custom area's IMD domains read as its LSOAs and residents by decile, with the 10% and 20% most deprived", () => {
  const deciles = [{ decile: 1, lsoas: 3, population: 4500 }, { decile: 2, lsoas: 1, population: 1500 },
    ...Array.from({ length: 7 }, (_, i) => ({ decile: i + 3, lsoas: 0, population: 0 })), { decile: 10, lsoas: 4, population: 6000 }];
  const rows = profileView.decileDistribution({ domains: {
    crime: { lsoas: 8, population: 12000, deciles,
      mostDeprived10: { lsoas: 3, lsoaShare: 3 / 8, population: 4500, populationShare: 4500 / 12000 },
      mostDeprived20: { lsoas: 4, lsoaShare: 0.5, population: 6000, populationShare: 0.5 } },
    imd: { lsoas: 0, population: 0, deciles: [],
      mostDeprived10: { lsoas: 0, lsoaShare: null, population: 0, populationShare: null },
      mostDeprived20: { lsoas: 0, lsoaShare: null, population: 0, populationShare: null } },
  } });
  assert.deepEqual(rows.map((r) => r.key), ["imd", "crime"]);
  assert.deepEqual(rows[1].deciles.map((d) => d.lsoas), [3, 1, 0, 0, 0, 0, 0, 0, 0, 4]);
  assert.equal(rows[1].most10.lsoas, "3 of 8 LSOAs (37.5%)");
  assert.equal(rows[1].most10.people, "4,500 of 12,000 residents (37.5%)");
  assert.equal(rows[1].most20.lsoas, "4 of 8 LSOAs (50.0%)");
  assert.equal(rows[0].deciles.length, 10);
  assert.equal(rows[0].most10.lsoas, "0 of 0 LSOAs (—)");
  assert.deepEqual(profileView.decileDistribution(undefined), []);
});
