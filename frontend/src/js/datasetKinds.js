// The kinds of dataset Patchwork holds, in words: point events, statistics keyed by area code, polygons
// drawn in the file itself, and the reference data (boundaries, deprivation) loaded with Patchwork. Pure.
const KINDS = [
  { key: "events", label: "Point events",
    hint: "One row or feature per event, with a date and a category: crimes, incidents, call-outs." },
  { key: "area-statistics", label: "Statistics by area",
    hint: "Numbers for each LSOA, MSOA, ward or district, keyed by the area's code: census counts, rates, survey results." },
  { key: "polygons", label: "Polygons",
    hint: "Areas drawn in the file itself, such as neighbourhood policing areas or catchments." },
  { key: "reference", label: "Reference data",
    hint: "Boundaries and indicators loaded with Patchwork." },
];

// The kinds an upload can be (everything but reference data).
const UPLOADABLE = KINDS.filter(({ key }) => key !== "reference");

function label(kind) {
  if (kind === null || kind === undefined || kind === "") return "Not stated";
  return KINDS.find(({ key }) => key === kind)?.label ?? String(kind);
}

export const datasetKinds = { KINDS, UPLOADABLE, label };
