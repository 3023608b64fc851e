// Polygon datasets drawn over the map, each switched on and off on its own: the first time one is shown
// its OGC collection (named by the dataset's slug) is fetched, then kept; a failed fetch is forgotten so
// ticking it again retries. onState(key, state, text) reports loading | ready | empty | error | off.
import { PolygonLayer } from "./layers/PolygonLayer.js";
import { format } from "./format.js";

const LIMIT = 1000;

export class PolygonOverlays {
  constructor(map, { api, onState = () => {} }) {
    Object.assign(this, { map, api, onState });
    this.overlays = new Map();
    this._layers = new Map();
    this._wanted = new Set();
  }

  // overlays: [{ key, label, dataset, colour }] (datasetLayers.js).
  setOverlays(overlays) {
    this.overlays = new Map(overlays.map((o) => [o.key, o]));
  }

  async set(key, on) {
    const overlay = this.overlays.get(key);
    if (!overlay) return;
    if (!on) {
      this._wanted.delete(key);
      this._layers.get(key)?.then((layer) => layer?.remove(), () => {});
      this.onState(key, "off", "");
      return;
    }
    this._wanted.add(key);
    this.onState(key, "loading", "Loading…");
    try {
      const layer = await this._layer(overlay);
      if (!this._wanted.has(key)) return;
      const count = layer.getLayers().length;
      if (count === 0) {
        this.onState(key, "empty", "No polygons to show");
        return;
      }
      layer.addTo(this.map);
      this.onState(key, "ready", `${format.number(count)} ${count === 1 ? "polygon" : "polygons"}`);
    } catch (error) {
      if (this._wanted.has(key)) this.onState(key, "error", `Could not load: ${String(error.message).replace(/\.$/, "")}. Untick and tick to retry.`);
    }
  }

  _layer(overlay) {
    if (!this._layers.has(overlay.key)) {
      const load = this.api.features(overlay.dataset.slug, { limit: LIMIT })
        .then((collection) => new PolygonLayer(collection, { key: overlay.key, colour: overlay.colour, title: overlay.dataset.title }))
        .catch((error) => {
          this._layers.delete(overlay.key);
          throw error;
        });
      this._layers.set(overlay.key, load);
    }
    return this._layers.get(overlay.key);
  }
}
