// The row-level report of an upload: which file, row and column, the value and the reason, for the
// first rows (a 422 answer's errors, a failed job's problem, or a finished job's report.csv).
import { dom } from "../dom.js";
import { format } from "../format.js";

const REPORT_ROWS_SHOWN = 100;
const blank = (value) => value === null || value === undefined || value === "";

// errors: [{ file, row, column, value, reason }]; total: how many there are in all (default: errors.length);
// one and many: what an entry is, for the caption ("rejected row", "rejected rows").
export function reportTable(parent, errors, { total = errors.length, id = "report-table", one = "rejected row",
  many = "rejected rows" } = {}) {
  const shown = errors.slice(0, REPORT_ROWS_SHOWN);
  const caption = total > shown.length
    ? `The first ${format.number(shown.length)} of ${format.number(total)} ${many}.`
    : `${format.number(total)} ${total === 1 ? one : many}.`;
  const table = dom.table(parent, {
    caption,
    className: "data-table compact report-table",
    empty: "Nothing was rejected.",
    rows: shown,
    rowAttrs: (e) => ({ "data-row": String(e.row ?? "") }),
    columns: [
      { label: "File", className: "wrap", cell: (e) => e.file || "—" },
      { label: "Row", className: "numeric", cell: (e) => (blank(e.row) ? "—" : format.number(e.row)) },
      { label: "Column", cell: (e) => e.column || "—" },
      { label: "Value", cell: (e) => (blank(e.value) ? "—" : String(e.value)) },
      { label: "Reason", className: "wrap", cell: (e) => e.reason || "—" },
    ],
  });
  if (table.tagName === "TABLE") table.id = id;
  return table;
}
