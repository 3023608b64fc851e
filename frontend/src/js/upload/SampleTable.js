// The first rows of the file as a table, every field a column; the columns the mapping uses are
// highlighted and say which role they play, and change as the mapping is corrected.
import { dom } from "../dom.js";
import { format } from "../format.js";
import { mappingForm } from "../mappingForm.js";

export class SampleTable {
  constructor(element) {
    this.element = element;
  }

  show(inspection, mapping) {
    this.inspection = inspection;
    this.element.replaceChildren();
    const { fields = [], sample = [], featureCount } = inspection;
    dom.table(this.element, {
      caption: `The first ${format.number(sample.length)} of ${format.number(featureCount)} rows, as read from the file.`,
      className: "data-table compact sample-table",
      empty: "Patchwork could not read sample rows from this file; the load will still check every row.",
      rows: sample,
      columns: fields.map((field) => ({ label: field, className: "sample-cell", cell: (row) => row[field] ?? "" })),
    });
    const table = this.element.querySelector("table");
    if (table) table.id = "sample-table";
    this.highlight(mapping);
  }

  highlight(mapping) {
    const table = this.element.querySelector("table");
    if (!table) return;
    const roles = mappingForm.rolesByColumn(mapping);
    const fields = this.inspection.fields ?? [];
    table.querySelectorAll("thead th").forEach((th, i) => {
      const role = roles.get(fields[i]);
      th.replaceChildren(dom.el("span", "sample-field", null, fields[i]));
      th.classList.toggle("is-mapped", Boolean(role));
      if (role) {
        th.dataset.role = role;
        dom.el("span", "sample-role", th, role);
      } else {
        delete th.dataset.role;
      }
    });
    for (const tr of table.querySelectorAll("tbody tr")) {
      [...tr.children].forEach((td, i) => td.classList.toggle("is-mapped", roles.has(fields[i])));
    }
  }
}
