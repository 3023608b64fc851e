// The choropleth of one slice of an area-statistics dataset (a measure, a category, a period): areas
// coloured by the server's quantile classes, suppressed areas hatched and described as "suppressed (1–N)", a tooltip
// and popup with the area's name, code and value, and the matching legend. Paths carry data-value, or
// data-suppressed="true" with no value at all.
import { ChoroplethLayer } from "./ChoroplethLayer.js";
import { suppressedHatch } from "./suppressedHatch.js";
import { statistics } from "../statistics.js";

// collection: boundaries joined to values (statistics.join); answer: GET /api/datasets/{id}/statistics;
// classified: the server's classes of the values (POST /api/classify with statistics.classesRequest).
// Returns { layer, legend, title, view }.
export function statisticsLayer(collection, { answer, classified, level, levelNoun, datasetTitle }) {
  suppressedHatch();
  const view = statistics.view(collection.features, answer, { levelNoun, datasetTitle, classified });
  const period = statistics.periodLabel(answer.period);
  const title = [statistics.title(answer), period].filter(Boolean).join(", ");
  const nameOf = (feature) => feature.properties?.name ?? feature.properties?.code;
  const layer = new ChoroplethLayer(collection, {
    level,
    className: "choropleth-area statistics-area",
    fillFor: view.fill,
    tooltipFor: (feature) => `${nameOf(feature)} (${feature.properties.code}): ${view.describe(feature)}`,
    popupFor: (feature) => ({ title: nameOf(feature), lines: [feature.properties.code, title, view.describe(feature)] }),
    attributesFor: (feature) => (statistics.isSuppressed(feature) ? { "data-suppressed": "true" }
      : { "data-value": String(statistics.valueOf(feature) ?? "") }),
  });
  return { layer, legend: view.legend, title, view };
}
