// The column mapping for each kind of upload: point events (uploads.js has their roles), statistics by
// area (an area code column, its level, optional period and breakdown columns, and the columns of numbers,
// some of them counts) and polygons (optional name and identifier columns). The form's first state comes
// from the server's suggestion; the mapping sent back carries the chosen kind. Pure.
import { datasetKinds } from "./datasetKinds.js";
import { uploads } from "./uploads.js";

const KINDS = datasetKinds.UPLOADABLE;

const AREA_LEVELS = [
  { key: "lsoa", label: "LSOA (2011 or 2021 codes)", noun: "LSOA" },
  { key: "msoa", label: "MSOA", noun: "MSOA" },
  { key: "ward", label: "Ward", noun: "ward" },
  { key: "district", label: "District", noun: "district" },
];

const STATISTICS_ROLES = [
  { key: "areaCode", noun: "area code", label: "Area code", required: true,
    hint: "The column with each row's LSOA, MSOA, ward or district code, e.g. E01006412." },
  { key: "period", noun: "period", label: "Period",
    hint: "Optional: the date or period each value is for, e.g. 2021-03-21 or 2021." },
  { key: "category", noun: "breakdown", label: "Breakdown",
    hint: "Optional: a column that splits each area's values, e.g. age group." },
];

const POLYGON_ROLES = [
  { key: "name", noun: "name", label: "Name", hint: "Optional: the column naming each polygon, shown on the map." },
  { key: "id", noun: "identifier", label: "Identifier", hint: "Optional: the publisher's identifier of each polygon." },
];

// Every form value a suggestion may preset, whatever the kind.
const VALUE_KEYS = [...new Set([...uploads.ROLES.map((r) => r.key), "xyEpsg", "dateOrder", ...STATISTICS_ROLES.map((r) => r.key),
  "areaLevel", ...POLYGON_ROLES.map((r) => r.key)])];

const blank = (value) => value === null || value === undefined || String(value).trim() === "";
const isKind = (kind) => KINDS.some(({ key }) => key === kind);
// A number as a spreadsheet writes it: 12, -3.5, .25, 1,234 or 1,234.5.
const NUMBER = /^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)?(?:\.\d+)?$/;
const isNumber = (text) => NUMBER.test(text) && /\d/.test(text);

// The kind the server suggests for this file; when it does not say, polygons for a file of polygons and
// point events for anything else.
function kindOf(inspection) {
  const suggested = inspection?.suggestedKind ?? inspection?.suggestedMapping?.kind;
  if (isKind(suggested)) return suggested;
  return /polygon/i.test(String(inspection?.geometryType ?? "")) ? "polygons" : "events";
}

// Whether the file can be of this kind: polygons come only from a file's own geometry.
function allows(kind, inspection) {
  return kind !== "polygons" || uploads.hasOwnGeometry(inspection);
}

// The columns whose sample values are all numbers (at least one of them not blank), in the file's order.
function numericColumns(fields, sample) {
  return (fields ?? []).filter((field) => {
    const values = (sample ?? []).map((row) => String(row?.[field] ?? "").trim()).filter((v) => v !== "");
    return values.length > 0 && values.every(isNumber);
  });
}

// The rows of the measures list: every numeric column and every suggested measure, in the file's order,
// ticked as the suggestion says (or, without one, every numeric column no other role uses); a count is a measure.
function measureRows(fields, sample, suggested = {}) {
  const numeric = new Set(numericColumns(fields, sample));
  const suggestedMeasures = Array.isArray(suggested?.measures) ? suggested.measures : null;
  const suggestedCounts = Array.isArray(suggested?.counts) ? suggested.counts : [];
  const used = new Set(STATISTICS_ROLES.map(({ key }) => suggested?.[key]).filter(Boolean));
  return (fields ?? []).filter((f) => numeric.has(f) || suggestedMeasures?.includes(f)).map((column) => {
    const measure = suggestedMeasures ? suggestedMeasures.includes(column) : !used.has(column);
    return { column, measure, count: measure && suggestedCounts.includes(column) };
  });
}

// The form's first state for an inspection: { kind, values: { role: column or "" }, measures: [{ column, measure, count }] }.
function initialState(inspection) {
  const suggested = inspection?.suggestedMapping ?? {};
  const values = Object.fromEntries(VALUE_KEYS.map((key) => [key, blank(suggested[key]) ? "" : String(suggested[key])]));
  if (!AREA_LEVELS.some(({ key }) => key === values.areaLevel)) values.areaLevel = "";
  const kind = kindOf(inspection);
  return { kind: allows(kind, inspection) ? kind : "events", values,
    measures: measureRows(inspection?.fields, inspection?.sample, suggested) };
}

// The ColumnMapping to send for the kind chosen: the kind and that kind's fields (null for none).
function mappingRequest(kind, values, measures = [], { ownGeometry = false } = {}) {
  const column = (key) => (blank(values?.[key]) ? null : String(values[key]));
  if (kind === "area-statistics") {
    const ticked = measures.filter((m) => m.measure);
    return { kind, areaCode: column("areaCode"), areaLevel: column("areaLevel"), period: column("period"),
      category: column("category"), measures: ticked.map((m) => m.column),
      counts: ticked.filter((m) => m.count).map((m) => m.column) };
  }
  if (kind === "polygons") return { kind, name: column("name"), id: column("id") };
  return { kind: "events", ...uploads.mappingRequest(values ?? {}, { ownGeometry }) };
}

// What must be fixed before loading, as [{ key, message }] (key: the form control's), for the mapping's kind.
function mappingProblems(mapping, { ownGeometry = false, crsUnknown = false, epsg = null, dateOrderAsked = false } = {}) {
  if (mapping?.kind === "area-statistics") return statisticsProblems(mapping);
  if (mapping?.kind === "polygons") {
    if (!ownGeometry) {
      return [{ key: "kind", message: "Polygons come from the file's own geometry and this file has none: choose another kind, "
        + "or upload the polygons as a Shapefile, GeoPackage or GeoJSON." }];
    }
    const givenEpsg = Number.isInteger(Number(epsg)) && Number(epsg) > 0;
    return crsUnknown && !givenEpsg ? [{ key: "epsg", message: "Give the EPSG code of the file's coordinates." }] : [];
  }
  return uploads.mappingProblems(mapping ?? {}, { ownGeometry, crsUnknown, epsg, dateOrderAsked });
}

function statisticsProblems(mapping) {
  const problems = [];
  if (!mapping.areaCode) problems.push({ key: "areaCode", message: "Choose the column with each row's area code." });
  if (!mapping.areaLevel) problems.push({ key: "areaLevel", message: "Say which kind of area the codes are (LSOA, MSOA, ward or district)." });
  if (!mapping.measures?.length) problems.push({ key: "measures", message: "Tick at least one column of numbers as a measure." });
  const first = new Map();
  const claim = (key, column, noun) => {
    if (!column) return;
    if (first.has(column)) {
      problems.push({ key, message: `${column} is chosen for both the ${first.get(column)} and the ${noun}; a column can play one role only.` });
    } else {
      first.set(column, noun);
    }
  };
  for (const { key, noun } of STATISTICS_ROLES) claim(key, mapping[key], noun);
  for (const column of mapping.measures ?? []) claim("measures", column, "measures");
  return problems;
}

// The role of each mapped column, e.g. Map { "LSOA21CD" => "Area code", "Total" => "Measure (count)" }.
function rolesByColumn(mapping) {
  if (mapping?.kind === "area-statistics") {
    const roles = new Map();
    const add = (column, label) => column && roles.set(column, roles.has(column) ? `${roles.get(column)}, ${label}` : label);
    for (const { key, label } of STATISTICS_ROLES) add(mapping[key], label);
    for (const column of mapping.measures ?? []) add(column, mapping.counts?.includes(column) ? "Measure (count)" : "Measure");
    return roles;
  }
  if (mapping?.kind === "polygons") {
    const roles = new Map();
    for (const { key, label } of POLYGON_ROLES) {
      if (mapping[key]) roles.set(mapping[key], roles.has(mapping[key]) ? `${roles.get(mapping[key])}, ${label}` : label);
    }
    return roles;
  }
  return uploads.rolesByColumn(mapping);
}

// One sentence on what the confirmed mapping does, for the describe step.
function summary(mapping, { ownGeometry = false, epsg = null } = {}) {
  if (mapping?.kind === "area-statistics") {
    const level = AREA_LEVELS.find((l) => l.key === mapping.areaLevel)?.noun ?? mapping.areaLevel;
    const measures = mapping.measures ?? [];
    const n = mapping.counts?.length ?? 0;
    const counts = n === 0 ? "" : n < measures.length ? ` (${n} of them counts)` : measures.length === 1 ? " (a count)" : " (all counts)";
    return `Statistics by area: ${level} codes from ${mapping.areaCode}, ${measures.length} ${measures.length === 1 ? "measure" : "measures"}`
      + `${counts}${mapping.period ? `, periods from ${mapping.period}` : ""}${mapping.category ? `, broken down by ${mapping.category}` : ""}.`;
  }
  if (mapping?.kind === "polygons") {
    return `Polygons from the file's geometry${epsg ? ` (EPSG:${epsg})` : ""}${mapping.name ? `, named from ${mapping.name}` : ""}`
      + `${mapping.id ? `, identified by ${mapping.id}` : ""}.`;
  }
  const where = ownGeometry ? `the file's geometry${epsg ? ` (EPSG:${epsg})` : ""}` : `${mapping.x} and ${mapping.y} (EPSG:${mapping.xyEpsg})`;
  return `Points from ${where}, dates from ${mapping.date}, categories from ${mapping.category}.`;
}

export const mappingForm = {
  KINDS,
  AREA_LEVELS,
  STATISTICS_ROLES,
  POLYGON_ROLES,
  kindOf,
  allows,
  numericColumns,
  measureRows,
  initialState,
  mappingRequest,
  mappingProblems,
  rolesByColumn,
  summary,
};
