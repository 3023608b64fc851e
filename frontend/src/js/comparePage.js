// Wiring only: the compare page. Two indicators and a district are chosen (kept in the address, e.g.
// ?x=3&y=7&within=E08000012, so a comparison can be linked to); GET /api/indicators/compare gives each
// area's pair and the correlations, the two maps colour each indicator by fifths, and one selection links
// the maps and the scatter plot: clicking an area highlights its point, clicking or brushing points
// highlights their areas. Chart.js is the UMD build from its WebJar (window.Chart).
import { GeoJSON } from "leaflet";
import { api } from "./api.js";
import { dom } from "./dom.js";
import { signedInPage } from "./header/signedInPage.js";
import { map } from "./map.js";
import { classes } from "./classes.js";
import { compareView } from "./compareView.js";
import { bivariate } from "./bivariate.js";
import { indicatorValues } from "./indicatorValues.js";

await signedInPage();
const form = document.getElementById("choose");
const message = document.getElementById("choose-message");
const result = document.getElementById("result");
const canvas = document.getElementById("scatter");
const brush = document.getElementById("brush");
const selectionBox = document.getElementById("selection");

const [indicators, districts] = await Promise.all([api.getJson("/api/indicators"), api.features("district")]);
const choices = indicators.map((i) => ({ key: i.id, label: `${i.name} (${i.level})` }));
const params = new URLSearchParams(location.search);
const fields = {
  x: dom.options(dom.field(form, { id: "x", label: "Indicator across (x)", tag: "select" }), choices, { selected: params.get("x") }),
  y: dom.options(dom.field(form, { id: "y", label: "Indicator up (y)", tag: "select" }), choices,
    { selected: params.get("y") ?? choices[1]?.key }),
  within: dom.options(dom.field(form, { id: "within", label: "District", tag: "select" }),
    districts.features.map((f) => ({ key: f.id, label: f.properties.name })).sort((a, b) => a.label.localeCompare(b.label)),
    { empty: "The whole partnership", selected: params.get("within") }),
  level: dom.options(dom.field(form, { id: "level", label: "Geography", tag: "select" }),
    [["lsoa", "LSOA"], ["msoa", "MSOA"], ["ward", "Ward"], ["district", "District"]].map(([key, label]) => ({ key, label })),
    { empty: "As the indicators are defined", selected: params.get("level") }),
};
dom.button(form, "Compare", { className: "button button-primary", type: "submit" });

const maps = { x: null, y: null, bi: null };
const layers = { x: null, y: null, bi: null };
// "two-maps" or "bivariate" (one map in a 3×3 palette from the server's tertiles of each), kept in the address
const viewInputs = [...document.querySelectorAll("#view input[name='view']")];
let view = params.get("view") === "bivariate" ? "bivariate" : "two-maps";
let chart = null;
let points = [];
let selected = new Set();
let generation = 0;

form.addEventListener("submit", (event) => {
  event.preventDefault();
  run();
});

async function run() {
  const mine = ++generation;   // a newer choice wins; an older answer arriving late is ignored
  const query = { x: fields.x.value, y: fields.y.value, within: fields.within.value, level: fields.level.value };
  const url = new URL(location.href);
  for (const [key, value] of Object.entries(query)) {
    if (value) url.searchParams.set(key, value); else url.searchParams.delete(key);
  }
  history.replaceState(null, "", url);
  document.body.dataset.state = "loading";
  dom.message(message, "loading", "Comparing…");
  try {
    const body = await api.getJson(api.withParams("/api/indicators/compare", query));
    const shapes = await api.features(body.level, { params: body.within ? { lad_code: body.within } : {} });
    // each side's map classes and legend come from the server (the same classification as the map and images)
    const pairs = compareView.points(body);
    const answers = {};
    for (const side of ["x", "y"]) {
      answers[side] = await api.send("POST", "/api/classify", compareView.classesRequest(pairs.map((p) => p[side]), side));
    }
    // and the bivariate map's tertiles of each (the server's breaks: nothing is classified in the browser)
    for (const side of ["x", "y"]) {
      answers[`${side}3`] = await api.send("POST", "/api/classify", bivariate.tertilesRequest(pairs.map((p) => p[side])));
    }
    if (mine !== generation) return;
    message.replaceChildren();
    result.hidden = false;
    show(body, shapes, answers);
    document.body.dataset.state = "ready";
  } catch (error) {
    if (mine !== generation) return;
    dom.message(message, "error", error.message);
    document.body.dataset.state = "ready";
  }
}

function show(body, shapes, answers) {
  points = compareView.points(body);
  selected = new Set();
  const names = { x: body.x.indicator.name, y: body.y.indicator.name };
  const byCode = new Map(points.map((p) => [p.code, p]));
  const correlation = document.getElementById("correlation");
  correlation.replaceChildren();
  dom.el("p", "correlation-line", correlation, compareView.correlation("Pearson's r", body.pearson)).dataset.kind = "pearson";
  dom.el("p", "correlation-line", correlation, compareView.correlation("Spearman's ρ", body.spearman)).dataset.kind = "spearman";
  const notes = [];
  if (body.unpaired.length > 0) notes.push(`${body.unpaired.length} areas without both values are left out.`);
  if ([body.x, body.y].some((side) => side.disclosure?.exact === false)) {
    notes.push("Counts are protected by cell-key perturbation: the correlation is of the protected values you see.");
  }
  notes.push("A correlation between areas says nothing about individuals, and is not a cause.");
  dom.el("p", "muted small", correlation, notes.join(" "));

  for (const side of ["x", "y"]) {
    document.getElementById(`map-${side}-title`).textContent = names[side];
    const scale = compareView.scale(answers[side]);
    legend(document.getElementById(`legend-${side}`), scale);
    maps[side] ??= linked(side);
    layers[side]?.remove();
    layers[side] = new GeoJSON(shapes, {
      style: (f) => style(scale.colour(byCode.get(f.id)?.[side] ?? null), false),
      onEachFeature: (f, layer) => {
        const p = byCode.get(f.id);
        layer.bindTooltip(`${f.properties.name ?? f.id}: ${p ? indicatorValues.number(p[side]) : "no value"}`, { sticky: true });
        layer.on("add", () => layer.getElement()?.setAttribute("data-code", f.id));
        layer.on("click", () => select(p ? [f.id] : []));
      },
    }).addTo(maps[side]);
    layers[side].colour = (code) => scale.colour(byCode.get(code)?.[side] ?? null);
  }
  showBivariate(shapes, byCode, names, answers);
  const bounds = layers.x.getBounds();
  if (bounds.isValid()) maps.x.fitBounds(bounds);
  showView();
  scatter(names);
  render();
}

// The bivariate map: each area in its cell of the 3×3 palette from the two sets of server tertile breaks; an area
// without both values (withheld, missing) is drawn as no data and counted apart in the legend.
function showBivariate(shapes, byCode, names, answers) {
  const breaks = { x: answers.x3.breaks ?? [], y: answers.y3.breaks ?? [] };
  const cellOf = (code) => { const p = byCode.get(code); return p ? bivariate.cell(p.x, p.y, breaks.x, breaks.y) : null; };
  document.getElementById("map-bi-title").textContent = `${names.x} and ${names.y}`;
  maps.bi ??= linked("bi");
  layers.bi?.remove();
  layers.bi = new GeoJSON(shapes, {
    style: (f) => style(bivariate.colour(cellOf(f.id)), false),
    onEachFeature: (f, layer) => {
      const p = byCode.get(f.id);
      layer.bindTooltip(`${f.properties.name ?? f.id}: ${p ? `${indicatorValues.number(p.x)} and ${indicatorValues.number(p.y)}`
        : "no value on one or both"}`, { sticky: true });
      layer.on("add", () => {
        const element = layer.getElement();
        element?.setAttribute("data-code", f.id);
        element?.setAttribute("data-cell", cellOf(f.id)?.key ?? "no-data");
      });
      layer.on("click", () => select(p ? [f.id] : []));
    },
  }).addTo(maps.bi);
  layers.bi.colour = (code) => bivariate.colour(cellOf(code));
  const paired = new Set(points.map((p) => p.code));
  const noData = shapes.features.filter((f) => !paired.has(f.id)).length;
  bivariateLegend(document.getElementById("legend-bi"), bivariate.counts(points, breaks.x, breaks.y).cells, noData, names, breaks);
}

// The 3×3 legend square: x runs low to high left to right, y low to high bottom to top; each cell shows how many
// areas are in it; the areas without both values are counted beneath.
function bivariateLegend(box, cells, noData, names, breaks) {
  box.replaceChildren();
  const ends = (parent) => { const e = dom.el("span", "bivariate-ends", parent); dom.el("span", "", e, "low"); dom.el("span", "", e, "high"); };
  const yAxis = dom.el("div", "bivariate-y", box);
  dom.el("span", "", yAxis, `${names.y} →`);
  ends(yAxis);
  const grid = dom.el("div", "bivariate-grid", box);
  grid.setAttribute("role", "table");
  grid.setAttribute("aria-label", `Areas by thirds of ${names.x} (across) and ${names.y} (up)`);
  const third = ["low", "middle", "high"];
  const range = (b, i) => (i === 0 ? `below ${indicatorValues.number(b[0])}` : i === 2 || b[i] === undefined
    ? `${indicatorValues.number(b[i - 1])} and above` : `${indicatorValues.number(b[i - 1])} to under ${indicatorValues.number(b[i])}`);
  for (let row = 2; row >= 0; row--) {
    for (let col = 0; col < 3; col++) {
      const key = `${col}-${row}`;
      const cell = dom.el("span", "bivariate-cell", grid, String(cells[key]));
      cell.style.background = bivariate.PALETTE[row][col];
      if (row + col >= 3) cell.classList.add("dark");
      cell.dataset.cell = key;
      cell.dataset.count = String(cells[key]);
      cell.title = `${names.x} ${third[col]} (${range(breaks.x, col)}), ${names.y} ${third[row]} (${range(breaks.y, row)}): `
        + `${cells[key]} area${cells[key] === 1 ? "" : "s"}`;
    }
  }
  const xAxis = dom.el("div", "bivariate-x", box);
  dom.el("span", "", xAxis, `${names.x} →`);
  ends(xAxis);
  const none = dom.el("p", "bivariate-nodata", box);
  dom.el("span", "swatch", none).style.background = bivariate.NO_DATA;
  dom.el("span", "", none, `${noData} without both values (withheld or missing), drawn grey`);
  none.id = "bivariate-no-data";
  none.dataset.count = String(noData);
}

// The toggle: two maps, or the one bivariate map (its legend beside it).
function showView() {
  viewInputs.forEach((input) => { input.checked = input.value === view; });
  const bi = view === "bivariate";
  document.querySelectorAll(".compare-two").forEach((e) => { e.hidden = bi; });
  document.querySelector(".compare-bivariate").hidden = !bi;
  document.getElementById("legend-bi").hidden = !bi;
  result.dataset.view = view;
  const shown = bi ? maps.bi : maps.x;
  const source = bi ? maps.x : maps.bi;
  if (!shown) return;
  shown.invalidateSize();
  if (source && source.getSize().x > 0) shown.setView(source.getCenter(), source.getZoom(), { animate: false });
  else if (layers.x?.getBounds().isValid()) shown.fitBounds(layers.x.getBounds());
  if (!bi) maps.y?.invalidateSize();
}

viewInputs.forEach((input) => input.addEventListener("change", () => {
  if (!input.checked) return;
  view = input.value;
  const url = new URL(location.href);
  if (view === "bivariate") url.searchParams.set("view", view); else url.searchParams.delete("view");
  history.replaceState(null, "", url);
  showView();
}));

// Maps that move together: panning or zooming one moves the others (a hidden one is set when it is shown).
let syncing = false;
function linked(side) {
  const leafletMap = map(document.getElementById(`map-${side}`));
  leafletMap.on("moveend", () => {
    if (syncing || leafletMap.getSize().x === 0) return;
    syncing = true;
    for (const [key, other] of Object.entries(maps)) {
      if (key !== side && other && other.getSize().x > 0) other.setView(leafletMap.getCenter(), leafletMap.getZoom(), { animate: false });
    }
    syncing = false;
  });
  return leafletMap;
}

const style = (fill, chosen) => ({ fillColor: fill, fillOpacity: 0.85, color: chosen ? "#111827" : "#6b7280",
  weight: chosen ? 3 : 0.5, opacity: 1 });

// The server's legend: each class's colour, its range and how many areas fall in it.
function legend(box, scale) {
  box.replaceChildren();
  for (const item of classes.legendItems({ classes: scale.classes })) {
    const entry = dom.el("span", "legend-item", box);
    dom.el("span", "swatch", entry).style.background = item.colour;
    entry.append(item.label);
  }
}

function scatter(names) {
  chart?.destroy();
  const Chart = globalThis.Chart;
  chart = new Chart(canvas, {
    type: "scatter",
    data: { datasets: [{ label: "Areas", data: points.map((p) => ({ x: p.x, y: p.y, code: p.code, name: p.name })) }] },
    options: {
      animation: false,
      maintainAspectRatio: false,
      scales: { x: { title: { display: true, text: names.x } }, y: { title: { display: true, text: names.y } } },
      elements: { point: {
        radius: (ctx) => (selected.has(ctx.raw?.code) ? 7 : 3),
        hoverRadius: (ctx) => (selected.has(ctx.raw?.code) ? 8 : 5),
        backgroundColor: (ctx) => (selected.has(ctx.raw?.code) ? "#dc2626" : "rgba(37, 99, 235, 0.55)"),
        borderColor: (ctx) => (selected.has(ctx.raw?.code) ? "#111827" : "rgba(37, 99, 235, 0.9)"),
        borderWidth: (ctx) => (selected.has(ctx.raw?.code) ? 2 : 1),
      } },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (ctx) => compareView.describe(ctx.raw) } },
      },
      onClick: (event, elements) => {
        if (brushed) return;
        select(elements.map((e) => points[e.index].code).slice(0, 1));
      },
    },
  });
}

// Brushing: dragging a rectangle over the plot selects the points inside it.
let start = null;
let brushed = false;
canvas.addEventListener("pointerdown", (event) => {
  start = { x: event.offsetX, y: event.offsetY };
  brushed = false;
});
canvas.addEventListener("pointermove", (event) => {
  if (!start) return;
  const [x0, x1] = [Math.min(start.x, event.offsetX), Math.max(start.x, event.offsetX)];
  const [y0, y1] = [Math.min(start.y, event.offsetY), Math.max(start.y, event.offsetY)];
  if (x1 - x0 < 5 && y1 - y0 < 5) return;
  Object.assign(brush.style, { left: `${x0}px`, top: `${y0}px`, width: `${x1 - x0}px`, height: `${y1 - y0}px` });
  brush.hidden = false;
});
const endBrush = (event) => {
  if (!start || !chart) return;
  const moved = Math.abs(event.offsetX - start.x) >= 5 || Math.abs(event.offsetY - start.y) >= 5;
  if (moved) {
    const box = { x0: chart.scales.x.getValueForPixel(start.x), x1: chart.scales.x.getValueForPixel(event.offsetX),
      y0: chart.scales.y.getValueForPixel(start.y), y1: chart.scales.y.getValueForPixel(event.offsetY) };
    // Chart.js handles the click that ends a drag a frame later; it must not replace the brushed selection,
    // so `brushed` stays set until the next pointerdown.
    brushed = true;
    select(compareView.inBox(points, box));
  }
  start = null;
  brush.hidden = true;
};
canvas.addEventListener("pointerup", endBrush);
canvas.addEventListener("pointerleave", (event) => { if (start) endBrush(event); });

function select(codes) {
  selected = new Set(codes);
  render();
}

function render() {
  chart?.update("none");
  for (const side of ["x", "y", "bi"]) {
    layers[side]?.eachLayer((layer) => {
      const chosen = selected.has(layer.feature.id);
      layer.setStyle(style(layers[side].colour(layer.feature.id), chosen));
      layer.getElement()?.classList.toggle("is-selected", chosen);
      if (chosen) layer.bringToFront();
    });
  }
  selectionBox.replaceChildren();
  canvas.dataset.selected = [...selected].join(" ");
  if (selected.size === 0) {
    dom.el("p", "muted", selectionBox, "Nothing selected.");
    return;
  }
  const rows = points.filter((p) => selected.has(p.code));
  dom.table(selectionBox, {
    caption: `${rows.length} selected area${rows.length === 1 ? "" : "s"}`,
    rows: rows.slice(0, 50),
    columns: [
      { label: "Area", cell: (p) => { const a = dom.el("a", "", null, p.name ?? p.code); a.href = `/profile.html?area=${encodeURIComponent(p.code)}`; return a; } },
      { label: "x", cell: (p) => indicatorValues.number(p.x), className: "numeric" },
      { label: "y", cell: (p) => indicatorValues.number(p.y), className: "numeric" },
    ],
  });
}

// For the browser test and for debugging: the codes whose points the chart draws highlighted.
globalThis.patchworkCompare = {
  highlighted: () => (chart ? chart.getDatasetMeta(0).data
    .map((element, i) => (element.options.radius >= 6 ? points[i].code : null)).filter((c) => c !== null) : []),
};

if (params.get("x") && params.get("y")) await run();
document.body.dataset.state = "ready";
