// Chooses what the map shows: deprivation or, when the person may see one, an event (crime) dataset;
// the boundary level; and the deprivation domain or the crime filters. Levels the person's agreement
// does not allow for the chosen dataset are disabled. Fires "change" with
// { theme, level, domain, crime: { category, from, to, points } }.
import { Control, DomEvent, DomUtil, Evented } from "leaflet";
import { CrimeFilterFields } from "./CrimeFilterFields.js";

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
    DomEvent.on(container, "change", (event) => {
      if (event.target === this._theme) this._applyTheme();
      this._crime.onChange(event.target);
      this.fire("change", this.value());
    });
    this._applyTheme();
    return container;
  },

  onRemove() {
    this._theme = this._level = this._domain = this._crime = null;
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

  theme() {
    return this.options.themes.find((t) => t.key === this._theme?.value) ?? this.options.themes[0];
  },

  value() {
    return {
      theme: this._theme?.value ?? this.options.theme,
      level: this._level?.value ?? this.options.level,
      domain: this._domain?.value ?? this.options.domain,
      crime: this._crime?.value() ?? null,
    };
  },

  // Shows the fields of the chosen theme and limits the levels to those it allows.
  _applyTheme() {
    const theme = this.theme();
    const isCrime = Boolean(theme.dataset);
    this._theme.closest(".pw-field").hidden = this.options.themes.length < 2;
    this._domain.closest(".pw-field").hidden = isCrime;
    this._crime.setTheme(isCrime ? theme : null);
    const allowed = isCrime ? theme.levels : null;
    for (const option of this._level.options) option.disabled = Boolean(allowed) && !allowed.includes(option.value);
    if (this._level.selectedOptions[0]?.disabled) {
      this._level.value = [...this._level.options].find((o) => !o.disabled)?.value ?? this._level.value;
    }
  },
});
