// The key to the choropleth's colours, rebuilt whenever the level, domain or filter changes. A legend may
// also have a hatched "suppressed" entry (counts withheld by disclosure control) and a note under it.
import { Control, DomEvent, DomUtil } from "leaflet";

export const LegendControl = Control.extend({
  options: { position: "bottomright" },

  onAdd() {
    this._container = DomUtil.create("section", "pw-control legend-control");
    this._container.setAttribute("aria-label", "Legend");
    DomEvent.disableClickPropagation(this._container);
    DomEvent.disableScrollPropagation(this._container);
    this._draw();
    return this._container;
  },

  onRemove() {
    this._container = null;
  },

  // legend: { kind, title, subtitle, items: [{ key, colour, label }], noData?, suppressed?: { label, pattern },
  // points?: { label, pattern }, note? }, or null to hide it.
  setLegend(legend) {
    this._legend = legend;
    if (this._container) this._draw();
    return this;
  },

  _draw() {
    const container = this._container;
    container.replaceChildren();
    container.hidden = !this._legend;
    if (!this._legend) return;
    const { kind, title, subtitle, items, noData, suppressed, points, note } = this._legend;
    container.dataset.kind = kind;
    DomUtil.create("h2", "legend-title", container).textContent = title;
    DomUtil.create("p", "legend-subtitle", container).textContent = subtitle;
    const list = DomUtil.create("ul", "legend-items", container);
    for (const item of items) {
      const entry = this._entry(list, item, "legend-item");
      entry.dataset[kind === "decile" ? "decile" : "class"] = item.key;
    }
    if (noData) this._entry(list, noData, "legend-no-data");
    if (suppressed) this._entry(list, suppressed, "legend-suppressed").dataset.class = "suppressed";
    if (points) this._entry(list, points, "legend-points").dataset.class = "points";
    if (note) DomUtil.create("p", "legend-note", container).textContent = note;
  },

  _entry(list, { colour, label, pattern }, className) {
    const entry = DomUtil.create("li", className, list);
    const swatch = DomUtil.create("span", pattern ? `swatch swatch-${pattern}` : "swatch", entry);
    if (colour) swatch.style.background = colour;
    swatch.setAttribute("aria-hidden", "true");
    DomUtil.create("span", "legend-label", entry).textContent = label;
    return entry;
  },
});
