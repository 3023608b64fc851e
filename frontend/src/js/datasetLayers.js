// Every shared dataset the map can draw, from one look at the catalogue (GET /api/datasets) and the OGC
// collection list: event datasets' counts (crimeThemes.js), statistics by area as choropleths (any
// access but metadata-only may ask for the values, disclosure-controlled by the server), and polygon
// datasets as overlays (those whose collection, named by the dataset's slug, the person is offered).
import { crimeThemes } from "./crimeThemes.js";

const OVERLAY_COLOURS = ["#7c3aed", "#db2777", "#0f766e", "#b45309"];

// A title without a trailing "(source)", so the picker stays narrow; the datasets page has the rest.
const shortTitle = (title) => String(title ?? "").replace(/\s*\([^)]*\)\s*$/, "");

// entries: GET /api/datasets. Picker themes: { key: "statistics:<id>", kind, label, dataset, access }.
function statistics(entries) {
  return (entries ?? []).filter(({ dataset, access }) => dataset?.kind === "area-statistics" && access?.level && access.level !== "metadata")
    .map(({ dataset, access }) => ({ key: `statistics:${dataset.id}`, kind: "area-statistics",
      label: `Statistics — ${shortTitle(dataset.title)}`, dataset, access }));
}

// entries: GET /api/datasets; collectionIds: the ids in GET /ogc/collections. Overlays: { key, label, dataset, colour }.
function overlays(entries, collectionIds) {
  const ids = new Set(collectionIds ?? []);
  return (entries ?? []).filter(({ dataset }) => dataset?.kind === "polygons" && ids.has(dataset.slug))
    .map(({ dataset }, i) => ({ key: `polygons:${dataset.id}`, label: shortTitle(dataset.title), dataset,
      colour: OVERLAY_COLOURS[i % OVERLAY_COLOURS.length] }));
}

// { crime, statistics, overlays } for this person.
async function load(api) {
  const [datasets, ogc] = await Promise.all([api.getJson("/api/datasets"), api.getJson("/ogc/collections")]);
  const ids = (ogc.collections ?? []).map((c) => c.id);
  return { crime: await crimeThemes(api, { datasets, ogc }), statistics: statistics(datasets), overlays: overlays(datasets, ids) };
}

export const datasetLayers = { OVERLAY_COLOURS, statistics, overlays, load };
