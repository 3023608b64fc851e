// Pure helpers of the compare page (two indicators side by side): the scatter's points from
// GET /api/indicators/compare, the map classes of each indicator (quintiles, classification.js), the areas
// inside a brushed rectangle, and how a correlation reads. No DOM, so node --test checks them.
import { classification } from "./classification.js";
import { indicatorValues } from "./indicatorValues.js";

// Colour-blind-safe sequential palettes (ColorBrewer Blues and Oranges, 5 classes), one per indicator.
const PALETTES = {
  x: ["#eff3ff", "#bdd7e7", "#6baed6", "#3182bd", "#08519c"],
  y: ["#feedde", "#fdbe85", "#fd8d3c", "#e6550d", "#a63603"],
};
const NO_VALUE = "#d1d5db";
const CLASSES = 5;

// [{ code, name, district, x, y }] from the compare answer: the areas with both values.
function points(body) {
  return (body?.areas ?? []).map((a) => ({ code: a.code, name: a.name, district: a.district, x: a.x.value, y: a.y.value }));
}

// The quintile breaks of one side's values and a function from a value to its fill colour.
function scale(values, side) {
  const breaks = classification.quantileBreaks(values, CLASSES);
  const palette = PALETTES[side];
  // With fewer breaks than classes (repeated values) the classes spread over the palette's ends.
  const step = breaks.length === 0 ? 0 : (palette.length - 1) / breaks.length;
  return {
    breaks,
    colour(value) {
      const k = classification.classOf(value, breaks);
      return k < 0 ? NO_VALUE : palette[Math.round(k * step)];
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

export const compareView = { PALETTES, NO_VALUE, points, scale, inBox, pValue, strength, correlation, describe };
