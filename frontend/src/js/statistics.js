// Statistics by area (GET /api/datasets/{id}/statistics) on the map: the measure's name in words, quantile
// class breaks and colours, each area's value in words, and the legend. Counts are adjusted by the server
// (cell-key method) for people without record access, and the legend says so in one sentence; a suppressed
// value (from an older server) is never drawn or described as a number. Pure data and functions.
import { classification } from "./classification.js";
import { valuesByCode } from "./valuesByCode.js";
import { crime } from "./crime.js";
import { format } from "./format.js";

// ColorBrewer YlGnBu, 5 classes (sequential, colour-blind safe).
const COLOURS = ["#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494"];
const decimals = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 2 });

const valueOf = (feature) => {
  const p = feature?.properties ?? {};
  if (p.suppressed || p.value === null || p.value === undefined || p.value === "") return null;
  const value = Number(p.value);
  return Number.isFinite(value) ? value : null;
};
const isSuppressed = (feature) => Boolean(feature?.properties?.suppressed);

// "usual_residents" → "Usual residents"; names with capitals or spaces are kept as they are.
function measureLabel(measure) {
  const text = String(measure ?? "");
  if (/[A-Z ]/.test(text)) return text;
  const spaced = text.replace(/[_-]+/g, " ").trim();
  return spaced ? `${spaced[0].toUpperCase()}${spaced.slice(1)}` : text;
}

function number(value) {
  if (value === null || value === undefined || !Number.isFinite(Number(value))) return format.NO_DATA;
  return decimals.format(Number(value));
}

// Lower bounds of the classes above the first, from quantiles of the values: data values themselves,
// strictly increasing, at most classes − 1 of them (fewer when values repeat).
function quantileBreaks(values, classes = COLOURS.length) {
  return classification.quantileBreaks(values, classes);
}

// 0.. for the classes, −1 when there is no value to show.
function classOf(value, breaks) {
  return classification.classOf(value, breaks);
}

// Whole numbers read "10–19"; others "10 to under 19.5"; the last class "or more".
function classLabels(minimum, breaks, { whole = true } = {}) {
  return classification.rangeLabels(minimum, breaks, { whole, number });
}

// What the person sees of the values, in one line.
function accessLine(answer) {
  if (answer?.disclosure?.method !== "cell-key") return "Exact values";
  const rounding = Number(answer.disclosure.roundedTo ?? 1);
  return `${crime.ADJUSTED}${rounding > 1 ? ` Counts are rounded to the nearest ${rounding}.` : ""}`;
}

// "Usual residents, Aged 15 years and under" and "21 Mar 2021" for the chosen slice.
function title(answer) {
  const category = answer?.category ? `, ${answer.category}` : "";
  return `${measureLabel(answer?.measure)}${category}`;
}

function periodLabel(period) {
  return period ? format.date(period) : null;
}

// Everything the map needs to draw one slice: fill, words, legend. features: boundaries joined to values
// (properties code, name, value, suppressed).
function view(features, answer, { levelNoun = "area", datasetTitle } = {}) {
  const values = features.map(valueOf).filter((v) => v !== null);
  const breaks = quantileBreaks(values);
  const whole = values.every(Number.isInteger);
  const suppressed = features.filter(isSuppressed).length;
  const missing = features.filter((f) => !isSuppressed(f) && valueOf(f) === null).length;
  const hidden = "suppressed";
  const colourOf = (value) => {
    const index = classOf(value, breaks);
    return index < 0 ? format.NO_DATA_COLOUR : COLOURS[Math.min(index, COLOURS.length - 1)];
  };
  const items = values.length
    ? classLabels(Math.min(...values), breaks, { whole }).map((label, i) => ({ key: String(i + 1), colour: COLOURS[i], label }))
    : [];
  const period = periodLabel(answer?.period);
  const describe = (feature) => (isSuppressed(feature) ? hidden : number(valueOf(feature)));
  return {
    breaks,
    suppressed,
    total: features.length,
    fill: (feature) => (isSuppressed(feature) ? crime.SUPPRESSED_FILL : colourOf(valueOf(feature))),
    describe,
    legend: {
      kind: "statistics",
      title: title(answer),
      subtitle: [datasetTitle, period, `per ${levelNoun}`].filter(Boolean).join(" · "),
      items,
      noData: missing > 0 || values.length === 0 ? { key: "none", colour: format.NO_DATA_COLOUR, label: format.NO_DATA } : null,
      suppressed: suppressed > 0
        ? { key: "suppressed", pattern: "suppressed", label: `${hidden[0].toUpperCase()}${hidden.slice(1)}` } : null,
      note: accessLine(answer),
    },
  };
}

// The boundaries of the answer's level with its values: one feature per area that has a row (value or
// suppressed), and the codes of the rows with no boundary loaded.
function join(boundaries, answer) {
  return valuesByCode(boundaries, answer?.values, (row) => ({ value: row.suppressed ? null : row.value ?? null,
    suppressed: Boolean(row.suppressed) }));
}

export const statistics = {
  COLOURS,
  valueOf,
  isSuppressed,
  measureLabel,
  number,
  quantileBreaks,
  classOf,
  classLabels,
  accessLine,
  title,
  periodLabel,
  view,
  join,
};
