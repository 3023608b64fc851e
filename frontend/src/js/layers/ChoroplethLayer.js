// Areas filled by an indicator, with a hover highlight, a tooltip and a selected area.
// Paths get the CSS class `choropleth-area` (tests count them) and `data-code` with the area code.
import { GeoJSON, Util, DomUtil } from "leaflet";

const HOVER = { color: "#111827", weight: 2.5, opacity: 1 };
const SELECTED = { color: "#000000", weight: 3.5, opacity: 1 };

export const ChoroplethLayer = GeoJSON.extend({
  options: {
    className: "choropleth-area",
    fillFor: () => "#bdbdbd",
    tooltipFor: (feature) => feature.properties?.name ?? String(feature.id),
    fillOpacity: 0.8,
  },

  initialize(data, options) {
    Util.setOptions(this, options);
    this.options.style = (feature) => this._baseStyle(feature);
    this.options.onEachFeature = (feature, layer) => this._bindArea(feature, layer);
    this._selected = null;
    GeoJSON.prototype.initialize.call(this, data, this.options);
  },

  // Recolours every area, e.g. when another domain is chosen.
  setFill(fillFor) {
    this.options.fillFor = fillFor;
    this.eachLayer((layer) => this._restyle(layer));
    return this;
  },

  select(layer) {
    const previous = this._selected;
    this._selected = layer;
    if (previous) this._restyle(previous);
    if (layer) {
      layer.setStyle(SELECTED);
      layer.bringToFront();
    }
    return this;
  },

  _baseStyle(feature) {
    return { color: "#ffffff", weight: 0.6, opacity: 0.9, fillColor: this.options.fillFor(feature),
      fillOpacity: this.options.fillOpacity };
  },

  _restyle(layer) {
    layer.setStyle(this._baseStyle(layer.feature));
    if (layer === this._selected) layer.setStyle(SELECTED);
  },

  _bindArea(feature, layer) {
    layer.bindTooltip(() => {
      const text = DomUtil.create("span", "area-tooltip");
      text.textContent = this.options.tooltipFor(feature);
      return text;
    }, { sticky: true, direction: "top", offset: [0, -8] });
    layer.on({
      add: () => layer.getElement()?.setAttribute("data-code", String(feature.id ?? feature.properties?.code)),
      mouseover: () => {
        layer.setStyle(HOVER);
        layer.bringToFront();
      },
      mouseout: () => this._restyle(layer),
      click: () => {
        this.select(layer);
        this.fire("select", { feature, layer });
      },
    });
  },
});
