// Words and rules of the upload wizard: the files accepted, the roles a column can play, the job's
// stages, the requests the upload API expects, and the result in words. Pure.
import { format } from "./format.js";

const ACCEPTED = [".zip", ".gpkg", ".geojson", ".json", ".kml", ".kmz", ".fgb", ".csv", ".xlsx"];

const THEMES = [
  { key: "crime", label: "Crime and community safety" },
  { key: "health", label: "Health" },
  { key: "education", label: "Education" },
  { key: "deprivation", label: "Deprivation" },
  { key: "population", label: "Population" },
  { key: "boundaries", label: "Boundaries" },
  { key: "other", label: "Other" },
];

const FREQUENCIES = ["Monthly", "Weekly", "Quarterly", "Annually", "Ad hoc", "One-off"];

// The columns of a ColumnMapping. `xy` roles only apply to files without geometry of their own.
const ROLES = [
  { key: "x", noun: "x coordinate", label: "Longitude or easting (x)", xy: true, hint: "The column with each event's x coordinate." },
  { key: "y", noun: "y coordinate", label: "Latitude or northing (y)", xy: true, hint: "The column with each event's y coordinate." },
  { key: "date", noun: "date", label: "Date or month", required: true,
    hint: "YYYY-MM, YYYY-MM-DD, or day and month in either order (DD/MM/YYYY, MM/DD/YYYY), optionally with a time." },
  { key: "category", noun: "category", label: "Category", required: true, hint: "What happened, e.g. the crime type." },
  { key: "id", noun: "identifier", label: "Identifier", hint: "Optional: the publisher's reference; repeated identifiers are rejected." },
  { key: "lsoaCode", noun: "LSOA code", label: "LSOA code", hint: "Optional: compared with the LSOA the point falls in." },
  { key: "location", noun: "location", label: "Location", hint: "Optional: a street or place description." },
  { key: "outcome", noun: "outcome", label: "Outcome", hint: "Optional: e.g. the last outcome category." },
];

const CRS_CHOICES = [
  { key: 4326, label: "EPSG:4326 — longitude and latitude (WGS 84)" },
  { key: 27700, label: "EPSG:27700 — British National Grid eastings and northings" },
];

const STAGES = [
  { key: "queued", label: "Waiting its turn" },
  { key: "starting", label: "Starting" },
  { key: "unpacking", label: "Unpacking the file" },
  { key: "reading", label: "Reading the rows" },
  { key: "checking", label: "Checking every row" },
  { key: "assigning areas", label: "Finding each point's areas" },
  { key: "publishing", label: "Publishing" },
  { key: "published", label: "Published" },
];

const bytes = new Intl.NumberFormat("en-GB", { maximumFractionDigits: 1 });

function fileSize(size) {
  const n = Number(size);
  if (!Number.isFinite(n) || n < 0) return "—";
  if (n < 1024) return `${n} bytes`;
  const units = ["KB", "MB", "GB"];
  let value = n / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${bytes.format(value)} ${units[unit]}`;
}

// Whether Patchwork reads files with this name (by extension; the server has the last word).
function accepts(fileName) {
  const lower = String(fileName ?? "").toLowerCase();
  return ACCEPTED.some((extension) => lower.endsWith(extension));
}

// A file with geometry of its own (Shapefile, GeoPackage, ...) rather than x/y columns (CSV, Excel).
function hasOwnGeometry(inspection) {
  return Boolean(inspection?.geometryType) && inspection.geometryType !== "None";
}

const blank = (value) => value === null || value === undefined || String(value).trim() === "";

// The ColumnMapping to send, from form values (strings, "" for none). Own-geometry files send no x/y.
function mappingRequest(values, { ownGeometry = false } = {}) {
  const column = (key) => (blank(values[key]) || (ownGeometry && (key === "x" || key === "y")) ? null : String(values[key]));
  const epsg = Number(values.xyEpsg);
  const mapping = {};
  for (const { key } of ROLES) mapping[key] = column(key);
  mapping.xyEpsg = mapping.x && Number.isInteger(epsg) && epsg > 0 ? epsg : null;
  if (DATE_ORDERS.some(({ key }) => key === values.dateOrder)) mapping.dateOrder = values.dateOrder;
  return mapping;
}

// The order of day and month in dates such as 10/02/2023, when the preview could not tell it from the values.
const DATE_ORDERS = [
  { key: "day-first", label: "Day first: 10/02/2023 is 10 February (UK)" },
  { key: "month-first", label: "Month first: 10/02/2023 is 2 October (US)" },
];

// Whether the preview asks for the date order of the mapped date column: its dates fit both orders throughout.
function asksDateOrder(inspection, mapping) {
  const order = inspection?.dateOrder;
  return Boolean(order?.asks) && Boolean(mapping?.date) && order.column === mapping.date;
}

// What must be fixed before loading, as [{ key, message }]: the form control's key and what to do.
function mappingProblems(mapping, { ownGeometry = false, crsUnknown = false, epsg = null, dateOrderAsked = false } = {}) {
  const problems = [];
  if (!ownGeometry) {
    if (!mapping.x) problems.push({ key: "x", message: "Choose the column with the x coordinate (longitude or easting)." });
    if (!mapping.y) problems.push({ key: "y", message: "Choose the column with the y coordinate (latitude or northing)." });
    if (mapping.x && !mapping.xyEpsg) problems.push({ key: "xyEpsg", message: "Say which coordinate system the x and y columns use." });
  }
  if (ownGeometry && crsUnknown && !(Number.isInteger(Number(epsg)) && Number(epsg) > 0)) {
    problems.push({ key: "epsg", message: "Give the EPSG code of the file's coordinates." });
  }
  if (!mapping.date) problems.push({ key: "date", message: "Choose the column with each event's date or month." });
  if (dateOrderAsked && !mapping.dateOrder) {
    problems.push({ key: "dateOrder", message: `Say whether the dates in ${mapping.date} are day first or month first.` });
  }
  if (!mapping.category) problems.push({ key: "category", message: "Choose the column with each event's category." });
  const first = new Map();
  for (const { key, noun } of ROLES) {
    const column = mapping[key];
    if (!column) continue;
    if (first.has(column)) {
      problems.push({ key, message: `${column} is chosen for both the ${first.get(column)} and the ${noun}; a column can play one role only.` });
    } else {
      first.set(column, noun);
    }
  }
  return problems;
}

// The role of each mapped column, e.g. Map { "Month" => "Date or month" }.
function rolesByColumn(mapping) {
  const roles = new Map();
  for (const { key, label } of ROLES) {
    if (mapping?.[key]) roles.set(mapping[key], roles.has(mapping[key]) ? `${roles.get(mapping[key])}, ${label}` : label);
  }
  return roles;
}

function stageIndex(stage) {
  return STAGES.findIndex(({ key }) => key === stage);
}

function stageLabel(stage) {
  if (stage === "failed") return "Failed";
  return STAGES.find(({ key }) => key === stage)?.label ?? String(stage ?? "Waiting");
}

// "Checking every row · 1,234 rows" and the bar's percentage, from GET /api/jobs/{id}.
function jobProgress(job) {
  const percent = Math.max(0, Math.min(100, Number(job?.percent) || 0));
  const rows = Number(job?.rowsProcessed) > 0 ? ` · ${format.number(job.rowsProcessed)} rows` : "";
  return { percent, text: `${stageLabel(job?.stage)}${rows}`, done: job?.state === "succeeded" || job?.state === "failed" };
}

// The rows whose own LSOA code is the LSOA their point falls in: { percent: "97.3%", counts: "1,234 of 1,268" },
// or null when no row had a code to compare.
function agreement(assignment) {
  const compared = Number(assignment?.compared);
  if (!Number.isFinite(compared) || compared <= 0) return null;
  const agreeing = Number(assignment.agreeing) || 0;
  return { percent: format.percent((100 * agreeing) / compared), counts: `${format.number(agreeing)} of ${format.number(compared)}` };
}

// How many rows the inspection counted ("303 rows", or "303" without the noun). A police.uk archive is
// inspected by its first monthly file only, and the words say so.
function rowsText(inspection, { noun = true } = {}) {
  const count = format.number(inspection?.featureCount);
  const rows = noun ? `${count} ${Number(inspection?.featureCount) === 1 ? "row" : "rows"}` : count;
  const files = inspection?.files ?? [];
  return files.length > 1 ? `${rows} in the first of ${files.length} files (the load reads them all)` : rows;
}

// The datasets the person's partner owns (and so may add versions to), from GET /api/datasets.
function ownedDatasets(session, entries) {
  if (session?.partnerId === null || session?.partnerId === undefined) return [];
  return (entries ?? []).map(({ dataset }) => dataset)
    .filter((dataset) => !dataset.openData && dataset.ownerPartnerId === session.partnerId);
}

// The body of POST /api/datasets (new) or POST /api/datasets/{id}/versions, from the wizard's choices.
function submission({ uploadId, mapping, epsg, publishValidRows, datasetId, metadata = {} }) {
  const text = (value) => (blank(value) ? null : String(value).trim());
  const common = { uploadId, mapping, epsg: Number.isInteger(Number(epsg)) && Number(epsg) > 0 ? Number(epsg) : null,
    publishValidRows: Boolean(publishValidRows) };
  if (datasetId) return { url: `/api/datasets/${encodeURIComponent(datasetId)}/versions`, body: common };
  return {
    url: "/api/datasets",
    body: { ...common, title: text(metadata.title), theme: text(metadata.theme) ?? "other", description: text(metadata.description),
      source: text(metadata.source), licence: text(metadata.licence), coverage: text(metadata.coverage),
      updateFrequency: text(metadata.updateFrequency) },
  };
}

// A dataset version's state: current, published (an older one), or withdrawn.
function versionStatus(version) {
  if (version?.status === "withdrawn") {
    return { key: "withdrawn", label: version.withdrawnAt ? `Withdrawn ${format.date(version.withdrawnAt)}` : "Withdrawn" };
  }
  if (version?.current) return { key: "in-force", label: "Current" };
  return { key: "published", label: "Published" };
}

// The coordinate reference systems partners' files come in, by the code the server records ("EPSG:27700").
const CRS_NAMES = {
  "EPSG:27700": "British National Grid",
  "EPSG:4326": "WGS 84 longitude/latitude",
  "EPSG:4258": "ETRS89 longitude/latitude",
  "EPSG:3857": "Web Mercator",
};

function crsLabel(code) {
  if (!code) return "—";
  const name = CRS_NAMES[String(code).toUpperCase()];
  return name ? `${code} (${name})` : String(code);
}

export const uploads = {
  ACCEPTED,
  THEMES,
  FREQUENCIES,
  ROLES,
  CRS_CHOICES,
  DATE_ORDERS,
  STAGES,
  asksDateOrder,
  fileSize,
  accepts,
  hasOwnGeometry,
  mappingRequest,
  mappingProblems,
  rolesByColumn,
  stageIndex,
  stageLabel,
  jobProgress,
  agreement,
  rowsText,
  ownedDatasets,
  submission,
  versionStatus,
  crsLabel,
};
