// The map screen's behaviour: load the settings, the district outlines and what the picker asks for —
// the chosen level's areas coloured by a deprivation domain, an event dataset's counts by area (and,
// for record-level access, its individual events), or one slice of an area-statistics dataset on the
// boundaries of its level — and keep the legend, details panel and status in step. Boundary loads are
// cached, so Retry (or switching back to a level) only fetches what is missing.
import { ChoroplethLayer } from "./layers/ChoroplethLayer.js";
import { OutlineLayer } from "./layers/OutlineLayer.js";
import { EventPointsLayer } from "./layers/EventPointsLayer.js";
import { basemapLayer } from "./layers/basemapLayer.js";
import { countLayer } from "./layers/countLayer.js";
import { statisticsLayer } from "./layers/statisticsLayer.js";
import { crime } from "./crime.js";
import { format } from "./format.js";
import { indicators } from "./indicators.js";
import { statistics } from "./statistics.js";
import { valuesByCode } from "./valuesByCode.js";

const codeOf = (feature) => String(feature.id ?? feature.properties?.code);
const POINT_LIMIT = 5000;

// Two choices that draw the same counts (they may differ in whether points are shown).
const sameCounts = (a, b) => a.theme === b.theme && a.level === b.level && a.crime?.category === b.crime?.category
  && a.crime?.from === b.crime?.from && a.crime?.to === b.crime?.to;

// What a picker key draws: "deprivation", "counts" (an event dataset) or "statistics".
const kindOf = (themes, key) => {
  const theme = themes.get(key);
  return !theme ? "deprivation" : theme.kind === "area-statistics" ? "statistics" : "counts";
};

export class MapBrowser {
  // onStatistics(answer) hears each statistics answer drawn, so the picker can offer its measures.
  constructor(map, { api, status, legend, districts, details, choice, onState = () => {}, onStatistics = () => {} }) {
    Object.assign(this, { map, api, status, legend, districts, details, choice, onState, onStatistics });
    this.themes = new Map();
    this._loads = new Map();
    this._token = 0;
  }

  // Event and statistics datasets the person may map (see datasetLayers.js), by picker key.
  setThemes(themes) {
    this.themes = new Map(themes.map((theme) => [theme.key, theme]));
  }

  start() {
    return this.refresh();
  }

  // Loads whatever is missing and draws the current choice; safe to call again after an error.
  async refresh({ pointsOnly = false } = {}) {
    const token = ++this._token;
    const choice = this.choice;
    let what = "map settings";
    const step = (description, key, task) => {
      if (token !== this._token) throw Object.assign(new Error("superseded by a newer load"), { name: "AbortError" });
      what = description;
      this.status.loading(`Loading ${description}…`);
      return key ? this._once(key, task) : task();
    };
    this.onState("loading", choice);
    try {
      await step("map settings", "config", async () => this._applyConfig(await this.api.mapConfig()));
      await step("district boundaries", "districts", async () => this._drawOutlines(await this.api.features("district")));
      const theme = this.themes.get(choice.theme);
      const kind = kindOf(this.themes, choice.theme);
      const drawn = kind === "statistics" ? await this._statistics(theme, choice, step, token)
        : kind === "counts" ? await this._counts(theme, choice, step, token, pointsOnly)
          : await this._deprivation(choice, step, token);
      if (token !== this._token || !drawn) return;
      this.status.clear();
      this.onState("ready", this.choice);
    } catch (error) {
      if (token !== this._token || error?.name === "AbortError") return;
      if (kindOf(this.themes, choice.theme) !== "deprivation") this._removeAreas();
      this.status.error(`Could not load ${what}: ${String(error.message).replace(/\.$/, "")}.`);
      this.onState("error", choice);
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

  show(choice) {
    const previous = this.choice;
    this.choice = choice;
    const kind = kindOf(this.themes, choice.theme);
    if (kind === "deprivation" && previous.theme === choice.theme && previous.level === choice.level && this._layer) {
      this._layer.setFill((feature) => indicators.colour(feature, choice.level, choice.domain));
      this.legend.setLegend(indicators.legend(choice.level, choice.domain));
      if (this._selected) this.details.show(this._selected, { level: choice.level, domain: choice.domain });
      this.onState("ready", choice);
      return Promise.resolve();
    }
    if (kind === "counts" && this._layer && sameCounts(previous, choice)) return this.refresh({ pointsOnly: true });
    // Counts and statistics keep the areas drawn until their next answer replaces them.
    if (kind === "deprivation" || kind !== kindOf(this.themes, previous.theme)) this._removeAreas();
    return this.refresh();
  }

  zoomTo(code) {
    if (!this._outlines) return;
    const bounds = code ? this._outlines.boundsOf(code) : this._outlines.getBounds();
    this._outlines.highlight(code || null);
    if (bounds?.isValid()) this._fit(bounds);
  }

  async _deprivation({ level }, step, token) {
    const collection = await step(`${indicators.level(level).noun} boundaries`, `level:${level}`, () => this.api.features(level));
    if (token !== this._token) return false;
    return this._drawAreas(level, collection);
  }

  async _counts(theme, choice, step, token, pointsOnly) {
    const { level, crime: filter } = choice;
    const { id, slug } = theme.dataset;
    if (!pointsOnly) {
      const noun = indicators.level(level).noun;
      const answer = await step(`crime counts by ${noun}`, null, () => this.api.getJson(this.api.withParams(
        `/api/datasets/${encodeURIComponent(id)}/counts`, { level, category: filter.category, from: filter.from, to: filter.to })));
      if (token !== this._token) return false;
      const boundaries = await step(`${noun} boundaries`, `level:${level}`, () => this.api.features(level));
      if (token !== this._token) return false;
      const { collection } = valuesByCode(boundaries, answer.areas, (row) => ({ level, count: row.suppressed ? null : row.count,
        suppressed: Boolean(row.suppressed), reason: row.reason ?? null }));
      const classified = collection.features.length === 0 ? null : await step("class breaks", null, () =>
        this.api.send("POST", "/api/classify", crime.classesRequest(collection.features)));
      if (token !== this._token) return false;
      if (!this._drawCounts(theme, choice, collection, classified)) return false;
    }
    this._removePoints();
    if (filter.points && theme.points && filter.from === filter.to) {
      const points = await step("individual crimes", null, () => this.api.features(slug, { limit: POINT_LIMIT, maxPages: 1,
        params: { category: filter.category, month: filter.from } }));
      if (token !== this._token) return false;
      this._points = new EventPointsLayer(points).addTo(this.map);
      this.legend.setLegend({ ...this._countLegend, points: { pattern: "point",
        label: `One crime (${format.number(points.features.length)} shown)` } });
      this.status.notice(points.numberMatched > points.features.length
        ? `Showing the first ${format.number(points.features.length)} of ${format.number(points.numberMatched)} crimes; choose a crime type to see them all.`
        : null);
    }
    return true;
  }

  async _statistics(theme, choice, step, token) {
    const { id, title } = theme.dataset;
    const { measure, category, period } = choice.statistics ?? {};
    const answer = await step(`the statistics of ${theme.label.replace(/^Statistics — /, "")}`, null, () =>
      this.api.getJson(this.api.withParams(`/api/datasets/${encodeURIComponent(id)}/statistics`, { measure, category, period })));
    if (token !== this._token) return false;
    this.onStatistics(answer);
    const level = indicators.levels.some((l) => l.key === answer.level) ? answer.level : "lsoa";
    // The dataset's level, not the (hidden) level of the picker, is the one drawn and reported.
    this.choice = { ...this.choice, level };
    const boundaries = await step(`${indicators.level(level).noun} boundaries`, `level:${level}`, () => this.api.features(level));
    if (token !== this._token) return false;
    const joined = statistics.join(boundaries, answer).collection.features;
    const classified = joined.length === 0 ? null : await step("class breaks", null, () =>
      this.api.send("POST", "/api/classify", statistics.classesRequest(joined)));
    if (token !== this._token) return false;
    return this._drawStatistics(theme, answer, level, boundaries, title, classified);
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
    if (!this._hasAreas(level, collection)) return false;
    this.legend.setLegend(indicators.legend(level, this.choice.domain));
    const layer = new ChoroplethLayer(collection, {
      level,
      fillFor: (feature) => indicators.colour(feature, level, this.choice.domain),
      tooltipFor: (feature) => `${feature.properties?.name ?? codeOf(feature)}: ${indicators.describe(feature, level, this.choice.domain)}`,
    });
    layer.on("select", ({ feature }) => {
      this._selected = feature;
      this.details.show(feature, { level, domain: this.choice.domain });
    });
    this._layer = layer.addTo(this.map);
    return true;
  }

  _drawCounts(theme, { level, crime: filter }, collection, classified) {
    this._removeAreas();
    if (!this._hasAreas(level, collection)) return false;
    const { layer, legend, title, view } = countLayer(collection, { theme, level, filter, answer: classified });
    this._countLegend = legend;
    this.legend.setLegend(legend);
    layer.on("select", ({ feature }) => this.details.showCount(feature, { level, title, describe: view.describe,
      fill: view.fill, access: crime.accessLine(theme.disclosure) }));
    this._layer = layer.addTo(this.map);
    this._attribute(theme.dataset.source);
    return true;
  }

  _drawStatistics(theme, answer, level, boundaries, title, classified) {
    this._removeAreas();
    if (!this._hasAreas(level, boundaries)) return false;
    const noun = indicators.level(level).noun;
    const { collection, unplaced } = statistics.join(boundaries, answer);
    if (collection.features.length === 0) {
      this.legend.setLegend(null);
      this.status.empty((answer.values ?? []).length === 0
        ? "No values for this measure, breakdown and period. Choose another, or check the dataset's latest version."
        : `None of the dataset's ${format.number(answer.values.length)} area codes is a loaded ${noun}. Load those boundaries, then reload this page.`);
      this.onState("empty", this.choice);
      return false;
    }
    const drawn = statisticsLayer(collection, { answer, classified, level, levelNoun: noun,
      datasetTitle: title.replace(/\s*\([^)]*\)\s*$/, "") });
    this.legend.setLegend(drawn.legend);
    const access = statistics.accessLine(answer);
    drawn.layer.on("select", ({ feature }) => this.details.showCount(feature, { level, title: drawn.title,
      describe: drawn.view.describe, fill: drawn.view.fill, access,
      suppressedNote: "Counts this small are withheld so that the people they describe cannot be identified." }));
    this._layer = drawn.layer.addTo(this.map);
    this._attribute(theme.dataset.source);
    this.status.notice(unplaced.length
      ? `${format.number(unplaced.length)} of the dataset's areas ${unplaced.length === 1 ? "is" : "are"} not among the loaded ${noun} `
        + "boundaries, so not drawn." : null);
    return true;
  }

  _hasAreas(level, collection) {
    if (collection.features.length > 0) return true;
    this.legend.setLegend(null);
    this.status.empty(`No ${indicators.level(level).noun} areas loaded. Load the boundary data, then reload this page.`);
    this.onState("empty", this.choice);
    return false;
  }

  _attribute(source) {
    if (this._attribution === source) return;
    if (this._attribution) this.map.attributionControl.removeAttribution(format.escapeHtml(this._attribution));
    this._attribution = source ?? null;
    if (source) this.map.attributionControl.addAttribution(format.escapeHtml(source));
  }

  // Takes the points away; the count legend loses its points entry unless the areas go too.
  _removePoints({ keepLegend = false } = {}) {
    if (this._points) {
      this._points.remove();
      if (!keepLegend) this.legend.setLegend(this._countLegend);
    }
    this._points = null;
    this.status.notice(null);
  }

  _removeAreas() {
    if (this._layer) this._layer.remove();
    this._layer = null;
    this._selected = null;
    this._removePoints({ keepLegend: true });
    const kind = kindOf(this.themes, this.choice.theme);
    if (kind === "deprivation") this._attribute(null);
    this.details.clear(kind === "counts" ? "Select an area on the map to see its count."
      : kind === "statistics" ? "Select an area on the map to see its value." : undefined);
  }
}
