// The map screen's behaviour: load the settings, the district outlines and what the picker asks for —
// the chosen level's areas coloured by a deprivation domain, an event dataset's counts by area (and,
// for record-level access, its individual events), or one slice of an area-statistics dataset on the
// boundaries of its level — and keep the legend, details panel and status in step. Boundary loads are
// cached, so Retry (or switching back to a level) only fetches what is missing. A new choice cancels the
// requests of the one before (AbortController) and every answer is checked against the latest request
// (a generation counter), so a slow answer to an earlier choice never reaches the map, legend or popups.
import { ChoroplethLayer } from "./layers/ChoroplethLayer.js";
import { OutlineLayer } from "./layers/OutlineLayer.js";
import { EventClusterLayer } from "./layers/EventClusterLayer.js";
import { basemapLayer } from "./layers/basemapLayer.js";
import { countLayer } from "./layers/countLayer.js";
import { statisticsLayer } from "./layers/statisticsLayer.js";
import { crime } from "./crime.js";
import { format } from "./format.js";
import { indicators } from "./indicators.js";
import { statistics } from "./statistics.js";
import { valuesByCode } from "./valuesByCode.js";

const codeOf = (feature) => String(feature.id ?? feature.properties?.code);
const CRIMES = { one: "crime", many: "crimes" };

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
    this._pointsToken = 0;
    // Individual events are counted in the view: a move or zoom asks again for what is now in view.
    this.map.on("moveend", () => this._pointsMoved());
    // Opening a popup may pan the map; the events in view are asked for again once the popup is closed, so the
    // answer does not replace (and close) the popup being read.
    this.map.on("popupopen", () => { this._popupOpen = true; });
    this.map.on("popupclose", () => {
      this._popupOpen = false;
      if (this._movedUnderPopup) this._pointsMoved();
    });
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
    this._abort?.abort();
    const abort = this._abort = new AbortController();
    const choice = this.choice;
    let what = "map settings";
    const step = (description, key, task) => {
      if (token !== this._token) throw Object.assign(new Error("superseded by a newer load"), { name: "AbortError" });
      what = description;
      this.status.loading(`Loading ${description}…`);
      return key ? this._once(key, task) : task();
    };
    // Requests for this choice only (counts, statistics, events) are cancelled by the next; shared boundary loads are not.
    step.signal = abort.signal;
    this.onState("loading", choice);
    // What is drawn meanwhile belongs to the choice before: faded and not clickable, so no popup shows it as current.
    this.map.getContainer().classList.add("is-updating");
    this._busy = true;
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
    } finally {
      if (token === this._token) {
        this._busy = false;
        this.map.getContainer().classList.remove("is-updating");
      }
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
    // A popup open on the map describes the previous choice.
    this.map.closePopup();
    const kind = kindOf(this.themes, choice.theme);
    // Only another domain of the areas drawn is a recolouring; while a load is under way its areas are not drawn yet.
    if (kind === "deprivation" && previous.theme === choice.theme && previous.level === choice.level && this._layer && !this._busy) {
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
    // A large area draws areas finer than districts one district at a time: the chosen district's are loaded now.
    if (this._byDistrict && (code || null) !== this._district) {
      this._district = code || null;
      if (this.choice.level !== "district") this.refresh();
    }
    const bounds = code ? this._outlines.boundsOf(code) : this._outlines.getBounds();
    this._outlines.highlight(code || null);
    if (bounds?.isValid()) this._fit(bounds);
  }

  async _deprivation({ level }, step, token) {
    const collection = await this._boundaries(level, step);
    if (token !== this._token) return false;
    return this._drawAreas(level, collection);
  }

  async _counts(theme, choice, step, token, pointsOnly) {
    const { level, crime: filter } = choice;
    const { id, slug } = theme.dataset;
    if (!pointsOnly) {
      const noun = indicators.level(level).noun;
      const answer = await step(`${(theme.noun ?? CRIMES).one} counts by ${noun}`, null, () => this.api.getJson(this.api.withParams(
        `/api/datasets/${encodeURIComponent(id)}/counts`, { level, category: filter.category, from: filter.from, to: filter.to }),
      { signal: step.signal }));
      if (token !== this._token) return false;
      const boundaries = await this._boundaries(level, step);
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
      this._pointsOf = { theme, filter, slug };
      const drawn = await step(`individual ${(theme.noun ?? CRIMES).many}`, null, () => this._loadPoints(step.signal));
      if (token !== this._token || !drawn) return false;
    }
    return true;
  }

  // Every event of the selection in the view (record-level access): points, and clusters with their number
  // where there are too many to draw one by one (GET /api/datasets/{id}/clusters); never a first N.
  async _loadPoints(signal) {
    const wanted = this._pointsOf;
    const token = ++this._pointsToken;
    this._pointsAbort?.abort();
    const abort = this._pointsAbort = new AbortController();
    signal?.addEventListener("abort", () => abort.abort(), { once: true });
    const { theme, filter } = wanted;
    const view = this.map.getBounds();
    const answer = await this.api.getJson(this.api.withParams(`/api/datasets/${encodeURIComponent(theme.dataset.id)}/clusters`, {
      bbox: view.toBBoxString(),
      zoom: Math.round(this.map.getZoom()), category: filter.category, from: filter.from, to: filter.to }), { signal: abort.signal });
    if (token !== this._pointsToken || wanted !== this._pointsOf) return false;
    const noun = theme.noun ?? CRIMES;
    if (this._points) this._points.remove();
    this._points = new EventClusterLayer(answer, { noun }).addTo(this.map);
    this.map.getContainer().dataset.eventsInView = String(answer.total);
    this.legend.setLegend({ ...this._countLegend,
      points: { pattern: "point", label: `One ${noun.one} (${format.number(answer.points.length)} shown)` },
      clusters: answer.clusters.length
        ? { pattern: "cluster", label: `${noun.many[0].toUpperCase()}${noun.many.slice(1)} close together: click to zoom in` } : null,
      total: `${format.number(answer.total)} ${answer.total === 1 ? noun.one : noun.many} in view, every one drawn` });
    return true;
  }

  _pointsMoved() {
    this._movedUnderPopup = this._popupOpen;
    if (!this._pointsOf || !this._points || this._popupOpen) return;   // the first answer is drawn by refresh()
    this._loadPoints().catch((error) => {
      if (error?.name !== "AbortError") {
        this.status.notice(`Could not load the individual ${(this._pointsOf?.theme.noun ?? CRIMES).many} in view: ${error.message}`, "points");
      }
    });
  }

  async _statistics(theme, choice, step, token) {
    const { id, title } = theme.dataset;
    const { measure, category, period } = choice.statistics ?? {};
    const answer = await step(`the statistics of ${theme.label.replace(/^[^—]* — /, "")}`, null, () =>
      this.api.getJson(this.api.withParams(`/api/datasets/${encodeURIComponent(id)}/statistics`, { measure, category, period }),
        { signal: step.signal }));
    if (token !== this._token) return false;
    this.onStatistics(answer);
    const level = indicators.levels.some((l) => l.key === answer.level) ? answer.level : "lsoa";
    // The dataset's level, not the (hidden) level of the picker, is the one drawn and reported.
    this.choice = { ...this.choice, level };
    const boundaries = await this._boundaries(level, step);
    if (token !== this._token) return false;
    const joined = statistics.join(boundaries, answer).collection.features;
    const classified = joined.length === 0 ? null : await step("class breaks", null, () =>
      this.api.send("POST", "/api/classify", statistics.classesRequest(joined)));
    if (token !== this._token) return false;
    return this._drawStatistics(theme, answer, level, boundaries, title, classified);
  }

  // The boundaries of a level: all of them, or (a large area: a region, all of England) those of the chosen
  // district only, fetched by lad_code, so no request carries tens of thousands of polygons.
  _boundaries(level, step) {
    const noun = indicators.level(level).noun;
    if (!this._byDistrict || level === "district") return step(`${noun} boundaries`, `level:${level}`, () => this.api.features(level));
    if (!this._district) return Promise.resolve({ type: "FeatureCollection", features: [], byDistrict: true });
    const district = this._district;
    return step(`${noun} boundaries of the district`, `level:${level}:${district}`,
      () => this.api.features(level, { params: { lad_code: district } }));
  }

  _applyConfig(config) {
    this._config = config ?? {};
    this._byDistrict = this._config.initialLevel === "district";
    const basemap = basemapLayer(this._config, {
      onTileError: () => this.status.notice("Basemap tiles could not be loaded; the map works without them.", "basemap"),
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
        + "boundaries, so not drawn." : null, "selection");
    return true;
  }

  _hasAreas(level, collection) {
    if (collection.features.length > 0) return true;
    this.legend.setLegend(null);
    if (collection.byDistrict) {
      this.status.empty(`This partnership's area has too many ${indicators.level(level).noun} areas to draw at once: `
        + "choose a district (Zoom to district) to see its areas.");
      this.onState("empty", this.choice);
      return false;
    }
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
    this._pointsOf = null;
    this._pointsToken++;
    this._pointsAbort?.abort();
    if (this._points) {
      this._points.remove();
      if (!keepLegend) this.legend.setLegend(this._countLegend);
    }
    this._points = null;
    delete this.map.getContainer().dataset.eventsInView;
    this.status.notice(null, "points");
  }

  _removeAreas() {
    this.status.notice(null, "selection");
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
