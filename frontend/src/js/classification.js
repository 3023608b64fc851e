// Class breaks, class membership and class labels for every choropleth (crime counts, statistics,
// deprivation shares), in one place. Pure functions.

// Lower bounds of the classes above the first, from quantiles of the finite values (only the positive
// ones when positiveOnly), each passed through round; strictly increasing, at most classes − 1 of them
// (fewer when values repeat).
function quantileBreaks(values, classes, { positiveOnly = false, round = (v) => v } = {}) {
  const sorted = values.filter((v) => v !== null && v !== undefined && Number.isFinite(Number(v))).map(Number)
    .filter((v) => !positiveOnly || v > 0).sort((a, b) => a - b);
  if (sorted.length === 0) return [];
  const breaks = [];
  for (let i = 1; i < classes; i++) {
    const value = round(sorted[Math.floor((i * sorted.length) / classes)]);
    if (value > sorted[0] && value > (breaks.at(-1) ?? -Infinity)) breaks.push(value);
  }
  return breaks;
}

// The class of a value: 0.. by the breaks it reaches, or with zeroClass 0 for zero (and below) and 1.. above;
// −1 when there is no number to show.
function classOf(value, breaks, { zeroClass = false } = {}) {
  if (value === null || value === undefined || !Number.isFinite(value)) return -1;
  if (zeroClass && value <= 0) return 0;
  return (zeroClass ? 1 : 0) + breaks.filter((b) => value >= b).length;
}

// Labels of the classes from minimum and the breaks: whole numbers read "10–19", others "10 to under 19.5",
// the last class "or more" (a lone class reads as its number unless loneOrMore).
function rangeLabels(minimum, breaks, { whole = true, number = String, loneOrMore = false } = {}) {
  const lowers = [minimum, ...breaks];
  return lowers.map((lower, i) => {
    if (i + 1 >= lowers.length) return lowers.length === 1 && !loneOrMore ? number(lower) : `${number(lower)} or more`;
    const next = lowers[i + 1];
    if (!whole) return `${number(lower)} to under ${number(next)}`;
    return next - 1 <= lower ? number(lower) : `${number(lower)}–${number(next - 1)}`;
  });
}

export const classification = { quantileBreaks, classOf, rangeLabels };
