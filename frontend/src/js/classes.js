// The server's classification (POST /api/classify, GET /api/indicators/{id}/classes) as the map uses it: the
// class of each feature by its position among the values sent, each class's colour, and legend items that
// count the areas in each class. No breaks are computed here. Pure.
import { format } from "./format.js";

// The body of POST /api/classify for the values in feature order (null where there is no number to show).
function request(values, { method = "quantile", classes = 5, palette, zeroClass = false } = {}) {
  return { values, method, classes, ...(palette ? { palette } : {}), zeroClass };
}

const codeOf = (feature) => String(feature?.properties?.code ?? feature?.id);

// A lookup feature → class index (−1: no class) from the answer's assignments, which follow the order of the
// values sent; by area code, so a feature joined again to the same values finds its class.
function byFeature(features, answer) {
  const assignments = answer?.assignments ?? [];
  const byCode = new Map(features.map((feature, i) => [codeOf(feature), assignments[i] ?? -1]));
  return { get: (feature) => byCode.get(codeOf(feature)) };
}

function colour(answer, index) {
  return index >= 0 && answer?.classes?.[index] ? answer.classes[index].colour : format.NO_DATA_COLOUR;
}

// Legend items { key, colour, label, count } with the count of areas after each label; labelOf may reword a class.
function legendItems(answer, { labelOf = (c) => c.label } = {}) {
  return (answer?.classes ?? []).map((c) => ({ key: c.key, colour: c.colour, count: c.count,
    label: `${labelOf(c)} (${format.number(c.count)})` }));
}

export const classes = { request, byFeature, colour, legendItems };
