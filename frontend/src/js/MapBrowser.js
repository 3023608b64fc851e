// The map screen's behaviour: load the settings, the district outlines and the chosen level's areas,
// draw them coloured by the chosen domain, and keep the legend, details panel and status in step.
// Each load is cached, so Retry (or switching back to a level) only fetches what is still missing.
import { ChoroplethLayer } from "./layers/ChoroplethLayer.js";
import { OutlineLayer } from "./layers/OutlineLayer.js";
import { basemapLayer } from "./layers/basemapLayer.js";
import { format } from "./format.js";
import { indicators } from "./indicators.js";

const codeOf = (feature) => String(feature.id ?? feature.properties?.code);

export class MapBrowser {
  constructor(map, { api, status, legend, districts, details, level = "lsoa", domain = "imd", onState = () => {} }) {
    Object.assign(this, { map, api, status, legend, districts, details, level, domain, onState });
    this._loads = new Map();
    this._token = 0;
  }

  start() {
    return this.refresh();
  }

  // Loads whatever is missing and draws the current level; safe to call again after an error.
  async refresh() {
    const token = ++this._token;
    const level = this.level;
    let what = "map settings";
    const step = (description, key, task) => {
      if (token !== this._token) throw Object.assign(new Error("superseded by a newer load"), { name: "AbortError" });
      what = description;
      this.status.loading(`Loading ${description}…`);
      return this._once(key, task);
    };
    this.onState("loading", level);
    try {
      await step("map settings", "config", async () => this._applyConfig(await this.api.mapConfig()));
      await step("district boundaries", "districts", async () => this._drawOutlines(await this.api.features("district")));
      const collection = await step(`${indicators.level(level).noun} boundaries`, `level:${level}`,
        () => this.api.features(level));
      if (token === this._token) this._drawAreas(level, collection);
    } catch (error) {
      if (token !== this._token || error?.name === "AbortError") return;
      this.status.error(`Could not load ${what}: ${String(error.message).replace(/\.$/, "")}.`);
      this.onState("error", level);
    }
  }

  // Runs each load once and remembers its result; a failed load is forgotten so Retry runs it again.
  _once(key, task) {
    if (!this._loads.has(key)) {
      this._loads.set(key, task().catch((error) => {
        this._loads.delete(key);
        throw error;
      }));
    }
    return this._loads.get(key);
  }

  show({ level, domain }) {
    const sameLevel = level === this.level && this._layer?.options.level === level;
    Object.assign(this, { level, domain });
    if (!sameLevel) {
      this._removeAreas();
      return this.refresh();
    }
    this._layer.setFill((feature) => indicators.colour(feature, level, domain));
    this.legend.setLegend(indicators.legend(level, domain));
    if (this._selected) this.details.show(this._selected, { level, domain });
    return Promise.resolve();
  }

  zoomTo(code) {
    if (!this._outlines) return;
    const bounds = code ? this._outlines.boundsOf(code) : this._outlines.getBounds();
    this._outlines.highlight(code || null);
    if (bounds?.isValid()) this._fit(bounds);
  }

  _applyConfig(config) {
    this._config = config ?? {};
    const basemap = basemapLayer(this._config, {
      onTileError: () => this.status.notice("Basemap tiles could not be loaded; the map works without them."),
    });
    if (basemap) basemap.addTo(this.map);
    if (this._config.dataAttribution) {
      this.map.attributionControl.addAttribution(format.escapeHtml(this._config.dataAttribution));
    }
  }

  _drawOutlines(collection) {
    this._outlines = new OutlineLayer(collection).addTo(this.map);
    this.districts.setDistricts(collection.features.map((f) => ({ code: codeOf(f), name: f.properties?.name ?? codeOf(f) })));
    const bounds = this._outlines.getBounds();
    if (bounds.isValid()) this._fit(bounds, { animate: false });
  }

  // Fits the bounds into the part of the map the controls on the right leave uncovered.
  _fit(bounds, options = {}) {
    const controls = this.map.getContainer().querySelectorAll(".leaflet-right .leaflet-control");
    const covered = Math.max(0, ...Array.from(controls, (control) => control.offsetWidth));
    const right = Math.min(covered, this.map.getSize().x * 0.35) + 16;
    this.map.fitBounds(bounds, { paddingTopLeft: [56, 16], paddingBottomRight: [right, 16], ...options });
  }

  _drawAreas(level, collection) {
    this._removeAreas();
    if (collection.features.length === 0) {
      this.legend.setLegend(null);
      this.status.empty(`No ${indicators.level(level).noun} areas loaded. Load the boundary data, then reload this page.`);
      this.onState("empty", level);
      return;
    }
    this.legend.setLegend(indicators.legend(level, this.domain));
    const layer = new ChoroplethLayer(collection, {
      level,
      fillFor: (feature) => indicators.colour(feature, level, this.domain),
      tooltipFor: (feature) => `${feature.properties?.name ?? codeOf(feature)}: ${indicators.describe(feature, level, this.domain)}`,
    });
    layer.on("select", ({ feature }) => {
      this._selected = feature;
      this.details.show(feature, { level, domain: this.domain });
    });
    this._layer = layer.addTo(this.map);
    this.status.clear();
    this.onState("ready", level);
  }

  _removeAreas() {
    if (this._layer) this._layer.remove();
    this._layer = null;
    this._selected = null;
    this.details.clear();
  }
}
