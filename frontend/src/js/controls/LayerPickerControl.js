// Chooses what the map shows: deprivation or, when the person may see one, an event (crime) dataset or
// an area-statistics dataset; the boundary level (a statistics dataset has its own); the deprivation
// domain, the crime filters or the statistics' measure, breakdown and period; and polygon overlays.
// Levels the person's agreement does not allow for the chosen dataset are disabled. Fires "change" with
// { theme, level, domain, crime: { category, from, to, points }, statistics: { measure, category, period } },
// and "overlay" with { key, on } when an overlay is ticked or unticked.
import { Control, DomEvent, DomUtil, Evented } from "leaflet";
import { CrimeFilterFields } from "./CrimeFilterFields.js";
import { OverlayFields } from "./OverlayFields.js";
import { StatisticsFields } from "./StatisticsFields.js";

function labelledSelect(parent, id, labelText, choices, selected) {
  const row = DomUtil.create("div", "pw-field", parent);
  const label = DomUtil.create("label", "", row);
  label.htmlFor = id;
  label.textContent = labelText;
  const select = DomUtil.create("select", "pw-select", row);
  select.id = id;
  for (const { key, label: text } of choices) select.add(new Option(text, key, false, key === selected));
  return select;
}

export const LayerPickerControl = Control.extend({
  includes: Evented.prototype,
  options: { position: "topright", levels: [], domains: [], level: "lsoa", domain: "imd",
    themes: [{ key: "imd", label: "Deprivation (IMD 2019)" }], theme: "imd" },

  onAdd() {
    const container = DomUtil.create("form", "pw-control picker-control");
    container.setAttribute("aria-label", "What the map shows");
    DomEvent.disableClickPropagation(container);
    // Leaflet turns two quick clicks that reach the map into a double-click zoom, even clicks on two
    // different selects here (from touch screens, and scripted clicks); keep the form's clicks to itself.
    DomEvent.on(container, "click", DomEvent.stopPropagation);
    DomEvent.disableScrollPropagation(container);
    DomEvent.on(container, "submit", DomEvent.preventDefault);
    const { levels, domains, level, domain, themes, theme } = this.options;
    this._theme = labelledSelect(container, "pw-theme", "Show", themes, theme);
    this._level = labelledSelect(container, "pw-level", "Boundaries", levels, level);
    this._domain = labelledSelect(container, "pw-domain", "Deprivation domain", domains, domain);
    this._crime = new CrimeFilterFields(container);
    this._statistics = new StatisticsFields(container);
    this._overlays = new OverlayFields(container);
    if (this._overlayList) this._overlays.setOverlays(this._overlayList);
    DomEvent.on(container, "change", (event) => {
      const overlay = this._overlays.keyOf(event.target);
      if (overlay) {
        this.fire("overlay", { key: overlay, on: this._overlays.isOn(overlay) });
        return;
      }
      if (event.target === this._theme) this._applyTheme();
      this._crime.onChange(event.target);
      this.fire("change", this.value());
    });
    this._applyTheme();
    return container;
  },

  onRemove() {
    this._theme = this._level = this._domain = this._crime = this._statistics = this._overlays = null;
  },

  // overlays: [{ key, label, colour }] (datasetLayers.js).
  setOverlays(overlays) {
    this._overlayList = overlays;
    this._overlays?.setOverlays(overlays);
    return this;
  },

  // Ticks an overlay as if the person had (fires "overlay"); false when there is none with this key.
  chooseOverlay(key) {
    if (!this._overlays?.check(key, true)) return false;
    this.fire("overlay", { key, on: true });
    return true;
  },

  // state: loading | ready | empty | error | off, with a few words shown beside the overlay.
  setOverlayState(key, state, text) {
    this._overlays?.setState(key, state, text);
    return this;
  },

  // The statistics answer drawn, so its measures, categories and periods can be chosen.
  setStatistics(answer) {
    this._statistics?.setAnswer(answer);
    return this;
  },

  // themes: [{ key, label, levels?, ...crime theme fields }]; the first is deprivation.
  setThemes(themes) {
    this.options.themes = themes;
    if (!this._theme) return this;
    const chosen = this._theme.value;
    this._theme.replaceChildren(...themes.map(({ key, label }) => new Option(label, key, false, key === chosen)));
    this._applyTheme();
    return this;
  },

  // Shows the theme with this key, as if chosen from the list (fires "change"); false when there is none.
  chooseTheme(key) {
    if (!this._theme || !this.options.themes.some((t) => t.key === key)) return false;
    this._theme.value = key;
    this._applyTheme();
    this.fire("change", this.value());
    return true;
  },

  // Shows another period of the chosen dataset, as if chosen in its fields (fires "change").
  setPeriod(key) {
    const theme = this.theme();
    if (theme.kind === "area-statistics") this._statistics?.setPeriod(key);
    else if (theme.dataset) this._crime?.setMonth(key);
    else return this;
    this.fire("change", this.value());
    return this;
  },

  theme() {
    return this.options.themes.find((t) => t.key === this._theme?.value) ?? this.options.themes[0];
  },

  value() {
    return {
      theme: this._theme?.value ?? this.options.theme,
      level: this._level?.value ?? this.options.level,
      domain: this._domain?.value ?? this.options.domain,
      crime: this._crime?.value() ?? null,
      statistics: this._statistics?.value() ?? null,
    };
  },

  // Shows the fields of the chosen theme and limits the levels to those it allows.
  _applyTheme() {
    const theme = this.theme();
    const isStatistics = theme.kind === "area-statistics";
    const isCrime = Boolean(theme.dataset) && !isStatistics;
    this._theme.closest(".pw-field").hidden = this.options.themes.length < 2;
    this._domain.closest(".pw-field").hidden = Boolean(theme.dataset);
    this._level.closest(".pw-field").hidden = isStatistics;
    this._crime.setTheme(isCrime ? theme : null);
    this._statistics.setTheme(isStatistics ? theme : null);
    const allowed = isCrime ? theme.levels : null;
    for (const option of this._level.options) option.disabled = Boolean(allowed) && !allowed.includes(option.value);
    if (this._level.selectedOptions[0]?.disabled) {
      this._level.value = [...this._level.options].find((o) => !o.disabled)?.value ?? this._level.value;
    }
  },
});
