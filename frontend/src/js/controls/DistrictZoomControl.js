// Zooms the map to one district, or back out to all of them. Fires "change" with { code } ("" for all).
import { Control, DomEvent, DomUtil, Evented } from "leaflet";

export const DistrictZoomControl = Control.extend({
  includes: Evented.prototype,
  options: { position: "topright", allLabel: "All districts" },

  onAdd() {
    const container = DomUtil.create("div", "pw-control district-control");
    DomEvent.disableClickPropagation(container);
    // Leaflet turns two quick clicks that reach the map into a double-click zoom, even clicks on two
    // different selects here (from touch screens, and scripted clicks); keep the form's clicks to itself.
    DomEvent.on(container, "click", DomEvent.stopPropagation);
    DomEvent.disableScrollPropagation(container);
    const row = DomUtil.create("div", "pw-field", container);
    const label = DomUtil.create("label", "", row);
    label.htmlFor = "pw-district";
    label.textContent = "Zoom to district";
    this._select = DomUtil.create("select", "pw-select", row);
    this._select.id = "pw-district";
    this._select.add(new Option("Loading districts…", ""));
    this._select.disabled = true;
    DomEvent.on(this._select, "change", () => this.fire("change", { code: this._select.value }));
    if (this._districts) this.setDistricts(this._districts);
    return container;
  },

  onRemove() {
    this._select = null;
  },

  // districts: [{ code, name }], listed by name.
  setDistricts(districts) {
    this._districts = districts;
    if (!this._select) return this;
    const chosen = this._select.value;
    this._select.replaceChildren(new Option(this.options.allLabel, ""));
    const byName = [...districts].sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
    for (const { code, name } of byName) this._select.add(new Option(name, code, false, code === chosen));
    this._select.disabled = districts.length === 0;
    return this;
  },
});
