// One dataset: what it is (its kind, description, how often it is updated, source CRS), how its load went (the first load issues), what the person may see of it,
// its versions (for the owner partner), and its sharing agreements, with the form to add one for those
// who may govern the dataset.
import { dom } from "../dom.js";
import { datasetKinds } from "../datasetKinds.js";
import { format } from "../format.js";
import { governance } from "../governance.js";
import { AgreementList } from "./AgreementList.js";
import { AgreementForm } from "./AgreementForm.js";
import { VersionList } from "./VersionList.js";
import { datasetFacts } from "./datasetFacts.js";

const ISSUES_SHOWN = 20;

function facts(parent, rows) {
  const list = dom.el("dl", "facts facts-wide", parent);
  for (const [term, value] of rows) {
    dom.el("dt", "", list, term);
    dom.el("dd", "", list, value === null || value === undefined || value === "" ? "—" : String(value));
  }
}

export class DatasetDetails {
  constructor(element, { api, session }) {
    Object.assign(this, { element, api, session });
  }

  async show(id) {
    this.element.hidden = false;
    this.element.dataset.state = "loading";
    dom.message(this.element, "loading", "Loading the dataset…");
    let entry;
    try {
      entry = await this.api.getJson(`/api/datasets/${encodeURIComponent(id)}`);
    } catch (error) {
      this.element.dataset.state = "error";
      dom.message(this.element, "error", `Could not load dataset ${id}: ${error.message}`);
      return;
    }
    this._draw(entry);
  }

  _draw({ dataset, access, issues = [] }) {
    this.element.replaceChildren();
    this.element.dataset.id = String(dataset.id);
    const heading = dom.el("h2", "card-title", this.element, dataset.title);
    heading.id = "dataset-heading";
    heading.tabIndex = -1;
    dom.el("p", "muted", this.element, `${dataset.slug} · ${dataset.theme ?? "no theme"}`);
    this.element.dataset.kind = dataset.kind ?? "";
    if (dataset.description) dom.el("p", "dataset-description", this.element, dataset.description).id = "dataset-description";

    const columns = dom.el("div", "detail-columns", this.element);
    const about = dom.el("div", "", columns);
    facts(about, datasetFacts(dataset));
    const yours = dom.el("div", "access-box", columns);
    dom.el("h3", "", yours, "Your access");
    dom.badge(yours, governance.levelLabel(access.level), access.level);
    const help = governance.levelHelp(access.level);
    dom.el("p", "", yours, `${help.charAt(0).toUpperCase()}${help.slice(1)}.`);
    if (access.level !== "metadata") dom.el("p", "", yours, governance.accessSummary(access));
    dom.el("p", "muted small", yours, `Basis: ${access.basis ?? "—"}`);

    this._issues(issues, dataset);
    this._versions(dataset);
    this._agreements(dataset);
    heading.focus({ preventScroll: true });
    this.element.dataset.state = "ready";
  }

  _issues(issues, dataset) {
    const section = dom.el("section", "subsection", this.element);
    dom.el("h3", "", section, "Load issues");
    const shown = issues.slice(0, ISSUES_SHOWN);
    const rejected = Number(dataset.rowsRejected) + Number(dataset.rowsRepaired);
    dom.table(section, {
      caption: issues.length > shown.length
        ? `The first ${shown.length} of ${format.number(issues.length)} recorded issues (${format.number(rejected)} rows repaired or rejected in all).`
        : `${format.number(issues.length)} recorded issues.`,
      empty: "No rows were repaired or rejected when this dataset was loaded.",
      rows: shown,
      columns: [
        { label: "File", cell: (i) => i.file },
        { label: "Row", className: "numeric", cell: (i) => format.number(i.row) },
        { label: "Column", cell: (i) => i.column },
        { label: "Value", cell: (i) => i.value },
        { label: "Reason", cell: (i) => i.reason },
        { label: "Outcome", cell: (i) => String(i.outcome ?? "").toLowerCase() },
      ],
    });
  }

  // Only the owner partner's people see a dataset's versions; its data managers may change them.
  _versions(dataset) {
    const { session } = this;
    if (dataset.openData || session?.partnerId === null || session?.partnerId === undefined
      || session.partnerId !== dataset.ownerPartnerId) return;
    const section = dom.el("section", "subsection", this.element);
    section.id = "versions";
    dom.el("h3", "", section, "Versions");
    new VersionList(dom.el("div", "", section), { api: this.api, datasetId: dataset.id,
      mayManage: session.role === "data-manager" }).load();
  }

  _agreements(dataset) {
    const section = dom.el("section", "subsection", this.element);
    section.id = "agreements";
    dom.el("h3", "", section, "Sharing agreements");
    if (dataset.openData) {
      dom.el("p", "empty-state", section, "Open data: anyone who may use Patchwork sees all of it, so it needs no sharing agreement.");
      return;
    }
    const mayGovern = governance.mayGovern(this.session, dataset);
    const list = new AgreementList(dom.el("div", "", section), { api: this.api, mayGovern });
    list.load(dataset.id);
    if (governance.mayMakeAgreements(this.session, dataset)) {
      const form = new AgreementForm(dom.el("div", "agreement-form-box", section), { api: this.api, datasetId: dataset.id,
        onCreated: () => list.load(dataset.id) });
      form.start();
    } else {
      dom.el("p", "muted small", section, mayGovern
        ? "The owner's data managers make and change agreements; administrators can withdraw them."
        : "The owner's data managers make agreements; they and administrators can withdraw them.");
    }
  }
}
