// Which column is which, for the kind of data chosen: one select per role of the column mapping, filled
// with the file's fields and set to the mapping Patchwork suggests. Point events: x, y and their
// coordinate system (only for files without geometry of their own), date, category and the optional
// columns, and the order of day and month when the preview has something to say about it (it asks when
// every date fits both orders). Statistics by area: the area code column, the kind of area, optional period and breakdown
// columns, and the columns of numbers (MeasureList). Polygons: optional name and identifier columns.
// Choices survive a change of kind. Fires onChange(mapping) as the uploader corrects it.
import { dom } from "../dom.js";
import { mappingForm } from "../mappingForm.js";
import { uploads } from "../uploads.js";
import { MeasureList } from "./MeasureList.js";

const CORRECT = "Patchwork suggested the columns below from their names and values; correct them if they are wrong.";

export class MappingFields {
  constructor(element, { onChange = () => {} } = {}) {
    Object.assign(this, { element, onChange });
    this.selects = new Map();
    this.measureList = null;
  }

  // fields: the file's column names; state: mappingForm.initialState; ownGeometry: the file has geometry of its own.
  // dateOrder: what the preview found about the order of day and month in the date column (null: nothing to say).
  show(fields, state, { ownGeometry, dateOrder = null }) {
    Object.assign(this, { fields, ownGeometry, dateOrder, values: { ...state.values }, measures: state.measures.map((m) => ({ ...m })) });
    this.selects.clear();
    this.measureList = null;
    this.setKind(state.kind);
  }

  // Redraws the selects for another kind, keeping what was chosen so far.
  setKind(kind) {
    this._remember();
    this.kind = kind;
    this.element.replaceChildren();
    this.selects.clear();
    this.measureList = null;
    const set = dom.el("fieldset", "mapping", this.element);
    set.id = "mapping-fields";
    set.dataset.kind = kind;
    dom.el("legend", "", set, "Which column is which");
    const grid = dom.el("div", "form-grid form-grid-3", set);
    if (kind === "area-statistics") this._statistics(set, grid);
    else if (kind === "polygons") this._polygons(set, grid);
    else this._events(set, grid);
    set.addEventListener("change", () => {
      this._remember();
      this.onChange(this.value());
    });
  }

  _events(set, grid) {
    set.insertBefore(dom.el("p", "muted small", null, this.ownGeometry ? `Each feature's point comes from the file's own geometry. ${CORRECT}`
      : `${CORRECT} Highlighted columns in the sample are the ones used.`), grid);
    for (const role of uploads.ROLES) {
      if (role.xy && this.ownGeometry) continue;
      this._select(grid, role, role.required || role.xy);
      if (role.key === "y") this._xyEpsg(grid);
      if (role.key === "date" && this.dateOrder) this._dateOrder(grid);
    }
  }

  _statistics(set, grid) {
    set.insertBefore(dom.el("p", "muted small", null, `Each row gives values for one area, found by its code; the rows need no `
      + `coordinates. ${CORRECT}`), grid);
    const [areaCode, ...optional] = mappingForm.STATISTICS_ROLES;
    this._select(grid, areaCode, true);
    const level = dom.field(grid, { id: "map-areaLevel", name: "areaLevel", tag: "select", label: "Kind of area (required)",
      hint: "Suggested from the codes. 2021 LSOA codes are translated to the 2011 LSOAs the map uses." });
    dom.options(level, mappingForm.AREA_LEVELS, { empty: "Choose…", selected: this.values.areaLevel ?? "" });
    this.selects.set("areaLevel", level);
    for (const role of optional) this._select(grid, role, false);
    this.measureList = new MeasureList(dom.el("div", "measure-list-box", set), { onChange: () => {} });
    this.measureList.show(this.measures);
  }

  _polygons(set, grid) {
    set.insertBefore(dom.el("p", "muted small", null, `Each polygon comes from the file's own geometry; every column is kept `
      + `as an attribute shown in the polygon's popup. ${CORRECT}`), grid);
    for (const role of mappingForm.POLYGON_ROLES) this._select(grid, role, false);
  }

  _select(grid, role, required) {
    const select = dom.field(grid, { id: `map-${role.key}`, name: role.key, tag: "select", hint: role.hint,
      label: required ? `${role.label} (required)` : role.label });
    dom.options(select, this.fields.map((field) => ({ key: field, label: field })),
      { empty: "— Not in this file —", selected: this.values[role.key] ?? "" });
    this.selects.set(role.key, select);
    return select;
  }

  _xyEpsg(grid) {
    const select = dom.field(grid, { id: "map-xyEpsg", name: "xyEpsg", tag: "select", label: "Coordinate system of x and y (required)",
      hint: "Degrees (like -2.98, 53.40) are EPSG:4326; metres (like 334200, 390500) are EPSG:27700." });
    const choices = [...uploads.CRS_CHOICES];
    const epsg = Number(this.values.xyEpsg) || null;
    if (epsg && !choices.some((c) => c.key === epsg)) choices.push({ key: epsg, label: `EPSG:${epsg}` });
    dom.options(select, choices, { empty: "Choose…", selected: epsg ?? "" });
    this.selects.set("xyEpsg", select);
  }

  // The order of day and month: preset when the values settle it, to be chosen when every date fits both.
  _dateOrder(grid) {
    const { asks, detail } = this.dateOrder;
    const select = dom.field(grid, { id: "map-dateOrder", name: "dateOrder", tag: "select",
      label: asks ? "Order of day and month (required)" : "Order of day and month", hint: detail });
    dom.options(select, uploads.DATE_ORDERS, { empty: asks ? "Choose…" : "As the values show", selected: this.values.dateOrder ?? "" });
    this.selects.set("dateOrder", select);
  }

  // Keeps the values on screen, so they are still there after a change of kind.
  _remember() {
    for (const [key, select] of this.selects) this.values[key] = select.value;
    if (this.measureList) this.measures = this.measureList.value();
  }

  value() {
    const values = { ...this.values, ...Object.fromEntries([...this.selects].map(([key, select]) => [key, select.value])) };
    const measures = this.measureList ? this.measureList.value() : this.measures;
    return mappingForm.mappingRequest(this.kind, values, measures, { ownGeometry: this.ownGeometry });
  }

  // Marks the controls with problems (aria-invalid) and returns the first to focus; problems: [{ key, message }].
  mark(problems) {
    for (const select of this.selects.values()) select.removeAttribute("aria-invalid");
    const table = this.element.querySelector("#measure-list");
    table?.removeAttribute("aria-invalid");
    let first = null;
    for (const { key } of problems) {
      if (key === "measures" && table) {
        table.setAttribute("aria-invalid", "true");
        first ??= this.element.querySelector("#measure-list input") ?? null;
        continue;
      }
      const select = this.selects.get(key);
      if (!select) continue;
      select.setAttribute("aria-invalid", "true");
      first ??= select;
    }
    return first;
  }
}
