// Pure helpers of the indicators page: the definition sent to POST /api/indicators from the form's
// values, and how a value, its interval and its comparisons read. No DOM, so node --test checks them.

const MEASURES = [
  { key: "rate-per-1000", label: "Rate per 1,000 residents" },
  { key: "rate-per-100000", label: "Rate per 100,000 residents" },
  { key: "count", label: "Count of events" },
  { key: "area-statistic", label: "Area statistic as loaded" },
];

const COMPARISONS = {
  higher: "Higher",
  similar: "Similar",
  lower: "Lower",
  "not-compared": "Not compared",
};

const decimals = (value) => (Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2);
const missing = (value) => value === null || value === undefined || Number.isNaN(Number(value));

function number(value) {
  if (missing(value)) return "—";
  const digits = decimals(Number(value));
  return new Intl.NumberFormat("en-GB", { minimumFractionDigits: 0, maximumFractionDigits: digits }).format(Number(value));
}

// The JSON body of a new indicator from the form's raw values (strings; categories one per line or comma).
function definition({ name, datasetId, measure, statistic, categories, from, to, level }) {
  const body = { name: (name ?? "").trim(), datasetId: Number(datasetId), measure, level };
  if (measure === "area-statistic") {
    body.statistic = (statistic ?? "").trim();
  } else {
    body.categories = String(categories ?? "").split(/[\n,]/).map((c) => c.trim()).filter((c) => c !== "");
    if (from) body.from = from;
    if (to) body.to = to;
  }
  return body;
}

// "12.3 (10.1 to 14.8)": the value with its 95% interval, or the value alone when there is none.
function valueWithInterval(area) {
  if (missing(area.value)) return area.disclosure?.suppressed ? "Withheld" : "—";
  if (missing(area.lower95) || missing(area.upper95)) return number(area.value);
  return `${number(area.value)} (${number(area.lower95)} to ${number(area.upper95)})`;
}

function comparison(word) {
  return COMPARISONS[word] ?? "—";
}

export const indicatorValues = { MEASURES, definition, valueWithInterval, comparison, number };
