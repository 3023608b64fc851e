// Counts of events (police.uk street crime) by area: the months a dataset covers, the periods a person
// may choose, their access in words, and the legend from the server's classes (zeros apart). Under disclosure control
// every count is adjusted a little by the server (cell-key method) and the legend says so in one sentence;
// nothing is hatched. (A suppressed count, from an older server, still gets the hatch.) Pure data and functions.
import { classes } from "./classes.js";
import { format } from "./format.js";

// What the map asks POST /api/classify for: quantiles of the counts above zero in ColorBrewer BuPu (sequential,
// colour-blind safe), zeros in a class of their own.
const CLASSES = { method: "quantile", classes: 5, palette: "BuPu", zeroClass: true };
const SUPPRESSED_HATCH_ID = "pw-suppressed-hatch";
const SUPPRESSED_FILL = `url(#${SUPPRESSED_HATCH_ID})`;
const SUPPRESSED_SWATCH = "suppressed";

const countOf = (feature) => {
  const p = feature?.properties ?? {};
  return p.suppressed || p.count === null || p.count === undefined ? null : Number(p.count);
};
const isSuppressed = (feature) => Boolean(feature?.properties?.suppressed);

// "YYYY-MM" for every month from the coverage start to its end, oldest first.
function months(coverageStart, coverageEnd) {
  const parse = (text) => /^(\d{4})-(\d{2})/.exec(String(text ?? ""));
  const start = parse(coverageStart);
  const end = parse(coverageEnd);
  if (!start || !end) return [];
  const list = [];
  let year = Number(start[1]);
  let month = Number(start[2]);
  while (year < Number(end[1]) || (year === Number(end[1]) && month <= Number(end[2]))) {
    list.push(`${year}-${String(month).padStart(2, "0")}`);
    if (++month > 12) { month = 1; year++; }
    if (list.length > 600) break;
  }
  return list;
}

function period(from, to) {
  if (!from && !to) return "all months";
  if (!to || from === to) return format.month(from ?? to);
  if (!from) return `up to ${format.month(to)}`;
  const sameYear = from.slice(0, 4) === to.slice(0, 4);
  return sameYear ? `${format.month(from).split(" ")[0]}–${format.month(to)}` : `${format.month(from)} – ${format.month(to)}`;
}

function suppressedLabel(disclosure) {
  const upTo = Number(disclosure?.suppressedUpTo);
  return upTo > 0 ? `suppressed (1–${upTo})` : "suppressed";
}

// The one sentence shown near the legend wherever numbers are perturbed.
const ADJUSTED = "Small numbers are adjusted to protect people, so parts may not add up to totals.";

// Whether the server adjusts this person's counts (cell-key method): they then choose a month, a
// quarter, a year or all months, not any range (overlapping ranges could be averaged).
function periodsOnly(disclosure) {
  return disclosure?.method === "cell-key";
}

// The periods such a person may choose, newest first after "All months": each year, quarter and month
// the coverage touches. { label, from, to } with "" for open ends.
function periodChoices(monthList) {
  const choices = [{ label: "All months", from: "", to: "" }];
  const years = [...new Set(monthList.map((m) => m.slice(0, 4)))].reverse();
  for (const year of years) {
    choices.push({ label: year, from: `${year}-01`, to: `${year}-12` });
    for (let q = 4; q >= 1; q--) {
      const first = `${year}-${String(3 * q - 2).padStart(2, "0")}`;
      const last = `${year}-${String(3 * q).padStart(2, "0")}`;
      if (monthList.some((m) => m >= first && m <= last)) choices.push({ label: period(first, last), from: first, to: last });
    }
    monthList.filter((m) => m.startsWith(year)).reverse().forEach((m) => choices.push({ label: format.month(m), from: m, to: m }));
  }
  return choices;
}

// One line saying what the person may see of the counts.
function accessLine(disclosure) {
  const rounding = Number(disclosure?.roundedTo ?? 1);
  const rounded = rounding > 1 ? ` Counts are rounded to the nearest ${rounding}.` : "";
  switch (disclosure?.access) {
    case "record": return "Record-level access — exact counts and individual crimes";
    case "aggregate": return periodsOnly(disclosure) ? `Aggregate access. ${ADJUSTED}${rounded}` : "Aggregate access — exact counts";
    case "public": return periodsOnly(disclosure) ? `Public access. ${ADJUSTED}${rounded}` : `Public access.${rounded}`;
    default: return "No access to counts";
  }
}

// The body of POST /api/classify for the features' counts, in feature order.
function classesRequest(features) {
  return classes.request(features.map(countOf), CLASSES);
}

// Everything the map needs to draw one count layer: fill, words, legend and a summary.
// answer: the server's classes of these features' counts (POST /api/classify with classesRequest(features)).
function view(features, { disclosure, title = "Crimes", unit = "crimes", levelNoun = "area", answer } = {}) {
  const classOf = classes.byFeature(features, answer);
  const suppressed = features.filter(isSuppressed).length;
  const hidden = suppressedLabel(disclosure);
  const items = classes.legendItems(answer, { labelOf: (c) => (c.key === "0" ? `0 ${unit}` : c.label) });
  return {
    suppressed,
    total: features.length,
    fill: (feature) => (isSuppressed(feature) ? SUPPRESSED_FILL : classes.colour(answer, classOf.get(feature) ?? -1)),
    describe: (feature) => (isSuppressed(feature) ? hidden : describeCount(countOf(feature), unit)),
    legend: {
      kind: "count",
      title,
      subtitle: `${unit[0].toUpperCase()}${unit.slice(1)} per ${levelNoun}`,
      items,
      suppressed: suppressed > 0
        ? { key: "suppressed", pattern: SUPPRESSED_SWATCH, label: `${hidden[0].toUpperCase()}${hidden.slice(1)}` } : null,
      note: accessLine(disclosure),
    },
  };
}

function describeCount(count, unit = "crimes") {
  if (count === null || count === undefined) return format.NO_DATA;
  return `${format.number(count)} ${count === 1 ? unit.replace(/s$/, "") : unit}`;
}

export const crime = {
  CLASSES,
  SUPPRESSED_HATCH_ID,
  SUPPRESSED_FILL,
  countOf,
  isSuppressed,
  months,
  period,
  suppressedLabel,
  accessLine,
  ADJUSTED,
  periodsOnly,
  periodChoices,
  classesRequest,
  describeCount,
  view,
};
