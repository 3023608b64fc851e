// Pure helpers of the compare page (two indicators side by side): the scatter's points from
// GET /api/indicators/compare, the map classes of each indicator (the server's quintiles, POST /api/classify), the areas
// inside a brushed rectangle, and how a correlation reads. No DOM, so node --test checks them.
import { classes } from "./classes.js";
import { indicatorValues } from "./indicatorValues.js";

// Colour-blind-safe sequential ColorBrewer palettes, one per indicator, and five classes of quantiles.
const PALETTES = { x: "Blues", y: "Oranges" };
const NO_VALUE = "#bdbdbd";
const CLASSES = 5;

// [{ code, name, district, x, y }] from the compare answer: the areas with both values.
function points(body) {
  return (body?.areas ?? []).map((a) => ({ code: a.code, name: a.name, district: a.district, x: a.x.value, y: a.y.value }));
}

// The body of POST /api/classify for one side's values.
function classesRequest(values, side) {
  return classes.request(values, { method: "quantile", classes: CLASSES, palette: PALETTES[side] });
}

// The server's classes of one side's values (the answer to classesRequest) as a value → fill colour lookup:
// each class is [lower, upper), the last closed; no breaks are computed here.
function scale(answer) {
  const bands = answer?.classes ?? [];
  return {
    classes: bands,
    colour(value) {
      if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
      const k = bands.findIndex((c, i) => value >= c.lower && (value < c.upper || (i === bands.length - 1 && value <= c.upper)));
      return k < 0 ? NO_VALUE : bands[k].colour;
    },
  };
}

// The codes of the points inside a rectangle given by two corners in data units (either order).
function inBox(all, { x0, x1, y0, y1 }) {
  const [xa, xb] = [Math.min(x0, x1), Math.max(x0, x1)];
  const [ya, yb] = [Math.min(y0, y1), Math.max(y0, y1)];
  return all.filter((p) => p.x >= xa && p.x <= xb && p.y >= ya && p.y <= yb).map((p) => p.code);
}

function pValue(p) {
  if (p === null || p === undefined || Number.isNaN(Number(p))) return "p not available";
  if (p < 0.001) return "p < 0.001";
  return `p = ${Number(p).toFixed(3)}`;
}

const signed = (r) => (r < 0 ? `−${Math.abs(r).toFixed(2)}` : r.toFixed(2));

// How strong a correlation is, in the words of Evans (1996): |r| under 0.2 very weak, 0.4 weak, 0.6 moderate,
// 0.8 strong, above that very strong.
function strength(r) {
  const a = Math.abs(r);
  const word = a < 0.2 ? "very weak" : a < 0.4 ? "weak" : a < 0.6 ? "moderate" : a < 0.8 ? "strong" : "very strong";
  return `${word} ${r < 0 ? "negative" : "positive"}`;
}

// "Pearson's r = −0.32 (95% CI −0.42 to −0.21), p < 0.001, n = 298: a weak negative correlation."
function correlation(label, result) {
  if (!result || result.r === null || result.r === undefined) {
    return `${label}: not computed (${result?.n ?? 0} areas with both values; at least 3 that vary are needed).`;
  }
  const interval = result.lower95 === null || result.lower95 === undefined ? ""
    : ` (95% CI ${signed(result.lower95)} to ${signed(result.upper95)})`;
  return `${label} = ${signed(result.r)}${interval}, ${pValue(result.pValue)}, n = ${result.n}: a ${strength(result.r)} correlation.`;
}

// A point's tooltip: "Anfield 012A: 12.3 and 4,512".
function describe(point) {
  return `${point.name ?? point.code}: ${indicatorValues.number(point.x)} and ${indicatorValues.number(point.y)}`;
}

export const compareView = {
  classesRequest, PALETTES, NO_VALUE, points, scale, inBox, pValue, strength, correlation, describe };
