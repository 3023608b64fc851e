// District outlines drawn on top of the choropleth for context (and as the map's frame when there is
// no basemap). Not interactive: clicks pass through to the areas underneath.
import { GeoJSON, Util } from "leaflet";

const NORMAL = { color: "#1f2937", weight: 1.6, opacity: 0.9, fill: false };
const CHOSEN = { color: "#111827", weight: 3.5, opacity: 1, fill: false };

export const OutlineLayer = GeoJSON.extend({
  options: {
    pane: "outlines",
    interactive: false,
    className: "district-outline",
  },

  initialize(data, options) {
    Util.setOptions(this, options);
    this.options.style = () => NORMAL;
    GeoJSON.prototype.initialize.call(this, data, this.options);
  },

  // Thickens the outline of the chosen district; null returns every outline to normal.
  highlight(code) {
    this.eachLayer((layer) => layer.setStyle(layer.feature?.id === code ? CHOSEN : NORMAL));
    return this;
  },

  boundsOf(code) {
    const layer = this.getLayers().find((l) => l.feature?.id === code);
    return layer ? layer.getBounds() : null;
  },
});
