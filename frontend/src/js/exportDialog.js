// The export dialog any page can open for a collection it shows: openExportDialog(collectionId, title, { params })
// asks for a format and a coordinate system, downloads GET /api/export/{collectionId} with the collection's own
// parameters (the server applies the same access and disclosure control as the map), and says what went wrong in
// the server's words. options.alternatives: other collections of the same layer (e.g. counts or individual events).

export const EXPORT_FORMATS = [
  { key: "gpkg", label: "GeoPackage (.gpkg)", crs: true },
  { key: "shp", label: "Shapefile (zipped, .prj and .cpg, field-name mapping)", crs: true },
  { key: "tab", label: "MapInfo TAB (zipped)", crs: true },
  { key: "kml", label: "KML (Google Earth; WGS84)", crs: false },
  { key: "kmz", label: "KMZ (zipped KML; WGS84)", crs: false },
  { key: "geojson", label: "GeoJSON", crs: true },
  { key: "csv", label: "CSV (zipped with metadata; formulas neutralised)", crs: true, csv: true },
];

export const EXPORT_CRS = [
  { key: "27700", label: "British National Grid (EPSG:27700, metres)" },
  { key: "4326", label: "WGS84 longitude/latitude (EPSG:4326)" },
];

// The URL of one export; params are the collection's own filters.
export function exportUrl(collectionId, { format, crs, geometry, params = {} }) {
  const query = new URLSearchParams({ format });
  const definition = EXPORT_FORMATS.find((f) => f.key === format);
  if (crs && definition?.crs !== false) query.set("crs", crs);
  if (geometry && definition?.csv) query.set("geometry", geometry);
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") query.set(key, String(value));
  }
  return `/api/export/${encodeURIComponent(collectionId)}?${query}`;
}

// The file name from Content-Disposition, or a fallback.
export function fileNameOf(disposition, fallback) {
  const match = /filename="?([^";]+)"?/.exec(disposition ?? "");
  return match ? match[1] : fallback;
}

const element = (tag, attributes = {}, text) => {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  if (text !== undefined) node.textContent = text;
  return node;
};

async function download(url, fallbackName) {
  const response = await fetch(url, { headers: { "X-Requested-With": "XMLHttpRequest" }, credentials: "same-origin" });
  if (!response.ok) {
    let detail = `the server answered ${response.status}`;
    try {
      const problem = await response.json();
      detail = problem.detail || problem.title || detail;
    } catch {
      // not problem+json: the status is all there is
    }
    if (response.status === 401) globalThis.location?.assign?.("/login.html");
    throw new Error(detail);
  }
  const blob = await response.blob();
  const name = fileNameOf(response.headers.get("Content-Disposition"), fallbackName);
  const link = element("a", { href: URL.createObjectURL(blob), download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(link.href), 60_000);
  return name;
}

// Opens the dialog; resolves when it closes. The dialog's data-state (idle | loading | done | error) is for tests.
export function openExportDialog(collectionId, title, { params = {}, alternatives = [] } = {}) {
  const dialog = element("dialog", { class: "pw-export-dialog", "aria-labelledby": "pw-export-title", "data-state": "idle" });
  const form = element("form", { method: "dialog" });
  form.append(element("h2", { id: "pw-export-title" }, `Export: ${title}`));
  const choices = alternatives.length > 1 ? alternatives : [{ collectionId, title, params }];
  const layerSelect = element("select", { name: "layer" });
  choices.forEach((choice, i) => layerSelect.append(element("option", { value: String(i) }, choice.title)));
  if (choices.length > 1) form.append(labelled("What", layerSelect));
  const formatSelect = element("select", { name: "format" });
  EXPORT_FORMATS.forEach((f) => formatSelect.append(element("option", { value: f.key }, f.label)));
  const crsSelect = element("select", { name: "crs" });
  EXPORT_CRS.forEach((c) => crsSelect.append(element("option", { value: c.key }, c.label)));
  const geometrySelect = element("select", { name: "geometry" });
  geometrySelect.append(element("option", { value: "" }, "X/Y columns for points, WKT otherwise"),
    element("option", { value: "wkt" }, "WKT (well-known text)"), element("option", { value: "xy" }, "X/Y columns (points only)"));
  const geometryField = labelled("CSV geometry", geometrySelect);
  form.append(labelled("Format", formatSelect), labelled("Coordinates", crsSelect), geometryField);
  const note = element("p", { class: "pw-export-note" },
    "Every export carries its source, version, period, licence, attribution and the disclosure control applied, "
    + "and is recorded in the audit trail.");
  const status = element("p", { class: "pw-export-status", role: "status", "aria-live": "polite" });
  const buttons = element("div", { class: "pw-export-buttons" });
  const go = element("button", { type: "button", class: "pw-button", "data-action": "download" }, "Download");
  const close = element("button", { type: "submit", class: "pw-button", value: "close" }, "Close");
  buttons.append(go, close);
  form.append(note, status, buttons);
  dialog.append(form);

  const sync = () => {
    const format = EXPORT_FORMATS.find((f) => f.key === formatSelect.value);
    crsSelect.disabled = !format.crs;
    if (!format.crs) crsSelect.value = "4326";
    geometryField.hidden = !format.csv;
  };
  formatSelect.addEventListener("change", sync);
  sync();
  go.addEventListener("click", async () => {
    const chosen = choices[Number(layerSelect.value) || 0];
    const url = exportUrl(chosen.collectionId, { format: formatSelect.value, crs: crsSelect.value,
      geometry: geometrySelect.value, params: chosen.params ?? {} });
    dialog.dataset.state = "loading";
    go.disabled = true;
    status.textContent = "Preparing the export…";
    try {
      const name = await download(url, `${chosen.collectionId}.${formatSelect.value}`);
      dialog.dataset.state = "done";
      status.textContent = `Downloaded ${name}.`;
    } catch (error) {
      dialog.dataset.state = "error";
      status.textContent = `Could not export: ${error.message}`;
    } finally {
      go.disabled = false;
    }
  });
  document.body.append(dialog);
  return new Promise((resolve) => {
    dialog.addEventListener("close", () => {
      dialog.remove();
      resolve();
    });
    dialog.showModal();
  });
}

function labelled(text, control) {
  const label = element("label", { class: "pw-export-field" });
  label.append(element("span", {}, text), control);
  return label;
}
