// Evidence of use: for each dataset and partner, how often each kind of access happened, how many rows
// it returned, and when it last happened — what an agreement's review asks for.
import { dom } from "../dom.js";
import { format } from "../format.js";

const startOfDay = (day) => (day ? new Date(`${day}T00:00:00`).toISOString() : "");
const endOfDay = (day) => (day ? new Date(`${day}T23:59:59.999`).toISOString() : "");

export class UsagePanel {
  constructor(element, { api }) {
    Object.assign(this, { element, api });
    this._build();
  }

  _build() {
    dom.el("h2", "card-title", this.element, "Usage report");
    dom.el("p", "muted", this.element, "Use of each dataset by each partner, from the audit trail. Leave the dates empty for all time.");
    const form = dom.el("form", "form-inline", this.element);
    form.id = "usage-form";
    form.setAttribute("aria-label", "Usage report period");
    dom.field(form, { id: "usage-from", name: "from", label: "From", type: "date" });
    dom.field(form, { id: "usage-to", name: "to", label: "To", type: "date" });
    this.submit = dom.button(dom.el("div", "actions", form), "Show usage", { className: "button button-primary", type: "submit" });
    this.form = form;
    this.results = dom.el("div", "", this.element);
    this.results.setAttribute("aria-live", "polite");
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this.show();
    });
  }

  async show() {
    const { from, to } = Object.fromEntries(new FormData(this.form));
    this.results.dataset.state = "loading";
    dom.message(this.results, "loading", "Counting…");
    try {
      const rows = await this.api.getJson(this.api.withParams("/api/admin/usage", { from: startOfDay(from), to: endOfDay(to) }));
      this.results.replaceChildren();
      dom.table(this.results, {
        caption: "Events and rows by dataset, partner and kind of access.",
        empty: "No use of any dataset recorded in this period.",
        rows,
        columns: [
          { label: "Dataset", cell: (r) => r.dataset ?? (r.datasetId == null ? "—" : `#${r.datasetId}`) },
          { label: "Partner", cell: (r) => r.partner },
          { label: "Action", cell: (r) => r.action },
          { label: "Outcome", cell: (r) => r.outcome },
          { label: "Events", className: "numeric", cell: (r) => format.number(r.events) },
          { label: "Rows", className: "numeric", cell: (r) => format.number(r.rows) },
          { label: "Last", cell: (r) => format.dateTime(r.lastAt) },
        ],
      });
      this.results.dataset.state = "ready";
    } catch (error) {
      this.results.dataset.state = "error";
      dom.message(this.results, "error", `Could not load the usage report: ${error.message}`);
    }
  }
}
