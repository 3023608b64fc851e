// The overlays of the layer picker: one checkbox per polygon dataset the person may see, drawn over
// whatever the map shows, with a word on each one's state (loading, how many polygons, or the error).
// Rows carry data-overlay (the key) and data-state (off | loading | ready | empty | error).
import { DomUtil } from "leaflet";

export class OverlayFields {
  constructor(form) {
    this.box = DomUtil.create("fieldset", "pw-overlays", form);
    this.box.id = "pw-overlays";
    DomUtil.create("legend", "pw-overlays-title", this.box).textContent = "Overlays";
    this.list = DomUtil.create("div", "pw-overlay-list", this.box);
    this.rows = new Map();
    this.setOverlays([]);
  }

  // overlays: [{ key, label, colour }] (datasetLayers.js); ticked ones stay ticked.
  setOverlays(overlays) {
    const ticked = new Set([...this.rows].filter(([, r]) => r.input.checked).map(([key]) => key));
    this.list.replaceChildren();
    this.rows.clear();
    overlays.forEach(({ key, label, colour }, i) => {
      const row = DomUtil.create("div", "pw-check pw-overlay", this.list);
      row.dataset.overlay = key;
      row.dataset.state = "off";
      const input = DomUtil.create("input", "", row);
      Object.assign(input, { type: "checkbox", id: `pw-overlay-${i}`, value: key, checked: ticked.has(key) });
      input.dataset.overlay = key;
      const text = DomUtil.create("label", "", row);
      text.htmlFor = input.id;
      const swatch = DomUtil.create("span", "swatch swatch-overlay", text);
      swatch.style.borderColor = colour;
      swatch.setAttribute("aria-hidden", "true");
      text.append(label);
      const state = DomUtil.create("span", "pw-overlay-state", row);
      state.setAttribute("aria-live", "polite");
      this.rows.set(key, { row, input, state });
    });
    this.box.hidden = overlays.length === 0;
  }

  // The overlay's key when this control is one of the checkboxes, else null.
  keyOf(target) {
    return target?.dataset?.overlay && this.rows.has(target.dataset.overlay) ? target.dataset.overlay : null;
  }

  isOn(key) {
    return Boolean(this.rows.get(key)?.input.checked);
  }

  // Ticks (or unticks) an overlay as if the person had; false when there is no such overlay.
  check(key, on = true) {
    const entry = this.rows.get(key);
    if (!entry) return false;
    entry.input.checked = on;
    return true;
  }

  setState(key, state, text = "") {
    const entry = this.rows.get(key);
    if (!entry) return;
    entry.row.dataset.state = state;
    entry.state.textContent = text;
    entry.state.classList.toggle("is-error", state === "error");
  }
}
