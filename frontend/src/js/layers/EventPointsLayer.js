// Individual events (record-level access only) as small circles above the areas, each with a popup
// saying what, when, where and the outcome. Circles get the CSS class `crime-point`.
import { CircleMarker, DomUtil, GeoJSON, Util } from "leaflet";
import { format } from "../format.js";

const STYLE = { radius: 3.5, color: "#1f2937", weight: 0.8, fillColor: "#f59e0b", fillOpacity: 0.9 };

function popup(properties) {
  const box = DomUtil.create("div", "area-popup");
  DomUtil.create("strong", "area-popup-title", box).textContent = properties.category ?? "Event";
  for (const line of [format.month(properties.month), properties.location, properties.outcome]) {
    if (line) DomUtil.create("div", "area-popup-line", box).textContent = line;
  }
  return box;
}

export const EventPointsLayer = GeoJSON.extend({
  options: { pane: "points", className: "crime-point" },

  initialize(data, options) {
    Util.setOptions(this, options);
    this.options.pointToLayer = (feature, latlng) => new CircleMarker(latlng, { ...STYLE, pane: this.options.pane,
      className: this.options.className });
    this.options.onEachFeature = (feature, layer) => layer.bindPopup(() => popup(feature.properties ?? {}));
    GeoJSON.prototype.initialize.call(this, data, this.options);
  },
});
