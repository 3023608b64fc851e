// Searching the audit trail: who did what to which dataset, when, and whether it was allowed. Newest
// first; the form's filters are all optional. Times are entered and shown in the reader's time zone.
import { dom } from "../dom.js";
import { format } from "../format.js";
import { governance } from "../governance.js";

const instant = (local) => (local ? new Date(local).toISOString() : "");

// A cell with a main line and a small muted second line.
function stacked(main, second) {
  const box = document.createElement("div");
  dom.el("div", "", box, main);
  if (second) dom.el("div", "muted small", box, second);
  return box;
}

export class AuditPanel {
  constructor(element, { api }) {
    Object.assign(this, { element, api });
    this.datasets = new Map();
    this._build();
  }

  _build() {
    dom.el("h2", "card-title", this.element, "Audit trail");
    dom.el("p", "muted", this.element, "Every sign-in, data access, export, refusal and change is recorded here.");
    const form = dom.el("form", "form-grid form-grid-4", this.element);
    form.id = "audit-form";
    form.setAttribute("aria-label", "Search the audit trail");
    dom.field(form, { id: "audit-username", name: "username", label: "User name", attrs: { autocomplete: "off", autocapitalize: "none" } });
    this.partner = dom.field(form, { id: "audit-partner", name: "partnerId", label: "Partner", tag: "select" });
    dom.options(dom.field(form, { id: "audit-action", name: "action", label: "Action", tag: "select" }),
      governance.AUDIT_ACTIONS.map((a) => ({ key: a, label: a })), { empty: "Any action" });
    dom.options(dom.field(form, { id: "audit-outcome", name: "outcome", label: "Outcome", tag: "select" }),
      governance.AUDIT_OUTCOMES.map((o) => ({ key: o, label: o })), { empty: "Any outcome" });
    this.dataset = dom.field(form, { id: "audit-dataset", name: "datasetId", label: "Dataset", tag: "select" });
    dom.field(form, { id: "audit-from", name: "from", label: "From", type: "datetime-local" });
    dom.field(form, { id: "audit-to", name: "to", label: "To", type: "datetime-local" });
    dom.options(dom.field(form, { id: "audit-limit", name: "limit", label: "At most", tag: "select" }),
      ["50", "200", "1000", "5000"].map((n) => ({ key: n, label: `${n} entries` })), { selected: "200" });
    const actions = dom.el("div", "actions span-all", form);
    this.submit = dom.button(actions, "Search", { className: "button button-primary", type: "submit" });
    dom.button(actions, "Clear", { className: "button", type: "reset" });
    this.form = form;
    this.results = dom.el("div", "", this.element);
    this.results.setAttribute("aria-live", "polite");
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.search();
    });
  }

  // Fills the partner and dataset choices (once), then runs the search as the form stands.
  async show() {
    if (!this._choices) {
      this._choices = Promise.all([this.api.getJson("/api/admin/partners"), this.api.getJson("/api/datasets")]).then(([partners, datasets]) => {
        dom.options(this.partner, partners.map((p) => ({ key: p.id, label: p.name })), { empty: "Any partner" });
        for (const { dataset } of datasets) this.datasets.set(dataset.id, dataset.title);
        dom.options(this.dataset, datasets.map(({ dataset }) => ({ key: dataset.id, label: dataset.title })), { empty: "Any dataset" });
      }).catch((error) => {
        this._choices = null;
        throw error;
      });
    }
    try {
      await this._choices;
    } catch (error) {
      dom.message(this.results, "error", `Could not load the search choices: ${error.message}`);
      return;
    }
    await this.search();
  }

  async search() {
    const f = Object.fromEntries(new FormData(this.form));
    const url = this.api.withParams("/api/admin/audit", { ...f, username: f.username.trim(), from: instant(f.from), to: instant(f.to) });
    this.results.dataset.state = "loading";
    dom.message(this.results, "loading", "Searching…");
    this.submit.disabled = true;
    try {
      const rows = await this.api.getJson(url);
      this._table(rows, Number(f.limit));
      this.results.dataset.state = "ready";
    } catch (error) {
      this.results.dataset.state = "error";
      dom.message(this.results, "error", `Could not search the audit trail: ${error.message}`);
    } finally {
      this.submit.disabled = false;
    }
  }

  _table(rows, limit) {
    this.results.replaceChildren();
    dom.table(this.results, {
      caption: rows.length >= limit ? `The newest ${rows.length} matching entries (there may be more; narrow the search).`
        : `${rows.length} matching entries, newest first.`,
      empty: "No audit entries match. Widen the search.",
      className: "data-table compact",
      rows,
      rowAttrs: (r) => ({ "data-action": r.action, "data-outcome": r.outcome, "data-username": r.username ?? "" }),
      columns: [
        { label: "Time", className: "nowrap", cell: (r) => format.dateTime(r.at) },
        { label: "User and partner", cell: (r) => stacked(r.username ?? "—", r.partner) },
        { label: "Action", className: "nowrap", cell: (r) => r.action },
        { label: "Outcome", cell: (r) => { const b = document.createElement("span"); dom.badge(b, r.outcome, `outcome-${r.outcome}`); return b; } },
        { label: "Dataset", className: "medium", cell: (r) => (r.datasetId == null ? "—" : this.datasets.get(r.datasetId) ?? `#${r.datasetId}`) },
        { label: "Output", className: "nowrap", cell: (r) => r.output },
        { label: "Rows", className: "numeric", cell: (r) => (r.rowCount == null ? "—" : format.number(r.rowCount)) },
        { label: "Detail", className: "wrap", cell: (r) => stacked(r.detail ?? "—", r.requestId ? `request ${r.requestId}` : null) },
      ],
    });
  }
}
