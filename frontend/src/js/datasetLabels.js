// What the map calls each shared dataset: its theme first (catalogue.Theme: crime, health, education, ...), so a
// council's anti-social behaviour log is "Other — ..." or "Crime — ..." as its data manager filed it, never
// "Crime" by default; what one event is called (only crime datasets count "crimes"); and labels that are never
// the same for two datasets: a clash is told apart by the owner partner, then the period covered, then the
// date loaded, then the dataset's id, each added only where it tells the clashing datasets apart. Pure.
import { crime } from "./crime.js";
import { format } from "./format.js";

const THEMES = { crime: "Crime", health: "Health", education: "Education", deprivation: "Deprivation",
  population: "Population", boundaries: "Boundaries", other: "Other" };

// A title without a trailing "(source)", so the picker stays narrow; the datasets page has the rest.
const shortTitle = (title) => String(title ?? "").replace(/\s*\([^)]*\)\s*$/, "");

// "Crime", "Health", ...; fallback (e.g. "Statistics") when the catalogue gives no theme.
function themeName(dataset, fallback) {
  const key = String(dataset?.theme ?? "").toLowerCase();
  return THEMES[key] ?? (key ? `${key[0].toUpperCase()}${key.slice(1)}` : fallback);
}

// What one event of the dataset is: crimes for crime datasets (anti-social behaviour is recorded as incidents,
// not crimes, even under the crime theme), events for anything else.
function eventNoun(dataset) {
  const theme = String(dataset?.theme ?? "").toLowerCase();
  if (theme === "crime" && !/anti[- ]?social|\basb\b/i.test(String(dataset?.title ?? ""))) {
    return { one: "crime", many: "crimes", type: "Crime type", allTypes: "All crime types" };
  }
  if (theme === "crime") return { one: "incident", many: "incidents", type: "Category", allTypes: "All categories" };
  return { one: "event", many: "events", type: "Category", allTypes: "All categories" };
}

// The months a dataset covers in words ("Jan–Nov 2022"), or null.
function coverage(dataset) {
  const from = String(dataset?.coverageStart ?? "").slice(0, 7);
  const to = String(dataset?.coverageEnd ?? "").slice(0, 7);
  return from || to ? crime.period(from || null, to || null) : null;
}

const QUALIFIERS = [
  (dataset) => dataset.ownerPartner ?? (dataset.openData ? "open data" : null),
  coverage,
  (dataset) => (dataset.loadedAt ? `loaded ${format.date(String(dataset.loadedAt).slice(0, 10))}` : null),
  (dataset) => `dataset ${dataset.id}`,
];

// datasets: [{ id, title, theme, kind, ownerPartner?, coverageStart?, coverageEnd?, loadedAt? }], with base(dataset)
// the label before any clash is settled. Returns Map(id → label), every label different.
function unique(datasets, base) {
  const parts = new Map(datasets.map((d) => [d.id, []]));
  const labelOf = (d) => (parts.get(d.id).length ? `${base(d)} (${parts.get(d.id).join(", ")})` : base(d));
  for (const qualifier of QUALIFIERS) {
    const groups = new Map();
    for (const d of datasets) groups.set(labelOf(d), [...(groups.get(labelOf(d)) ?? []), d]);
    for (const group of groups.values()) {
      if (group.length < 2) continue;
      const values = group.map((d) => qualifier(d));
      // Only a qualifier that tells at least two of them apart is worth its words.
      if (new Set(values).size < 2) continue;
      group.forEach((d, i) => { if (values[i]) parts.get(d.id).push(values[i]); });
    }
  }
  return new Map(datasets.map((d) => [d.id, labelOf(d)]));
}

// The picker's label of an event or statistics dataset before clashes are settled.
function baseLabel(dataset) {
  return `${themeName(dataset, dataset?.kind === "area-statistics" ? "Statistics" : "Events")} — ${shortTitle(dataset?.title)}`;
}

export const datasetLabels = { THEMES, shortTitle, themeName, eventNoun, coverage, unique, baseLabel };
