// Wiring only: the hotspot tool. Choose data, months and a method (defaults explained in plain words),
// run it as a job with progress, see the hotspots on a map with their PAI and RRI and the comparison of
// methods at the same share of the area, and reach the layer's export and the KDE surface. The run shown
// is kept in the address (?run=12) so it can be linked to.
import * as L from "leaflet";
import { api } from "./api.js";
import { dom } from "./dom.js";
import { signedInPage } from "./header/signedInPage.js";
import { hotspots } from "./hotspots.js";

await signedInPage();
const form = document.getElementById("run-form");
const formMessage = document.getElementById("run-message");
const result = document.getElementById("result");
const runsBox = document.getElementById("runs");

const datasets = (await api.getJson("/api/datasets")).filter((d) => d.dataset?.kind === "events"
  && ["public", "aggregate", "record"].includes(d.access?.level));

const fields = {
  datasetId: dom.options(dom.field(form, { id: "datasetId", label: "Dataset", tag: "select" }),
    datasets.map((d) => ({ key: d.dataset.id, label: d.dataset.title }))),
  categories: dom.field(form, { id: "categories", label: "Crime types", tag: "select", attrs: { multiple: "", size: "6" },
    hint: "Choose one or more (Ctrl or Cmd to pick several); none chosen means every type." }),
  from: dom.field(form, { id: "from", label: "First month", type: "month" }),
  to: dom.field(form, { id: "to", label: "Last month", type: "month",
    hint: "The hotspots are tested against the same number of months that follow. People with access to counts only "
      + "(not to where each crime happened) may choose one month, a calendar quarter or a calendar year." }),
  method: dom.options(dom.field(form, { id: "method", label: "Method", tag: "select" }),
    hotspots.METHODS.map((m) => ({ key: m.key, label: m.label }))),
};
const methodWords = dom.el("p", "method-words", form);
methodWords.id = "method-words";
const kde = dom.el("fieldset", "method-parameters", form);
dom.el("legend", "", kde, "Kernel density settings");
const kdeFields = {
  bandwidth: dom.field(kde, { id: "bandwidth", label: "Bandwidth (metres)", type: "number", attrs: { min: "10", step: "10" },
    hint: "How far each crime spreads. Leave empty for the standard rule of thumb on your data (a normal-reference rule, "
      + "as ArcGIS uses): wider for sparse crime, narrower for dense." }),
  cellSize: dom.field(kde, { id: "kdeCellSize", label: "Cell size (metres)", type: "number", attrs: { min: "5", step: "5" },
    hint: "Leave empty for the shorter side of the crimes' extent divided by 250." }),
  classes: dom.options(dom.field(kde, { id: "classes", label: "Hotspots are", tag: "select" }),
    [{ key: "mean", label: "cells at 2×, 3× and 4× the average density or more" }, { key: "top", label: "the top share of cells" }]),
  share: dom.field(kde, { id: "kdeShare", label: "Top share of cells (%)", type: "number", value: String(hotspots.DEFAULTS.share),
    attrs: { min: "0.1", max: "50", step: "0.1" } }),
};
const gi = dom.el("fieldset", "method-parameters", form);
dom.el("legend", "", gi, "Gi* settings");
const giFields = {
  grid: dom.options(dom.field(gi, { id: "grid", label: "Units", tag: "select",
    hint: "Hexagons have six equal neighbours, which suits crime best; areas use the boundaries (needed when you see counts only)." }),
  [{ key: "hex", label: "Hexagons" }, { key: "square", label: "Squares" }, { key: "areas", label: "Areas (boundaries)" }]),
  cellSize: dom.field(gi, { id: "giCellSize", label: "Cell size (metres)", type: "number", attrs: { min: "5", step: "10" },
    hint: "The side of a square (hexagons have the same area). Leave empty for the study area's shorter side / 100." }),
  level: dom.options(dom.field(gi, { id: "giLevel", label: "Areas", tag: "select" }), levels()),
  distanceBand: dom.field(gi, { id: "giDistanceBand", label: "Distance band (metres)", type: "number", attrs: { min: "10", step: "50" },
    hint: "Neighbours are the cells or areas within this distance. Leave empty for touching neighbours (queen contiguity)." }),
};
const top = dom.el("fieldset", "method-parameters", form);
dom.el("legend", "", top, "Top areas settings");
const topFields = {
  level: dom.options(dom.field(top, { id: "topLevel", label: "Areas", tag: "select" }), levels()),
  share: dom.field(top, { id: "topShare", label: "Share of the area (%)", type: "number", value: String(hotspots.DEFAULTS.share),
    attrs: { min: "0.1", max: "50", step: "0.1" } }),
};
const runButton = dom.button(form, "Run", { className: "button button-primary", type: "submit" });

function levels() {
  return [["lsoa", "LSOAs (neighbourhoods)"], ["msoa", "MSOAs"], ["ward", "Wards"], ["district", "Districts"]]
    .map(([key, label]) => ({ key, label }));
}

function showMethod() {
  const method = fields.method.value;
  methodWords.textContent = hotspots.METHODS.find((m) => m.key === method)?.words ?? "";
  kde.hidden = method !== "kde";
  gi.hidden = method !== "gistar";
  top.hidden = method !== "top-areas";
}
fields.method.addEventListener("change", showMethod);
// The share of cells matters only when the hotspots are the top share.
const showShare = () => { kdeFields.share.closest(".field").hidden = kdeFields.classes.value !== "top"; };
kdeFields.classes.addEventListener("change", showShare);
showShare();
showMethod();

async function loadCategories() {
  const id = fields.datasetId.value;
  const dataset = datasets.find((d) => String(d.dataset.id) === id)?.dataset;
  const end = dataset?.coverageEnd ? new Date(`${dataset.coverageEnd.slice(0, 7)}-01T00:00:00Z`) : null;
  if (end) {
    end.setUTCMonth(end.getUTCMonth() - 1);   // one month before the last, so that there is a next month to test on
    const month = end.toISOString().slice(0, 7);
    fields.from.value = month;
    fields.to.value = month;
  }
  if (!id) return;
  const body = await api.getJson(`/api/datasets/${encodeURIComponent(id)}/categories`);
  dom.options(fields.categories, body.categories.map((c) => ({ key: c.code, label: c.name })));
}
fields.datasetId.addEventListener("change", () => loadCategories().catch((e) => dom.message(formMessage, "error", e.message)));

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const method = fields.method.value;
  const raw = {
    datasetId: fields.datasetId.value,
    categories: [...fields.categories.selectedOptions].map((o) => o.value),
    from: fields.from.value,
    to: fields.to.value,
    method,
    bandwidth: kdeFields.bandwidth.value,
    cellSize: method === "kde" ? kdeFields.cellSize.value : giFields.cellSize.value,
    classes: kdeFields.classes.value,
    share: method === "kde" ? kdeFields.share.value : topFields.share.value,
    grid: giFields.grid.value,
    level: method === "gistar" ? giFields.level.value : topFields.level.value,
    distanceBand: giFields.distanceBand.value,
  };
  runButton.disabled = true;
  try {
    const run = await api.send("POST", "/api/hotspots", hotspots.requestBody(raw));
    await follow(run.id);
  } catch (error) {
    dom.message(formMessage, "error", error.message);
  } finally {
    runButton.disabled = false;
  }
});

// Polls the run until it ends, showing its stage and percent.
async function follow(id) {
  const box = dom.message(formMessage, "loading", "Starting…");
  const bar = dom.el("progress", "run-progress", box);
  bar.max = 100;
  for (;;) {
    const run = await api.getJson(`/api/hotspots/${id}`);
    bar.value = run.percent;
    box.querySelector(".message-text").textContent = `Run ${run.id}: ${run.stage} (${run.percent}%)`;
    if (run.state === "succeeded") {
      dom.message(formMessage, "success", `Run ${run.id} finished.`);
      await Promise.all([show(run), showRuns()]);
      return;
    }
    if (run.state === "failed") {
      dom.message(formMessage, "error", run.problem?.detail ?? "The run failed.");
      await showRuns();
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

let leafletMap = null;
let layer = null;

async function show(run) {
  result.hidden = false;
  const url = new URL(location.href);
  url.searchParams.set("run", String(run.id));
  history.replaceState(null, "", url);
  document.getElementById("result-heading").textContent = `Run ${run.id}: ${run.dataset}, `
    + `${run.categories.length ? run.categories.join(", ") : "every type"}, ${run.from}${run.to !== run.from ? ` to ${run.to}` : ""} `
    + `(${hotspots.METHODS.find((m) => m.key === run.method)?.label ?? run.method})`;
  const pai = document.getElementById("hotspot-pai");
  pai.textContent = hotspots.accuracySentence(run)
    + (run.basis === "record" ? "" : ` Computed from ${run.result.computedFrom}.`);
  pai.dataset.pai = String(run.result?.accuracy?.pai ?? "");
  const links = document.getElementById("result-links");
  links.replaceChildren();
  // Export is another feature's (GET /api/export/{collectionId}?format=...): this is its hook.
  const exportLink = dom.el("a", "button", links, "Export layer…");
  exportLink.href = `/api/export/${encodeURIComponent(`hotspots-${run.id}`)}?format=gpkg`;
  exportLink.id = "export-hotspots";
  exportLink.dataset.collection = `hotspots-${run.id}`;
  const ogc = dom.el("a", "", links, "Layer in OGC API Features");
  ogc.href = `/ogc/collections/hotspots-${run.id}?f=html`;
  // The same layer as vector tiles for GIS clients and web maps (README "Hotspot layers as vector tiles").
  const tiles = dom.el("a", "", links, "Vector tiles (TileJSON)");
  tiles.href = `/ogc/collections/hotspots-${run.id}/tiles/WebMercatorQuad?f=tilejson`;
  tiles.id = "hotspot-tiles";
  if (run.links?.surface) {
    const tif = dom.el("a", "", links, "Density surface (GeoTIFF)");
    tif.href = run.links.surface;
  }
  dom.button(links, "Run again", { className: "button", onClick: () => rerun(run.id) });

  if (!leafletMap) {
    leafletMap = L.map("hotspot-map", { zoomSnap: 0.25 });
    leafletMap.attributionControl.setPrefix('<a href="https://leafletjs.com">Leaflet</a>');
  }
  const features = await api.features(`hotspots-${run.id}`);
  if (layer) layer.remove();
  layer = L.geoJSON(features, {
    filter: (f) => hotspots.colour(f.properties) !== null,
    style: (f) => ({ color: "#7f1d1d", weight: 0.5, fillColor: hotspots.colour(f.properties), fillOpacity: 0.7 }),
    onEachFeature: (f, l) => l.bindTooltip(`${f.properties.label}${Number.isFinite(f.properties.z) ? `, z ${hotspots.figure(f.properties.z)}` : ""}`
      + `${Number.isFinite(f.properties.events) ? `, ${hotspots.figure(f.properties.events, 1)} crimes` : ""}`),
  }).addTo(leafletMap);
  const bounds = layer.getBounds();
  if (bounds.isValid()) leafletMap.fitBounds(bounds);
  else leafletMap.setView([53.42, -2.95], 10);
  document.getElementById("hotspot-map").dataset.features = String(layer.getLayers().length);

  const comparison = document.getElementById("comparison");
  comparison.replaceChildren();
  const best = hotspots.bestMethod(run.result.comparison);
  dom.table(comparison, {
    caption: "Methods compared at the same share of the area, tested on the next period (the highest PAI predicted best)",
    empty: "No comparison: the run found no hotspot area.",
    rows: run.result.comparison ?? [],
    rowAttrs: (r) => (r.method === best ? { class: "best-method" } : {}),
    columns: [
      { label: "Method", cell: (r) => r.label },
      { label: "Share of area", cell: (r) => `${hotspots.figure(r.areaShare * 100, 1)}%` },
      { label: "Crimes in hotspots (next)", cell: (r) => `${hotspots.figure(r.nextEvents, 0)} of ${hotspots.figure(r.nextAllEvents, 0)}` },
      { label: "PAI (next)", cell: (r) => hotspots.figure(r.pai) },
      { label: "RRI", cell: (r) => hotspots.figure(r.rri) },
      { label: "PAI (same period)", cell: (r) => hotspots.figure(r.paiBuilt) },
    ],
  });
  await showHeat(run);
}

// A KDE run's density surface (GET /api/hotspots/{id}/heat, through the same access decision) as an image overlay
// when the map is zoomed out past where the class polygons are readable; the polygons then keep only their outlines.
const HEAT_BELOW_ZOOM = 11;
let heat = null;
let heatToggle = null;

async function showHeat(run) {
  if (heat) heat.remove();
  if (heatToggle) leafletMap.off("zoomend", heatToggle);
  heat = null;
  heatToggle = null;
  const box = document.getElementById("hotspot-map");
  delete box.dataset.heat;
  if (!run.links?.heat) return;
  const surface = await api.getJson(run.links.heat);
  heat = L.imageOverlay(surface.image, [[surface.south, surface.west], [surface.north, surface.east]],
    { opacity: 0.85, alt: "Density surface", className: "hotspot-heat" });
  heatToggle = () => {
    const zoomedOut = leafletMap.getZoom() < HEAT_BELOW_ZOOM;
    if (zoomedOut && !leafletMap.hasLayer(heat)) heat.addTo(leafletMap).bringToBack();
    if (!zoomedOut && leafletMap.hasLayer(heat)) heat.remove();
    layer?.setStyle({ fillOpacity: zoomedOut ? 0 : 0.7 });
    box.dataset.heat = zoomedOut ? "shown" : "hidden";
  };
  leafletMap.on("zoomend", heatToggle);
  heatToggle();
}

async function rerun(id) {
  try {
    const run = await api.send("POST", `/api/hotspots/${id}/rerun`);
    await follow(run.id);
  } catch (error) {
    dom.message(formMessage, "error", error.message);
  }
}

async function showRuns() {
  const runs = await api.getJson("/api/hotspots");
  runsBox.replaceChildren();
  dom.table(runsBox, {
    caption: "Runs you may see, newest first: compare their PAI and RRI",
    empty: "No runs yet.",
    rows: runs,
    columns: [
      { label: "Run", cell: (r) => (r.state === "succeeded"
        ? dom.button(null, `#${r.id}`, { className: "link-button", onClick: () => show(r).catch((e) => dom.message(formMessage, "error", e.message)) })
        : `#${r.id} (${r.state})`) },
      { label: "Dataset", cell: (r) => r.dataset },
      { label: "Crime types", cell: (r) => (r.categories.length ? r.categories.join(", ") : "all") },
      { label: "Months", cell: (r) => (r.from === r.to ? r.from : `${r.from} to ${r.to}`) },
      { label: "Method", cell: (r) => r.method },
      { label: "PAI", cell: (r) => hotspots.figure(r.result?.accuracy?.pai) },
      { label: "RRI", cell: (r) => hotspots.figure(r.result?.accuracy?.rri) },
      { label: "By", cell: (r) => r.createdBy },
    ],
  });
}

if (datasets.length === 0) {
  dom.message(formMessage, "empty", "You may not see any event dataset, so there is nothing to find hotspots in.");
  runButton.disabled = true;
} else {
  await loadCategories().catch((e) => dom.message(formMessage, "error", e.message));
}
await showRuns();
const asked = new URL(location.href).searchParams.get("run");
if (asked) {
  await api.getJson(`/api/hotspots/${encodeURIComponent(asked)}`).then(show).catch((e) => dom.message(formMessage, "error", e.message));
}
document.body.dataset.state = "ready";
