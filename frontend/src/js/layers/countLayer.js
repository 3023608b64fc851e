// The choropleth of an event dataset's counts for one filter: areas coloured by class (counts adjusted by
// the server's cell-key method where the person's access says so; a suppressed area from an older server
// would be hatched), a popup per area, and the matching legend. Paths carry data-count, or
// data-suppressed="true" with no count at all.
import { ChoroplethLayer } from "./ChoroplethLayer.js";
import { suppressedHatch } from "./suppressedHatch.js";
import { crime } from "../crime.js";
import { indicators } from "../indicators.js";

const nameOf = (feature) => feature.properties?.name ?? String(feature.id ?? feature.properties?.code);

// theme: from crimeThemes.js; filter: { category, from, to }; answer: the server's classes of the counts
// (POST /api/classify with crime.classesRequest). Returns { layer, legend, title, view }.
export function countLayer(collection, { theme, level, filter, answer }) {
  suppressedHatch();
  const noun = theme.noun ?? { many: "crimes", allTypes: "All crime types" };
  const category = theme.categories.find((c) => c.code === filter.category)?.name ?? noun.allTypes;
  const title = `${category}, ${crime.period(filter.from, filter.to)}`;
  const view = crime.view(collection.features, { disclosure: theme.disclosure, title, unit: noun.many,
    levelNoun: indicators.level(level).noun, answer });
  const layer = new ChoroplethLayer(collection, {
    level,
    fillFor: view.fill,
    tooltipFor: (feature) => `${nameOf(feature)}: ${view.describe(feature)}`,
    popupFor: (feature) => ({ title: nameOf(feature), lines: [title, view.describe(feature)] }),
    attributesFor: (feature) => (crime.isSuppressed(feature) ? { "data-suppressed": "true" }
      : { "data-count": String(crime.countOf(feature) ?? "") }),
  });
  return { layer, legend: view.legend, title, view };
}
