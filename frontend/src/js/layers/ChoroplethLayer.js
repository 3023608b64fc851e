// Areas filled by an indicator, with a hover highlight, a tooltip, an optional popup and a selected area.
// Paths get the CSS class `choropleth-area` (tests count them), `data-code` with the area code, and any
// further attributes `attributesFor` gives (e.g. data-suppressed).
import { GeoJSON, Util, DomUtil } from "leaflet";

const HOVER = { color: "#111827", weight: 2.5, opacity: 1 };
const SELECTED = { color: "#000000", weight: 3.5, opacity: 1 };

export const ChoroplethLayer = GeoJSON.extend({
  options: {
    className: "choropleth-area",
    fillFor: () => "#bdbdbd",
    tooltipFor: (feature) => feature.properties?.name ?? String(feature.id),
    popupFor: null,
    attributesFor: () => ({}),
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
    if (this.options.popupFor) {
      // popupFor(feature) gives { title, lines: [...] }.
      layer.bindPopup(() => {
        const { title, lines = [] } = this.options.popupFor(feature);
        const box = DomUtil.create("div", "area-popup");
        DomUtil.create("strong", "area-popup-title", box).textContent = title;
        for (const line of lines) DomUtil.create("div", "area-popup-line", box).textContent = line;
        return box;
      }, { maxWidth: 300 });
    }
    layer.on({
      add: () => {
        const path = layer.getElement();
        if (!path) return;
        path.setAttribute("data-code", String(feature.id ?? feature.properties?.code));
        for (const [name, value] of Object.entries(this.options.attributesFor(feature))) path.setAttribute(name, value);
      },
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
