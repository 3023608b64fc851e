// A small map of where the file's data is: its sample rows as points (from x/y columns in EPSG:4326 or
// 27700) or its extent as a box (files with geometry of their own, whose sample rows carry none), over
// the district outlines for context. Says in words what is drawn, and why nothing is when it cannot be.
import { CircleMarker, Rectangle, latLngBounds } from "leaflet";
import { map } from "../map.js";
import { dom } from "../dom.js";
import { OutlineLayer } from "../layers/OutlineLayer.js";
import { basemapLayer } from "../layers/basemapLayer.js";

const POINT = { radius: 5, color: "#1f2937", weight: 1, fillColor: "#f59e0b", fillOpacity: 0.9, className: "sample-point" };
const EXTENT = { color: "#2563eb", weight: 2, dashArray: "6 4", fillOpacity: 0.08, className: "sample-extent" };

export class PreviewMap {
  constructor(element, { api }) {
    Object.assign(this, { element, api });
    this.container = dom.el("div", "preview-map", element);
    this.container.id = "preview-map";
    this.container.setAttribute("role", "region");
    this.container.setAttribute("aria-label", "Map of the file's sample rows");
    this.caption = dom.el("p", "preview-map-caption muted small", element);
    this.caption.id = "preview-map-caption";
  }

  // points: [{ latLng, row }]; bounds: [[s, w], [n, e]] or null; text: what is drawn, or why nothing is.
  show({ points = [], bounds = null, text }) {
    this.caption.textContent = text;
    const drawable = points.length > 0 || bounds;
    this.container.hidden = !drawable;
    this.container.dataset.points = String(points.length);
    this.container.dataset.extent = String(Boolean(bounds));
    if (!drawable) return;
    this._ensureMap();
    this.layers.forEach((layer) => layer.remove());
    this.layers = [];
    if (bounds) this.layers.push(new Rectangle(bounds, EXTENT).addTo(this.leaflet));
    for (const { latLng } of points) this.layers.push(new CircleMarker(latLng, POINT).addTo(this.leaflet));
    const frame = latLngBounds(bounds ?? points.map((p) => p.latLng));
    this.frame = frame;
    this.refresh();
  }

  // Leaflet measures its container; call when the (formerly hidden) map is on screen.
  refresh() {
    if (!this.leaflet || this.container.hidden || !this.frame) return;
    this.leaflet.invalidateSize();
    // No animation: the preview changes as the mapping is corrected, and should simply show the new state.
    if (this.frame.getNorthEast().equals(this.frame.getSouthWest())) this.leaflet.setView(this.frame.getCenter(), 13, { animate: false });
    else this.leaflet.fitBounds(this.frame, { padding: [24, 24], maxZoom: 15, animate: false });
  }

  _ensureMap() {
    if (this.leaflet) return;
    this.layers = [];
    this.leaflet = map(this.container, { zoom: 6 });
    this.leaflet.scrollWheelZoom.disable();
    this._context();
  }

  async _context() {
    try {
      const basemap = basemapLayer(await this.api.mapConfig());
      if (basemap) basemap.addTo(this.leaflet);
      new OutlineLayer(await this.api.features("district")).addTo(this.leaflet);
    } catch {
      // The outlines are only context; the points and the caption say what matters.
    }
  }
}
