// Counts of events (police.uk street crime) by area: the months a dataset covers, the person's access
// in words, class breaks and colours, and the legend. Suppressed counts are never drawn or described as
// a number: they get their own hatched style and say "suppressed (1–N)". Pure data and functions.
import { classification } from "./classification.js";
import { format } from "./format.js";

// ColorBrewer BuPu (sequential, colour-blind safe); zero gets a near-white of its own.
const ZERO_COLOUR = "#f7fcfd";
const COUNT_COLOURS = ["#bfd3e6", "#9ebcda", "#8c96c6", "#8856a7", "#810f7c"];
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

// One line saying what the person may see of the counts.
// Whether the server counts only one crime type in one month at a time for this person.
function oneSliceOnly(disclosure) {
  return Number(disclosure?.suppressedUpTo ?? 0) > 0;
}

function accessLine(disclosure) {
  const upTo = Number(disclosure?.suppressedUpTo ?? 0);
  const rounding = Number(disclosure?.roundedTo ?? 1);
  const rounded = rounding > 1 ? `, others rounded to the nearest ${rounding}` : "";
  switch (disclosure?.access) {
    case "record": return "Record-level access — exact counts and individual crimes";
    case "aggregate": return upTo > 0 ? `Aggregate access — counts of 1 to ${upTo} suppressed${rounded}` : "Aggregate access — exact counts";
    case "public": return upTo > 0 ? `Public access — counts of 1 to ${upTo} suppressed${rounded}` : `Public access${rounded}`;
    default: return "No access to counts";
  }
}

// Lower bounds of the classes above the first, from quantiles of the positive counts, rounded to
// whole numbers (two significant figures above 100) and strictly increasing.
function classBreaks(counts, classes = COUNT_COLOURS.length) {
  const nice = (v) => {
    if (v < 100) return Math.round(v);
    const step = 10 ** (Math.floor(Math.log10(v)) - 1);
    return Math.round(v / step) * step;
  };
  return classification.quantileBreaks(counts, classes, { positiveOnly: true, round: nice });
}

// 0 for a zero count, 1.. for the positive classes, -1 when there is no number to show.
function classOf(count, breaks) {
  return classification.classOf(count, breaks, { zeroClass: true });
}

function classLabels(minimum, breaks) {
  return classification.rangeLabels(minimum, breaks, { number: format.number, loneOrMore: true });
}

// Everything the map needs to draw one count layer: fill, words, legend and a summary.
function view(features, { disclosure, title = "Crimes", unit = "crimes", levelNoun = "area" } = {}) {
  const counts = features.map(countOf).filter((c) => c !== null);
  const positive = counts.filter((c) => c > 0);
  const breaks = classBreaks(counts);
  const minimum = positive.length ? Math.min(...positive) : 1;
  const suppressed = features.filter(isSuppressed).length;
  const hidden = suppressedLabel(disclosure);
  const colourOf = (count) => {
    const index = classOf(count, breaks);
    return index < 0 ? format.NO_DATA_COLOUR : index === 0 ? ZERO_COLOUR : COUNT_COLOURS[Math.min(index - 1, COUNT_COLOURS.length - 1)];
  };
  const items = counts.includes(0) || positive.length === 0 ? [{ key: "0", colour: ZERO_COLOUR, label: `0 ${unit}` }] : [];
  if (positive.length) {
    classLabels(minimum, breaks).forEach((label, i) => items.push({ key: String(i + 1), colour: COUNT_COLOURS[i], label }));
  }
  return {
    breaks,
    suppressed,
    total: features.length,
    fill: (feature) => (isSuppressed(feature) ? SUPPRESSED_FILL : colourOf(countOf(feature))),
    describe: (feature) => (isSuppressed(feature) ? hidden : describeCount(countOf(feature), unit)),
    legend: {
      kind: "count",
      title,
      subtitle: `${unit[0].toUpperCase()}${unit.slice(1)} per ${levelNoun}`,
      items,
      suppressed: suppressed > 0 || Number(disclosure?.suppressedUpTo) > 0
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
  ZERO_COLOUR,
  COUNT_COLOURS,
  SUPPRESSED_HATCH_ID,
  SUPPRESSED_FILL,
  countOf,
  isSuppressed,
  months,
  period,
  suppressedLabel,
  accessLine,
  oneSliceOnly,
  classBreaks,
  classOf,
  classLabels,
  describeCount,
  view,
};
