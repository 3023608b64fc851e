// Wiring only: the indicators page (define one, list them, show one's values by area with intervals and
// comparisons). The chosen indicator is kept in the address (?indicator=7) so it can be linked to.
import { api } from "./api.js";
import { dom } from "./dom.js";
import { signedInPage } from "./header/signedInPage.js";
import { indicatorValues } from "./indicatorValues.js";
import { mapImageLinks } from "./mapImageLinks.js";

await signedInPage();
const form = document.getElementById("define");
const formMessage = document.getElementById("define-message");
const list = document.getElementById("list");
const values = document.getElementById("values");

const datasets = (await api.getJson("/api/datasets")).filter((d) => d.access?.level !== "metadata"
  && ["events", "area-statistics"].includes(d.dataset?.kind));
const fields = {
  name: dom.field(form, { id: "name", label: "Name", required: true, attrs: { maxlength: "200" } }),
  datasetId: dom.options(dom.field(form, { id: "datasetId", label: "Dataset", tag: "select" }),
    datasets.map((d) => ({ key: d.dataset.id, label: d.dataset.title }))),
  measure: dom.options(dom.field(form, { id: "measure", label: "Measure", tag: "select" }), indicatorValues.MEASURES),
  categories: dom.field(form, { id: "categories", label: "Categories", tag: "textarea",
    hint: "One per line or separated by commas; leave empty for all." }),
  from: dom.field(form, { id: "from", label: "From month", type: "month" }),
  to: dom.field(form, { id: "to", label: "To month", type: "month" }),
  statistic: dom.field(form, { id: "statistic", label: "Statistic", hint: "For an area statistic: the measure's name, e.g. imd_rank." }),
  level: dom.options(dom.field(form, { id: "level", label: "Geography", tag: "select" }),
    [["lsoa", "LSOA"], ["msoa", "MSOA"], ["ward", "Ward"], ["district", "District"], ["custom", "Custom areas"]].map(([key, label]) => ({ key, label })),
    { selected: "ward" }),
};
dom.button(form, "Save indicator", { className: "button button-primary", type: "submit" });

form.addEventListener("submit", async (event) => {
  event.preventDefault();
  const raw = Object.fromEntries(Object.entries(fields).map(([key, control]) => [key, control.value]));
  dom.message(formMessage, "loading", "Saving…");
  try {
    const saved = await api.send("POST", "/api/indicators", indicatorValues.definition(raw));
    dom.message(formMessage, "success", `Saved “${saved.name}”.`);
    await showList();
    await show(saved.id);
  } catch (error) {
    dom.message(formMessage, "error", error.message);
  }
});

async function showList() {
  dom.message(list, "loading", "Loading indicators…");
  const indicators = await api.getJson("/api/indicators");
  list.replaceChildren();
  dom.table(list, {
    caption: "Indicators on datasets you may see",
    empty: "No indicators yet.",
    rows: indicators,
    columns: [
      { label: "Name", cell: (i) => { const b = dom.button(null, i.name, { className: "link-button", onClick: () => show(i.id) }); return b; } },
      { label: "Measure", cell: (i) => i.measure },
      { label: "Geography", cell: (i) => i.level },
      { label: "Months", cell: (i) => `${i.from ?? "first"} to ${i.to ?? "last"}` },
      { label: "By", cell: (i) => i.partner ?? i.createdBy },
    ],
  });
}

// level: a boundary level or "custom" (the saved custom areas); empty for the indicator's own geography.
async function show(id, level = "") {
  values.hidden = false;
  const url = new URL(location.href);
  url.searchParams.set("indicator", String(id));
  if (level) url.searchParams.set("level", level); else url.searchParams.delete("level");
  history.replaceState(null, "", url);
  dom.message(values, "loading", "Computing values…");
  try {
    const body = await api.getJson(api.withParams(`/api/indicators/${encodeURIComponent(id)}/values`, { level }));
    values.replaceChildren();
    dom.el("h2", "card-title", values, body.indicator.name).id = "values-heading";
    const other = body.level === "custom" ? "" : "custom";
    dom.button(values, other ? "Show by custom areas" : "Show by the indicator's geography",
      { className: "link-button", onClick: () => show(id, other) }).dataset.geography = other || "own";
    dom.el("p", "", values, `Partnership: ${indicatorValues.valueWithInterval(body.partnership)}. `
      + "Values with their 95% confidence interval; a comparison is Higher or Lower when the district's or the partnership's "
      + "value lies outside the area's interval.");
    dom.table(values, {
      caption: `${body.areas.length} areas (${body.level})`,
      rows: body.areas,
      columns: [
        { label: "Area", cell: (a) => {
          const link = dom.el("a", "", null, `${a.name} (${a.code})`);
          link.href = `/profile.html?area=${encodeURIComponent(a.code)}`;
          return link;
        } },
        { label: "Count", cell: (a) => (a.numerator == null && a.disclosure?.reason ? `withheld: ${a.disclosure.reason}`
          : indicatorValues.number(a.numerator)) },
        { label: "Population", cell: (a) => indicatorValues.number(a.denominator) },
        { label: "Value (95% CI)", cell: (a) => indicatorValues.valueWithInterval(a) },
        { label: "vs district", cell: (a) => indicatorValues.comparison(a.comparison?.district) },
        { label: "vs partnership", cell: (a) => indicatorValues.comparison(a.comparison?.partnership) },
      ],
    });
    // The same figures for GIS clients (README "Indicators in GIS clients"), through the same access decision.
    const collection = `${location.origin}/ogc/collections/indicator-${encodeURIComponent(id)}`;
    const gis = dom.el("p", "gis-links", values, "In QGIS or GDAL: ");
    gis.id = "gis-links";
    for (const [label, href] of [["OGC API Features collection", collection],
      ["vector tiles (TileJSON)", `${collection}/tiles/WebMercatorQuad?f=tilejson`]]) {
      const link = document.createElement("a");
      link.href = href;
      link.textContent = label;
      gis.append(link, " ");
    }
    showMapImages(id);
  } catch (error) {
    dom.message(values, "error", error.message);
  }
}

// The map's classes as the server computes them (the legend with counts), and the map image and briefing page
// drawn with the same breaks.
function showMapImages(id) {
  const section = dom.el("section", "map-images", values);
  section.id = "map-images";
  dom.el("h3", "", section, "Map classes, map image and briefing");
  const form = dom.el("form", "", section);
  const method = dom.options(dom.field(form, { id: "class-method", label: "Classes", tag: "select" }), mapImageLinks.METHODS);
  const count = dom.options(dom.field(form, { id: "class-count", label: "Number of classes", tag: "select" }),
    [3, 4, 5, 6, 7, 8, 9].map((k) => ({ key: String(k), label: String(k) })), { selected: "5" });
  const legend = dom.el("div", "", section);
  legend.setAttribute("aria-live", "polite");
  const links = dom.el("p", "button-row", section);
  const image = dom.el("a", "button", links, "Map image");
  image.id = "map-image-link";
  const pdf = dom.el("a", "button", links, "Map image (PDF)");
  const briefing = dom.el("a", "button", links, "Briefing PDF");
  briefing.id = "briefing-link";
  for (const a of [image, pdf, briefing]) a.target = "_blank";
  let shown = 0;
  const refresh = async () => {
    const choice = { method: method.value, classes: Number(count.value) };
    image.href = mapImageLinks.imageUrl(id, choice);
    pdf.href = mapImageLinks.imageUrl(id, choice, "pdf");
    briefing.href = mapImageLinks.briefingUrl(id, choice);
    const ticket = ++shown;
    dom.message(legend, "loading", "Classifying…");
    try {
      const answer = await api.getJson(mapImageLinks.classesUrl(id, choice));
      if (ticket !== shown) return;
      legend.replaceChildren();
      dom.table(legend, {
        caption: "Legend (computed on the server from the values you may see)",
        rows: [...answer.classes, ...(answer.noData.count > 0 ? [answer.noData] : [])],
        rowAttrs: (c) => ({ "data-colour": c.colour }),
        columns: [
          { label: "Colour", cell: (c) => { const swatch = dom.el("span", "legend-swatch"); swatch.style.cssText = `display:inline-block;width:1.5em;height:1em;border:1px solid #666;background:${c.colour}`; return swatch; } },
          { label: "Class", cell: (c) => c.label },
          { label: "Areas", cell: (c) => indicatorValues.number(c.count) },
        ],
      });
    } catch (error) {
      if (ticket === shown) dom.message(legend, "error", error.message);
    }
  };
  method.addEventListener("change", refresh);
  count.addEventListener("change", refresh);
  refresh();
}

await showList();
const chosen = new URLSearchParams(location.search).get("indicator");
if (chosen) await show(chosen, new URLSearchParams(location.search).get("level") ?? "");
document.body.dataset.state = "ready";
