// Which event (crime) datasets the person may map, and what they may see of each. The OGC collection
// list already names, for each event dataset the person may see aggregates of, its count collections
// ("<slug>-by-<level>") and, with record-level access, its points ("<slug>"); asking it first means no
// request is made that is bound to fail (which would also show as an error in the browser's console).
import { crime } from "./crime.js";
import { datasetLabels } from "./datasetLabels.js";
import { indicators } from "./indicators.js";


// lists: { datasets, ogc } when the caller has already asked for them (datasetLayers.js does); labels: Map(id →
// label) settled over every dataset the map offers (datasetLayers.js), else each is labelled by its theme alone.
export async function crimeThemes(api, lists = null, labels = new Map()) {
  const [datasets, ogc] = lists ? [lists.datasets, lists.ogc]
    : await Promise.all([api.getJson("/api/datasets"), api.getJson("/ogc/collections")]);
  const ids = new Set((ogc.collections ?? []).map((c) => c.id));
  const events = datasets.filter(({ dataset }) => indicators.levels.some(({ key }) => ids.has(`${dataset.slug}-by-${key}`)));
  const themes = await Promise.all(events.map(async ({ dataset, access }) => {
    let answer;
    try {
      answer = await api.getJson(`/api/datasets/${dataset.id}/categories`);
    } catch (error) {
      if (error.status === 404) return null;   // not-an-event-dataset (or no longer visible)
      throw error;
    }
    return {
      key: `events:${dataset.id}`,
      // By theme, the title without a trailing "(source)", so the picker stays narrow; the datasets page has the rest.
      label: labels.get(dataset.id) ?? datasetLabels.baseLabel(dataset),
      noun: datasetLabels.eventNoun(dataset),
      dataset,
      access,
      disclosure: answer.disclosure,
      categories: answer.categories ?? [],
      months: crime.months(dataset.coverageStart, dataset.coverageEnd),
      levels: (answer.disclosure?.levels ?? []).filter((level) => ids.has(`${dataset.slug}-by-${level}`)),
      points: ids.has(dataset.slug) && answer.disclosure?.access === "record",
    };
  }));
  return themes.filter(Boolean);
}
