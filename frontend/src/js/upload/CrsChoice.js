// The coordinate reference system of a file with geometry of its own: the EPSG code Patchwork found,
// or, when the file does not say, why not (with what its coordinates look like) and a field for the
// code with the two usual answers one press away. Files with x/y columns choose theirs in the mapping.
import { dom } from "../dom.js";
import { uploads } from "../uploads.js";

const NAMES = { 4326: "longitude and latitude, WGS 84", 27700: "British National Grid" };

export class CrsChoice {
  constructor(element, { onChange = () => {} } = {}) {
    Object.assign(this, { element, onChange });
  }

  show(inspection) {
    this.element.replaceChildren();
    this.input = null;
    this.found = inspection.epsg ?? null;
    if (!uploads.hasOwnGeometry(inspection)) {
      dom.el("p", "muted small", this.element, "The file has no geometry of its own: each point comes from the x and y "
        + "columns chosen below, in the coordinate system chosen with them.");
      return;
    }
    if (this.found) {
      const box = dom.message(this.element, "success", `Coordinates in EPSG:${this.found}`
        + `${NAMES[this.found] ? ` (${NAMES[this.found]})` : ""}, as the file says.`);
      box.id = "crs-found";
      return;
    }
    const problem = dom.message(this.element, "warning", inspection.crsProblem
      ?? "The file does not say which coordinate reference system it uses.");
    problem.id = "crs-problem";
    const row = dom.el("div", "crs-row", this.element);
    this.input = dom.field(row, { id: "crs-epsg", name: "epsg", label: "EPSG code of the coordinates (required)", type: "number",
      attrs: { min: "1", step: "1", inputmode: "numeric", autocomplete: "off" } });
    const quick = dom.el("div", "crs-quick", row);
    quick.setAttribute("role", "group");
    quick.setAttribute("aria-label", "Usual choices");
    for (const { key } of uploads.CRS_CHOICES) {
      dom.button(quick, `${key} — ${NAMES[key]}`, { className: "button button-small", onClick: () => {
        this.input.value = String(key);
        this.input.removeAttribute("aria-invalid");
        this.onChange(this.value());
      } });
    }
    this.input.addEventListener("input", () => this.onChange(this.value()));
  }

  // The EPSG code to send: the one given for a file that does not say (null when it does, or none given yet).
  value() {
    const code = Number(this.input?.value);
    return this.input && Number.isInteger(code) && code > 0 ? code : null;
  }

  // The code the coordinates are in, found or given, for drawing the preview.
  effective() {
    return this.found ?? this.value();
  }

  get unknown() {
    return this.input !== null && this.input !== undefined;
  }
}
