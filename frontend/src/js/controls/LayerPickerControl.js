// Chooses what the map shows: the boundary level and the deprivation domain.
// Fires "change" with { level, domain }.
import { Control, DomEvent, DomUtil, Evented } from "leaflet";

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
  options: { position: "topright", levels: [], domains: [], level: "lsoa", domain: "imd" },

  onAdd() {
    const container = DomUtil.create("form", "pw-control picker-control");
    container.setAttribute("aria-label", "What the map shows");
    DomEvent.disableClickPropagation(container);
    DomEvent.disableScrollPropagation(container);
    DomEvent.on(container, "submit", DomEvent.preventDefault);
    const { levels, domains, level, domain } = this.options;
    this._level = labelledSelect(container, "pw-level", "Boundaries", levels, level);
    this._domain = labelledSelect(container, "pw-domain", "Deprivation domain", domains, domain);
    DomEvent.on(container, "change", () => this.fire("change", this.value()));
    return container;
  },

  onRemove() {
    this._level = this._domain = null;
  },

  value() {
    return { level: this._level?.value ?? this.options.level, domain: this._domain?.value ?? this.options.domain };
  },
});
