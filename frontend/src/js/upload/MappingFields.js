// Which column is which: one select per role of the column mapping (x, y and their coordinate system
// only for files without geometry of their own), filled with the file's fields and set to the mapping
// Patchwork suggests. Fires onChange(mapping) as the uploader corrects it.
import { dom } from "../dom.js";
import { uploads } from "../uploads.js";

export class MappingFields {
  constructor(element, { onChange = () => {} } = {}) {
    Object.assign(this, { element, onChange });
    this.selects = new Map();
  }

  // fields: the file's column names; suggested: the server's ColumnMapping; ownGeometry: points from the file's geometry.
  show(fields, suggested, { ownGeometry }) {
    this.ownGeometry = ownGeometry;
    this.element.replaceChildren();
    this.selects.clear();
    const set = dom.el("fieldset", "mapping", this.element);
    dom.el("legend", "", set, "Which column is which");
    const correct = "Patchwork suggested the columns below from their names; correct them if they are wrong.";
    dom.el("p", "muted small", set, ownGeometry ? `Each feature's point comes from the file's own geometry. ${correct}`
      : `${correct} Highlighted columns in the sample are the ones used.`);
    const grid = dom.el("div", "form-grid form-grid-3", set);
    const choices = fields.map((field) => ({ key: field, label: field }));
    for (const role of uploads.ROLES) {
      if (role.xy && ownGeometry) continue;
      const select = dom.field(grid, { id: `map-${role.key}`, name: role.key, tag: "select", hint: role.hint,
        label: role.required || role.xy ? `${role.label} (required)` : role.label });
      dom.options(select, choices, { empty: "— Not in this file —", selected: suggested?.[role.key] ?? "" });
      this.selects.set(role.key, select);
      if (role.key === "y") this._xyEpsg(grid, suggested);
    }
    set.addEventListener("change", () => this.onChange(this.value()));
  }

  _xyEpsg(grid, suggested) {
    const select = dom.field(grid, { id: "map-xyEpsg", name: "xyEpsg", tag: "select", label: "Coordinate system of x and y (required)",
      hint: "Degrees (like -2.98, 53.40) are EPSG:4326; metres (like 334200, 390500) are EPSG:27700." });
    const choices = [...uploads.CRS_CHOICES];
    const epsg = suggested?.xyEpsg;
    if (epsg && !choices.some((c) => c.key === epsg)) choices.push({ key: epsg, label: `EPSG:${epsg}` });
    dom.options(select, choices, { empty: "Choose…", selected: epsg ?? "" });
    this.selects.set("xyEpsg", select);
  }

  value() {
    const values = Object.fromEntries([...this.selects].map(([key, select]) => [key, select.value]));
    return uploads.mappingRequest(values, { ownGeometry: this.ownGeometry });
  }

  // Marks the controls with problems (aria-invalid) and focuses the first; problems: [{ key, message }].
  mark(problems) {
    for (const select of this.selects.values()) select.removeAttribute("aria-invalid");
    let first = null;
    for (const { key } of problems) {
      const select = this.selects.get(key);
      if (!select) continue;
      select.setAttribute("aria-invalid", "true");
      first ??= select;
    }
    return first;
  }
}
