// A polygon dataset drawn over the choropleth: an outline with a light fill, in the "overlays" pane. The
// fill lets clicks through to the areas underneath (see .polygon-overlay in app.css); hovering the outline
// names the polygon and clicking it opens a popup with its name and attributes. Paths get the CSS class
// `polygon-overlay`, data-overlay (the overlay's key) and data-name.
import { DomUtil, GeoJSON, Util } from "leaflet";

const ATTRIBUTES_SHOWN = 12;
const HIDDEN = new Set(["name", "source_id", "dataset_id"]);

const nameOf = (feature) => feature.properties?.name ?? feature.properties?.source_id ?? String(feature.id ?? "Polygon");

function popup(feature, title) {
  const p = feature.properties ?? {};
  const box = DomUtil.create("div", "area-popup polygon-popup");
  DomUtil.create("strong", "area-popup-title", box).textContent = nameOf(feature);
  DomUtil.create("div", "area-popup-line area-popup-note", box).textContent = title;
  const rows = [];
  if (p.source_id !== undefined && p.source_id !== null && p.source_id !== p.name) rows.push(["Identifier", p.source_id]);
  for (const [key, value] of Object.entries(p)) {
    if (!HIDDEN.has(key) && value !== null && value !== undefined && value !== "" && typeof value !== "object") rows.push([key, value]);
  }
  const list = DomUtil.create("dl", "popup-attributes", box);
  for (const [key, value] of rows.slice(0, ATTRIBUTES_SHOWN)) {
    DomUtil.create("dt", "", list).textContent = key;
    DomUtil.create("dd", "", list).textContent = String(value);
  }
  if (rows.length > ATTRIBUTES_SHOWN) {
    DomUtil.create("div", "area-popup-line area-popup-note", box).textContent = `and ${rows.length - ATTRIBUTES_SHOWN} more attributes`;
  }
  return box;
}

export const PolygonLayer = GeoJSON.extend({
  options: { pane: "overlays", className: "polygon-overlay", colour: "#7c3aed", key: "", title: "" },

  initialize(data, options) {
    Util.setOptions(this, options);
    const { colour } = this.options;
    this.options.style = () => ({ color: colour, weight: 2.5, opacity: 0.95, fillColor: colour, fillOpacity: 0.08 });
    this.options.onEachFeature = (feature, layer) => {
      layer.bindTooltip(() => {
        const text = DomUtil.create("span", "area-tooltip");
        text.textContent = nameOf(feature);
        return text;
      }, { sticky: true, direction: "top", offset: [0, -8] });
      layer.bindPopup(() => popup(feature, this.options.title), { maxWidth: 320 });
      layer.on("add", () => {
        const path = layer.getElement();
        if (!path) return;
        path.setAttribute("data-overlay", this.options.key);
        path.setAttribute("data-name", nameOf(feature));
      });
    };
    GeoJSON.prototype.initialize.call(this, data, this.options);
  },
});
