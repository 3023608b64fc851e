// Statistics by area (GET /api/datasets/{id}/statistics) on the map: the measure's name in words, the
// server's classes and colours, each area's value in words, and the legend. Counts are adjusted by the server
// (cell-key method) for people without record access, and the legend says so in one sentence; a suppressed
// value (from an older server) is never drawn or described as a number. Pure data and functions.
import { classes } from "./classes.js";
import { valuesByCode } from "./valuesByCode.js";
import { crime } from "./crime.js";
import { format } from "./format.js";

// What the map asks POST /api/classify for: quantiles in ColorBrewer YlGnBu (sequential, colour-blind safe).
const CLASSES = { method: "quantile", classes: 5, palette: "YlGnBu" };
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

// The body of POST /api/classify for the features' values, in feature order.
function classesRequest(features) {
  return classes.request(features.map(valueOf), CLASSES);
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
// classified: the server's classes of these features' values (POST /api/classify with classesRequest(features)).
function view(features, answer, { levelNoun = "area", datasetTitle, classified } = {}) {
  const classOf = classes.byFeature(features, classified);
  const suppressed = features.filter(isSuppressed).length;
  const missing = features.filter((f) => !isSuppressed(f) && valueOf(f) === null).length;
  const hidden = "suppressed";
  const items = classes.legendItems(classified);
  const period = periodLabel(answer?.period);
  const describe = (feature) => (isSuppressed(feature) ? hidden : number(valueOf(feature)));
  return {
    suppressed,
    total: features.length,
    fill: (feature) => (isSuppressed(feature) ? crime.SUPPRESSED_FILL : classes.colour(classified, classOf.get(feature) ?? -1)),
    describe,
    legend: {
      kind: "statistics",
      title: title(answer),
      subtitle: [datasetTitle, period, `per ${levelNoun}`].filter(Boolean).join(" · "),
      items,
      noData: missing > 0 || items.length === 0 ? { key: "none", colour: format.NO_DATA_COLOUR, label: format.NO_DATA } : null,
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
  CLASSES,
  valueOf,
  isSuppressed,
  measureLabel,
  number,
  classesRequest,
  accessLine,
  title,
  periodLabel,
  view,
  join,
};
