// Pure helpers of the compare page's bivariate choropleth: each area's cell in a 3×3 grid from the tertiles of
// each indicator. The tertile breaks are the server's (POST /api/classify, quantile, 3 classes), never computed
// here; this only places a value among them, with the server's rule (classification.Classification#classOf):
// classes are [lower, next lower), so a value equal to a break belongs to the class above it.
// No DOM, so node --test checks it.

// Joshua Stevens' 3×3 bivariate scheme (pink–teal to dark blue; "Bivariate Choropleth Maps: A How-to Guide",
// 2015), chosen because its hues stay apart under the common colour-vision deficiencies (see README). Indexed
// [row][col]: row is the y tertile (0 low), col the x tertile (0 low); low-low is light grey, high-high dark blue.
const PALETTE = [
  ["#e8e8e8", "#ace4e4", "#5ac8c8"],
  ["#dfb0d6", "#a5add3", "#5698b9"],
  ["#be64ac", "#8c62aa", "#3b4994"],
];
const NO_DATA = "#bdbdbd";
const TERTILES = 3;

// The body of POST /api/classify that asks the server for one indicator's tertiles.
function tertilesRequest(values) {
  return { values, method: "quantile", classes: TERTILES, zeroClass: false };
}

const missing = (v) => v === null || v === undefined || typeof v !== "number" || !Number.isFinite(v);

// The tertile (0, 1, 2) of a value among a side's server breaks (the lower bounds of the classes after the
// first): how many breaks it reaches, at most 2. A tie that made the server drop a break leaves a tertile empty.
function tertile(value, breaks) {
  let index = 0;
  for (const b of breaks ?? []) if (value >= b) index++;
  return Math.min(index, TERTILES - 1);
}

// The cell { col, row, key: "col-row" } of an area's pair of values, or null (no data) when either is missing.
function cell(x, y, xBreaks, yBreaks) {
  if (missing(x) || missing(y)) return null;
  const col = tertile(x, xBreaks);
  const row = tertile(y, yBreaks);
  return { col, row, key: `${col}-${row}` };
}

function colour(found) {
  return found ? PALETTE[found.row][found.col] : NO_DATA;
}

// The legend's counts: { cells: { "col-row": n } for all nine cells, noData } over [{ x, y }] pairs.
function counts(pairs, xBreaks, yBreaks) {
  const cells = {};
  for (let row = 0; row < TERTILES; row++) for (let col = 0; col < TERTILES; col++) cells[`${col}-${row}`] = 0;
  let noData = 0;
  for (const p of pairs) {
    const found = cell(p.x, p.y, xBreaks, yBreaks);
    if (found) cells[found.key]++; else noData++;
  }
  return { cells, noData };
}

export const bivariate = { PALETTE, NO_DATA, TERTILES, tertilesRequest, tertile, cell, colour, counts };
