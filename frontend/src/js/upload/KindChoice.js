// "What kind of data is this?": point events, statistics by area or polygons, preset from the kind the
// server suggests. Polygons need a file with geometry of its own, so a CSV or Excel file cannot be them.
// Radios have ids kind-events, kind-area-statistics and kind-polygons; fires onChange(kind).
import { dom } from "../dom.js";
import { mappingForm } from "../mappingForm.js";

export class KindChoice {
  constructor(element, { onChange = () => {} } = {}) {
    Object.assign(this, { element, onChange });
    this.inputs = new Map();
  }

  show(kind, { ownGeometry }) {
    this.element.replaceChildren();
    this.inputs.clear();
    const set = dom.el("fieldset", "choices kind-choice", this.element);
    set.id = "kind-choice";
    dom.el("legend", "", set, "What kind of data is this?");
    for (const { key, label, hint } of mappingForm.KINDS) {
      const row = dom.el("div", "choice", set);
      row.dataset.kind = key;
      const input = dom.el("input", "", row);
      Object.assign(input, { type: "radio", name: "kind", id: `kind-${key}`, value: key, checked: key === kind });
      dom.el("label", "", row, label).htmlFor = input.id;
      const unavailable = key === "polygons" && !ownGeometry;
      input.disabled = unavailable;
      const note = dom.el("p", "field-hint", row, unavailable ? `${hint} Not for this file: it has no geometry of its own.` : hint);
      note.id = `${input.id}-hint`;
      input.setAttribute("aria-describedby", note.id);
      this.inputs.set(key, input);
    }
    set.addEventListener("change", () => this.onChange(this.value()));
    this.element.dataset.kind = kind;
  }

  value() {
    const chosen = [...this.inputs.values()].find((input) => input.checked)?.value ?? "events";
    this.element.dataset.kind = chosen;
    return chosen;
  }

  // Marks the choice as a problem (aria-invalid on the chosen radio) and returns it to focus, or clears the mark.
  mark(invalid) {
    for (const input of this.inputs.values()) input.removeAttribute("aria-invalid");
    if (!invalid) return null;
    const chosen = this.inputs.get(this.value());
    chosen?.setAttribute("aria-invalid", "true");
    return chosen ?? null;
  }
}
