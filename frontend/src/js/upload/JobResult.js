// The end of a load. Published: rows in, published and rejected and the figures of the kind of data
// (uploadResults.js: LSOA agreement and points outside every LSOA for events, areas published and 2021
// LSOA codes translated for statistics, polygons repaired), the rejected rows (from the job's report.csv)
// and links to the map and the dataset. Failed: the problem, its rows, and the report. The result's
// element carries data-kind.
import { dom } from "../dom.js";
import { csv } from "../csv.js";
import { format } from "../format.js";
import { uploadResults } from "../uploadResults.js";
import { reportTable } from "./reportTable.js";

// A published job's rejected rows are read from its report.csv when there are no more than this.
const REPORT_READ_LIMIT = 20000;

function figure(parent, id, label, value, note) {
  const box = dom.el("div", "figure", parent);
  dom.el("dt", "", box, label);
  const dd = dom.el("dd", "figure-value", box, value);
  dd.id = id;
  if (note) dom.el("dd", "figure-note", box, note);
}

export class JobResult {
  constructor(element, { api, onChangeMapping = () => {}, onRestart = () => {} }) {
    Object.assign(this, { element, api, onChangeMapping, onRestart });
    element.id = "result";
  }

  clear() {
    this.element.replaceChildren();
    delete this.element.dataset.state;
    delete this.element.dataset.kind;
  }

  async show(job, queued) {
    this.clear();
    if (job.state === "succeeded") await this._published(job, queued);
    else this._failed(job, queued);
    this.element.dataset.state = job.state;
  }

  async _published(job, queued) {
    const result = job.result ?? {};
    const datasetId = result.datasetId ?? job.datasetId;
    if (result.alreadyLoaded) {
      dom.message(this.element, "note", result.detail ?? `This file is already version ${result.version}; nothing new was published.`);
      this._links(datasetId, job, false);
      return;
    }
    const rejected = Number(result.rowsRejected) || 0;
    this.element.dataset.kind = result.kind ?? "events";
    if (result.warning) {
      // Most of the points fall outside the partnership's area: said first, before the success line.
      const warning = dom.message(dom.el("div", "", this.element), "warning", result.warning);
      warning.id = "result-area-warning";
      warning.setAttribute("role", "alert");
    }
    dom.message(dom.el("div", "", this.element), "success", uploadResults.headline(result, queued.title ?? `dataset ${datasetId}`));
    const figures = dom.el("dl", "figures", this.element);
    for (const { id, label, value, note } of uploadResults.figures(result)) figure(figures, id, label, value, note);
    this._links(datasetId, job, true);
    if (rejected > 0) await this._rejectedRows(job, rejected);
  }

  async _rejectedRows(job, rejected) {
    const section = dom.el("section", "subsection", this.element);
    dom.el("h3", "", section, "Rejected rows");
    dom.el("p", "", section, `${format.number(rejected)} ${rejected === 1 ? "row was" : "rows were"} rejected and not published. `
      + "The report gives the reason for each.");
    const body = dom.el("div", "", section);
    this._download(section, job);
    if (rejected > REPORT_READ_LIMIT) return;
    dom.message(body, "loading", "Loading the report…");
    try {
      const rows = csv.records(await this.api.getText(job.report ?? `/api/jobs/${job.id}/report.csv`, { accept: "text/csv" }), { limit: 100 });
      body.replaceChildren();
      reportTable(body, rows.map((r) => ({ ...r, row: r.row === "" ? null : Number(r.row) })), { total: rejected });
    } catch (error) {
      dom.message(body, "error", `Could not load the report: ${error.message}. Download it instead.`);
    }
  }

  _failed(job, queued) {
    const problem = job.problem ?? {};
    const box = dom.message(this.element, "error", `Nothing was published. ${problem.detail ?? "The load failed."}`);
    box.id = "result-problem";
    const errors = problem.errors ?? [];
    if (errors.length) {
      const section = dom.el("section", "subsection", this.element);
      dom.el("h3", "", section, "What to fix");
      reportTable(section, errors, { many: "problems reported", one: "problem reported" });
      this._download(section, job);
    }
    const actions = dom.el("div", "actions step-actions", this.element);
    dom.button(actions, "Back: change the mapping or choices", { onClick: this.onChangeMapping }).id = "result-change";
    dom.button(actions, "Upload another file", { onClick: this.onRestart });
    if (queued.publishValidRows === false && errors.some((e) => e.row !== null && e.row !== undefined)) {
      dom.el("p", "muted small", this.element, "You asked to publish nothing if any row is rejected. Fix the rows, "
        + "or go back and choose to publish the valid rows.");
    }
  }

  _download(parent, job) {
    const link = dom.el("a", "button", dom.el("p", "", parent), "Download the full report (CSV)");
    link.href = job.report ?? `/api/jobs/${job.id}/report.csv`;
    link.id = "report-download";
    link.setAttribute("download", "");
  }

  _links(datasetId, job, published) {
    const actions = dom.el("div", "actions step-actions", this.element);
    if (datasetId) {
      const map = dom.el("a", "button button-primary", actions, "See it on the map");
      map.href = `/?dataset=${encodeURIComponent(datasetId)}`;
      map.id = "see-on-map";
      dom.el("a", "button", actions, "Open the dataset").href = `/datasets.html?dataset=${encodeURIComponent(datasetId)}`;
    }
    dom.button(actions, "Upload another file", { onClick: this.onRestart });
    if (published) this.element.dataset.datasetId = String(datasetId ?? "");
  }
}
