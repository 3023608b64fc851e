// The key to the choropleth's colours, rebuilt whenever the level, domain or filter changes. A legend may
// also have a hatched "suppressed" entry (counts withheld by disclosure control) and a note under it.
import { Control, DomEvent, DomUtil } from "leaflet";

export const LegendControl = Control.extend({
  options: { position: "bottomright" },

  onAdd() {
    this._container = DomUtil.create("section", "pw-control legend-control");
    this._container.setAttribute("aria-label", "Legend");
    // The key is drawn in a body of its own, so a narrow screen's toggle (collapsible.js) above it survives redraws.
    this._body = DomUtil.create("div", "legend-body", this._container);
    DomEvent.disableClickPropagation(this._container);
    DomEvent.disableScrollPropagation(this._container);
    this._draw();
    return this._container;
  },

  onRemove() {
    this._container = null;
  },

  // legend: { kind, title, subtitle, items: [{ key, colour, label }], noData?, suppressed?: { label, pattern },
  // points?: { label, pattern }, clusters?: { label, pattern }, total?: "15,358 crimes in view...", note? }, or null to hide it.
  setLegend(legend) {
    this._legend = legend;
    if (this._container) this._draw();
    return this;
  },

  _draw() {
    const container = this._body;
    container.replaceChildren();
    this._container.hidden = !this._legend;
    if (!this._legend) return;
    const { kind, title, subtitle, items, noData, suppressed, points, clusters, total, note } = this._legend;
    this._container.dataset.kind = kind;
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
    if (clusters) this._entry(list, clusters, "legend-clusters").dataset.class = "clusters";
    if (total) DomUtil.create("p", "legend-total", container).textContent = total;
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
