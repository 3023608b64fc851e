// A dataset's sharing agreements: purpose, legal basis, dates, state (in force, expired, withdrawn) and
// recipients with their access level and smallest geography. Those who may govern the dataset can
// withdraw an agreement (with a confirming second press).
import { dom } from "../dom.js";
import { format } from "../format.js";
import { governance } from "../governance.js";

export class AgreementList {
  constructor(element, { api, mayGovern = false }) {
    Object.assign(this, { element, api, mayGovern });
    element.classList.add("agreement-list");
  }

  async load(datasetId) {
    this.datasetId = datasetId;
    this.element.dataset.state = "loading";
    dom.message(this.element, "loading", "Loading agreements…");
    try {
      const agreements = await this.api.getJson(`/api/datasets/${datasetId}/agreements`);
      this._draw(agreements);
      this.element.dataset.state = "ready";
    } catch (error) {
      this.element.dataset.state = "error";
      dom.message(this.element, "error", `Could not load the agreements: ${error.message}`);
    }
  }

  _draw(agreements) {
    this.element.replaceChildren();
    if (agreements.length === 0) {
      dom.el("p", "empty-state", this.element, "No sharing agreements yet: only the owner partner can see this dataset's data.");
      return;
    }
    const ordered = [...agreements].sort((a, b) => Number(b.agreement.inForce) - Number(a.agreement.inForce)
      || String(b.agreement.createdAt).localeCompare(String(a.agreement.createdAt)));
    for (const detail of ordered) this._agreement(detail);
  }

  _agreement({ agreement, recipients }) {
    const status = governance.agreementStatus(agreement);
    const card = dom.el("article", `agreement agreement-${status.key}`, this.element);
    card.dataset.id = String(agreement.id);
    card.dataset.status = status.key;
    const head = dom.el("div", "agreement-head", card);
    dom.el("h4", "", head, agreement.title);
    dom.badge(head, status.label, status.key);
    const facts = dom.el("dl", "facts facts-wide", card);
    for (const [term, value] of [["Purpose", agreement.purpose], ["Legal basis", agreement.legalBasis],
      ["Dates", `${format.date(agreement.startDate)} to ${format.date(agreement.expiryDate)}`
        + (agreement.reviewDate ? ` · review ${format.date(agreement.reviewDate)}` : "")],
      ["Recorded", `${format.dateTime(agreement.createdAt)} by ${agreement.createdBy ?? "—"}`]]) {
      dom.el("dt", "", facts, term);
      dom.el("dd", "", facts, value);
    }
    dom.table(card, {
      caption: "Recipients",
      className: "data-table compact",
      rows: recipients,
      empty: "No recipients.",
      columns: [
        { label: "Recipient", cell: (r) => governance.recipientName(r) },
        { label: "Access", cell: (r) => governance.levelLabel(r.accessLevel) },
        { label: "Smallest area", cell: (r) => governance.geographyLabel(r.minGeography ?? "lsoa") },
      ],
    });
    if (this.mayGovern && !agreement.withdrawnAt) this._withdraw(card, agreement);
  }

  _withdraw(card, agreement) {
    const actions = dom.el("div", "actions", card);
    const problem = dom.el("p", "form-error", actions);
    problem.hidden = true;
    problem.setAttribute("role", "alert");
    const start = dom.button(actions, "Withdraw…", { className: "button button-danger" });
    const confirm = dom.button(actions, `Confirm: withdraw "${agreement.title}"`, { className: "button button-danger-solid" });
    const cancel = dom.button(actions, "Cancel", { className: "button" });
    confirm.hidden = cancel.hidden = true;
    const asking = (yes) => {
      start.hidden = yes;
      confirm.hidden = cancel.hidden = !yes;
      (yes ? confirm : start).focus();
    };
    start.addEventListener("click", () => asking(true));
    cancel.addEventListener("click", () => asking(false));
    confirm.addEventListener("click", async () => {
      confirm.disabled = true;
      try {
        await this.api.send("POST", `/api/agreements/${agreement.id}/withdraw`);
        await this.load(this.datasetId);
      } catch (error) {
        confirm.disabled = false;
        problem.textContent = `Could not withdraw the agreement: ${error.message}`;
        problem.hidden = false;
      }
    });
  }
}
