// Pure helpers of the area profile page: how a comparison reads and is coloured, where the area, its
// district and the partnership sit on a spine chart, the points of a time-series chart and the IMD domains.
// No DOM, so node --test checks them.
import { format } from "./format.js";
import { indicators } from "./indicators.js";
import { indicatorValues } from "./indicatorValues.js";

const WORDS = { higher: "Higher", similar: "Similar", lower: "Lower", "not-compared": "Not compared" };

function comparison(word) {
  const key = WORDS[word] ? word : "not-compared";
  return { label: WORDS[key], className: `cmp cmp-${key}` };
}

// Positions (0 to 1) on a spine running from the level's lowest value to its highest across the partnership:
// the interquartile box, the median, the area, its district and the partnership. Null where a figure is missing
// or the spine has no length (every area alike).
function spine(spread, { value, districtValue, partnershipValue } = {}) {
  if (!spread || !(spread.n > 0) || !(spread.max > spread.min)) return null;
  const at = (v) => (v === null || v === undefined || !Number.isFinite(Number(v)) ? null
    : Math.min(1, Math.max(0, (Number(v) - spread.min) / (spread.max - spread.min))));
  return { q25: at(spread.q25), median: at(spread.median), q75: at(spread.q75), area: at(value), district: at(districtValue),
    partnership: at(partnershipValue) };
}

// A series' points for a chart: by month when there are months, else quarters or years; values and 95% limits.
function series(body) {
  const points = ["months", "quarters", "years"].map((g) => ({ granularity: g, list: body?.[g] ?? [] }))
    .find((s) => s.list.length > 0) ?? { granularity: "months", list: [] };
  return {
    granularity: points.granularity,
    labels: points.list.map((p) => p.period),
    values: points.list.map((p) => p.value ?? null),
    lower: points.list.map((p) => p.lower95 ?? null),
    upper: points.list.map((p) => p.upper95 ?? null),
  };
}

// "Rising (chi-square test for trend, p = 0.012)", or why there is no test.
function trend(body, granularity) {
  const t = body?.trend?.[granularity];
  if (!t) return "No trend test.";
  if (!t.tested) return `No trend test: ${t.reason ?? "not enough periods"}.`;
  const p = t.pValue < 0.001 ? "p < 0.001" : `p = ${Number(t.pValue).toFixed(3)}`;
  const direction = { increasing: "Rising", decreasing: "Falling", "no-significant-change": "No significant change" }[t.direction95]
    ?? t.direction95;
  return `${direction} (chi-square test for trend by ${granularity.replace(/s$/, "")}, ${p}).`;
}

// The IMD 2019 domains of an LSOA: [{ key, label, rank, decile }] in the usual order.
function domains(deprivation) {
  if (!deprivation) return [];
  return indicators.domains.filter((d) => deprivation[d.key])
    .map((d) => ({ key: d.key, label: d.label, rank: deprivation[d.key].rank, decile: deprivation[d.key].decile }));
}

// A custom area's IMD 2019 domains (it has no decile of its own): per domain in the usual order, its LSOAs and
// residents by national decile 1..10, and the 10% and 20% most deprived as "n of m (p%)" for LSOAs and people.
function decileDistribution(deprivationDeciles) {
  const domains = deprivationDeciles?.domains;
  if (!domains) return [];
  const pct = (share) => (share === null || share === undefined ? "—" : `${(100 * share).toFixed(1)}%`);
  const count = (n) => format.number(n);
  const reads = (d, of, ofPeople) => ({
    lsoas: `${count(d.lsoas)} of ${count(of)} LSOAs (${pct(d.lsoaShare)})`,
    people: `${count(d.population)} of ${count(ofPeople)} residents (${pct(d.populationShare)})`,
  });
  return indicators.domains.filter((d) => domains[d.key]).map((d) => {
    const domain = domains[d.key];
    const byDecile = Array.from({ length: 10 }, (_, i) => domain.deciles.find((r) => r.decile === i + 1)
      ?? { decile: i + 1, lsoas: 0, population: 0 });
    return { key: d.key, label: d.label, lsoas: domain.lsoas, population: domain.population, deciles: byDecile,
      most10: reads(domain.mostDeprived10, domain.lsoas, domain.population),
      most20: reads(domain.mostDeprived20, domain.lsoas, domain.population) };
  });
}

// A value for the profile table: the interval text, or why there is none.
function valueText(entry) {
  if (entry.unavailable) return `Not available: ${entry.unavailable}`;
  return indicatorValues.valueWithInterval(entry.value);
}

export const profileView = { comparison, spine, series, trend, domains, decileDistribution, valueText };
