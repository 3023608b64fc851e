// Creates a sharing agreement for one dataset: what for, on what legal basis, for whom (a partner, a
// role, or both), at what level and smallest geography, and for how long. The server checks everything;
// its problem detail is shown beside the button.
import { dom } from "../dom.js";
import { governance } from "../governance.js";

export class AgreementForm {
  constructor(element, { api, datasetId, onCreated = () => {} }) {
    Object.assign(this, { element, api, datasetId, onCreated });
  }

  async start() {
    this.element.replaceChildren();
    const details = dom.el("details", "form-disclosure", this.element);
    dom.el("summary", "", details, "Add a sharing agreement");
    const form = dom.el("form", "form-grid", details);
    form.id = "agreement-form";
    form.noValidate = true;
    form.setAttribute("aria-label", "New sharing agreement");
    this.form = form;
    const dates = governance.defaultDates();
    dom.field(form, { id: "agreement-title", name: "title", label: "Title", required: true,
      attrs: { maxlength: "200", autocomplete: "off" } }).closest(".field").classList.add("span-2");
    dom.field(form, { id: "agreement-purpose", name: "purpose", label: "Purpose", tag: "textarea", required: true,
      hint: "What the recipients will use the data for." }).closest(".field").classList.add("span-2");
    dom.field(form, { id: "agreement-legal-basis", name: "legalBasis", label: "Legal basis", required: true,
      hint: "For example: Crime and Disorder Act 1998 s.115; UK GDPR Art. 6(1)(e)." }).closest(".field").classList.add("span-2");
    this.partner = dom.field(form, { id: "agreement-partner", name: "partnerId", label: "Recipient partner", tag: "select",
      hint: "Name a partner, a role, or both." });
    dom.options(this.partner, [], { empty: "Loading partners…" });
    dom.options(dom.field(form, { id: "agreement-role", name: "role", label: "Recipient role", tag: "select" }),
      [...governance.ROLES, { key: "public", label: "The public (public level only)" }], { empty: "Any role" });
    dom.options(dom.field(form, { id: "agreement-level", name: "accessLevel", label: "Access level", tag: "select" }),
      governance.ACCESS_LEVELS.filter((l) => l.key !== "metadata").map((l) => ({ key: l.key, label: `${l.label} — ${l.help}` })),
      { selected: "aggregate" });
    dom.options(dom.field(form, { id: "agreement-geography", name: "minGeography", label: "Smallest area", tag: "select" }),
      governance.GEOGRAPHIES, { selected: "lsoa" });
    dom.field(form, { id: "agreement-start", name: "startDate", label: "Starts", type: "date", value: dates.startDate, required: true });
    dom.field(form, { id: "agreement-expiry", name: "expiryDate", label: "Expires", type: "date", value: dates.expiryDate, required: true });
    dom.field(form, { id: "agreement-review", name: "reviewDate", label: "Review by (optional)", type: "date", value: dates.reviewDate });
    const actions = dom.el("div", "actions span-2", form);
    this.submit = dom.button(actions, "Create agreement", { className: "button button-primary", type: "submit" });
    this.feedback = dom.el("div", "form-feedback", actions);
    this.feedback.setAttribute("aria-live", "polite");
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this._create();
    });
    await this._loadPartners();
  }

  async _loadPartners() {
    try {
      const partners = await this.api.getJson("/api/partners");
      dom.options(this.partner, partners.map((p) => ({ key: p.id, label: `${p.name} (${governance.kindLabel(p.kind)})` })),
        { empty: "Any partner" });
    } catch (error) {
      dom.options(this.partner, [], { empty: "Any partner" });
      dom.message(this.feedback, "error", `Could not load the partners: ${error.message}`);
    }
  }

  async _create() {
    const fields = Object.fromEntries(new FormData(this.form));
    const body = governance.agreementRequest(fields);
    this.submit.disabled = true;
    dom.message(this.feedback, "loading", "Saving…");
    try {
      await this.api.send("POST", `/api/datasets/${this.datasetId}/agreements`, body);
      dom.message(this.feedback, "success", `Agreement "${body.title}" created.`);
      for (const name of ["title", "purpose", "legalBasis"]) this.form.elements[name].value = "";
      this.onCreated();
    } catch (error) {
      dom.message(this.feedback, "error", error.message);
    } finally {
      this.submit.disabled = false;
    }
  }
}
