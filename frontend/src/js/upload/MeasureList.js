// The columns of numbers in a statistics file, each with two boxes: "measure" (load its values) and "is
// a count" (a count of people or events, which gets small-number suppression for viewers with aggregate
// access only). A count must be a measure, so the second box follows the first. The table has the id
// measure-list; its rows data-column, their boxes data-role="measure" or "count".
import { dom } from "../dom.js";

export class MeasureList {
  constructor(element, { onChange = () => {} } = {}) {
    Object.assign(this, { element, onChange });
    this.rows = [];
  }

  // measures: [{ column, measure, count }] (mappingForm.measureRows).
  show(measures) {
    this.element.replaceChildren();
    this.rows = [];
    const section = dom.el("div", "measure-box", this.element);
    dom.el("p", "field-label", section, "Columns of numbers (tick at least one measure)");
    if (measures.length === 0) {
      dom.el("p", "empty-state", section, "No column of the sample rows holds only numbers, so there is nothing to load as a measure. "
        + "Check the file: numbers written with units or text (like \"12 people\") cannot be read.").id = "measure-list";
      return;
    }
    dom.el("p", "field-hint", section, "Counts of people or events are suppressed when small for viewers with aggregate access "
      + "only; rates, percentages and averages are not counts.");
    const table = dom.table(section, {
      className: "data-table compact measure-table",
      rows: measures.map((m, index) => ({ ...m, index })),
      rowAttrs: (m) => ({ "data-column": m.column }),
      columns: [
        { label: "Column", cell: (m) => m.column },
        { label: "Measure", className: "check-cell", cell: (m) => this._box(m, "measure") },
        { label: "Is a count", className: "check-cell", cell: (m) => this._box(m, "count") },
      ],
    });
    table.id = "measure-list";
    section.addEventListener("change", (event) => {
      const row = this.rows.find((r) => r.measure === event.target || r.count === event.target);
      if (row) this._follow(row);
      this.onChange(this.value());
    });
    for (const row of this.rows) this._follow(row);
  }

  value() {
    return this.rows.map(({ column, measure, count }) => ({ column, measure: measure.checked, count: measure.checked && count.checked }));
  }

  focus() {
    this.rows[0]?.measure.focus();
  }

  _box(m, role) {
    const wrap = document.createElement("span");
    const input = dom.el("input", "", wrap);
    Object.assign(input, { type: "checkbox", id: `${role}-${m.index}`, checked: Boolean(m[role]) });
    input.dataset.role = role;
    input.dataset.column = m.column;
    const label = dom.el("label", "visually-hidden", wrap, `${m.column}: ${role === "measure" ? "measure" : "is a count"}`);
    label.htmlFor = input.id;
    let row = this.rows[m.index];
    if (!row) {
      row = { column: m.column };
      this.rows[m.index] = row;
    }
    row[role] = input;
    return wrap;
  }

  // "Is a count" only applies to a measure.
  _follow(row) {
    row.count.disabled = !row.measure.checked;
    if (!row.measure.checked) row.count.checked = false;
  }
}
