// Every shared dataset the map can draw, from one look at the catalogue (GET /api/datasets) and the OGC
// collection list: event datasets' counts (crimeThemes.js), statistics by area as choropleths (any
// access but metadata-only may ask for the values, disclosure-controlled by the server), and polygon
// datasets as overlays (those whose collection, named by the dataset's slug, the person is offered).
import { crimeThemes } from "./crimeThemes.js";
import { datasetLabels } from "./datasetLabels.js";

const OVERLAY_COLOURS = ["#7c3aed", "#db2777", "#0f766e", "#b45309"];

// A title without a trailing "(source)", so the picker stays narrow; the datasets page has the rest.
const shortTitle = (title) => String(title ?? "").replace(/\s*\([^)]*\)\s*$/, "");

// entries: GET /api/datasets; labels: Map(id → label) from labels(entries). Picker themes: { key: "statistics:<id>",
// kind, label, dataset, access }.
function statistics(entries, labels = labelsOf(entries)) {
  return (entries ?? []).filter(({ dataset, access }) => dataset?.kind === "area-statistics" && access?.level && access.level !== "metadata")
    .map(({ dataset, access }) => ({ key: `statistics:${dataset.id}`, kind: "area-statistics",
      label: labels.get(dataset.id) ?? datasetLabels.baseLabel(dataset), dataset, access }));
}

// One label per event and statistics dataset, by theme, never two the same (datasetLabels.js).
function labelsOf(entries) {
  const mapped = (entries ?? []).map(({ dataset }) => dataset).filter((d) => d && ["events", "area-statistics"].includes(d.kind));
  return datasetLabels.unique(mapped, datasetLabels.baseLabel);
}

// entries: GET /api/datasets; collectionIds: the ids in GET /ogc/collections. Overlays: { key, label, dataset, colour }.
function overlays(entries, collectionIds) {
  const ids = new Set(collectionIds ?? []);
  const shown = (entries ?? []).filter(({ dataset }) => dataset?.kind === "polygons" && ids.has(dataset.slug));
  const labels = datasetLabels.unique(shown.map(({ dataset }) => dataset), (dataset) => shortTitle(dataset.title));
  return shown.map(({ dataset }, i) => ({ key: `polygons:${dataset.id}`, label: labels.get(dataset.id), dataset,
    colour: OVERLAY_COLOURS[i % OVERLAY_COLOURS.length] }));
}

// { crime, statistics, overlays } for this person.
async function load(api) {
  const [datasets, ogc] = await Promise.all([api.getJson("/api/datasets"), api.getJson("/ogc/collections")]);
  const ids = (ogc.collections ?? []).map((c) => c.id);
  const labels = labelsOf(datasets);
  return { crime: await crimeThemes(api, { datasets, ogc }, labels), statistics: statistics(datasets, labels), overlays: overlays(datasets, ids) };
}

export const datasetLayers = { OVERLAY_COLOURS, statistics, overlays, labels: labelsOf, load };
