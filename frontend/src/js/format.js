// Pure presentation helpers: numbers, ranks, colours and the fixed published scales (IMD deciles, shares of
// most deprived LSOAs). No DOM, no Leaflet, so `node --test frontend/test/` can check them without a browser.
// Class breaks computed from data come from the server (classes.js).

// ColorBrewer RdYlBu, 10 classes (colour-blind safe): decile 1 (most deprived) red, 10 (least) blue.
const DECILE_COLOURS = ["#a50026", "#d73027", "#f46d43", "#fdae61", "#fee090",
  "#e0f3f8", "#abd9e9", "#74add1", "#4575b4", "#313695"];
// ColorBrewer OrRd, 5 classes (sequential, colour-blind safe) for shares of most deprived LSOAs.
const PERCENT_COLOURS = ["#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000"];
const PERCENT_BREAKS = [10, 25, 50];
const NO_DATA_COLOUR = "#bdbdbd";
const NO_DATA = "No data";

const isMissing = (value) => value === null || value === undefined || Number.isNaN(Number(value));

const integer = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });
const dayMonthYear = new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", timeZone: "UTC" });
const monthYear = new Intl.DateTimeFormat("en-GB", { month: "short", year: "numeric", timeZone: "UTC" });

// A calendar date ("2022-03-01", or the date part of a timestamp) as a UTC Date, or null.
function calendarDate(text) {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(String(text ?? ""));
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3] ?? 1)));
  return Number.isNaN(date.getTime()) ? null : date;
}

// Class index of a percentage: 0 for exactly 0, then one class per interval [break[i-1], break[i]).
function percentClass(value, breaks = PERCENT_BREAKS) {
  if (isMissing(value)) return -1;
  const v = Number(value);
  return v <= 0 ? 0 : 1 + breaks.filter((b) => v >= b).length;
}

function percentClassLabels(breaks = PERCENT_BREAKS) {
  const pct = (b) => `${oneDecimal.format(b)}%`;
  const labels = ["0%", `Under ${pct(breaks[0])}`];
  for (let i = 1; i < breaks.length; i++) labels.push(`${pct(breaks[i - 1])} to under ${pct(breaks[i])}`);
  labels.push(`${pct(breaks[breaks.length - 1])} or more`);
  return labels;
}

export const format = {
  NO_DATA,
  NO_DATA_COLOUR,
  DECILE_COLOURS,
  PERCENT_COLOURS,
  PERCENT_BREAKS,

  number(value) {
    return isMissing(value) ? NO_DATA : integer.format(Number(value));
  },

  percent(value) {
    return isMissing(value) ? NO_DATA : `${oneDecimal.format(Number(value))}%`;
  },

  // "1,234 of 32,844"; rank 1 is the most deprived.
  rank(value, outOf) {
    if (isMissing(value)) return NO_DATA;
    return outOf ? `${integer.format(Number(value))} of ${integer.format(outOf)}` : integer.format(Number(value));
  },

  decileLabel(decile) {
    if (isMissing(decile)) return NO_DATA;
    const d = Number(decile);
    if (d === 1) return "1 (most deprived 10%)";
    if (d === 10) return "10 (least deprived 10%)";
    return String(d);
  },

  decileColour(decile) {
    const d = Number(decile);
    return !isMissing(decile) && Number.isInteger(d) && d >= 1 && d <= 10 ? DECILE_COLOURS[d - 1] : NO_DATA_COLOUR;
  },

  percentClass,
  percentClassLabels,

  percentColour(value, breaks = PERCENT_BREAKS) {
    const index = percentClass(value, breaks);
    return index < 0 ? NO_DATA_COLOUR : PERCENT_COLOURS[Math.min(index, PERCENT_COLOURS.length - 1)];
  },

  // "2022-03-01" → "1 Mar 2022"; missing → "—".
  date(text) {
    const date = calendarDate(text);
    return date ? dayMonthYear.format(date) : "—";
  },

  // "2022-03" (or a date in it) → "Mar 2022".
  month(text) {
    const date = calendarDate(text);
    return date ? monthYear.format(date) : "—";
  },

  // An ISO timestamp in the reader's time zone (or the one given): "21 Nov 2026, 19:54:07".
  dateTime(text, timeZone) {
    const date = text ? new Date(text) : null;
    if (!date || Number.isNaN(date.getTime())) return "—";
    return new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "short", year: "numeric", hour: "2-digit",
      minute: "2-digit", second: "2-digit", timeZone }).format(date);
  },

  // For text that Leaflet inserts as HTML (attribution lines).
  escapeHtml(text) {
    return String(text ?? "").replace(/[&<>"']/g, (c) =>
      ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
  },
};
