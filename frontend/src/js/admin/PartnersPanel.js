// Partners of the information-sharing partnership: the list, and a form to add one.
import { dom } from "../dom.js";
import { governance } from "../governance.js";

export class PartnersPanel {
  constructor(element, { api }) {
    Object.assign(this, { element, api });
    this._build();
  }

  _build() {
    dom.el("h2", "card-title", this.element, "Partners");
    dom.el("p", "muted", this.element, "Organisations that share or receive data. Users belong to one partner; "
      + "sharing agreements name partners as recipients.");
    const form = dom.el("form", "form-inline", this.element);
    form.id = "partner-form";
    form.setAttribute("aria-label", "Add a partner");
    const name = dom.field(form, { id: "partner-name", name: "name", label: "Partner name", required: true,
      attrs: { maxlength: "200", autocomplete: "off" } });
    const kind = dom.options(dom.field(form, { id: "partner-kind", name: "kind", label: "Kind", tag: "select" }),
      governance.PARTNER_KINDS, { selected: "council" });
    const submit = dom.button(dom.el("div", "actions", form), "Add partner", { className: "button button-primary", type: "submit" });
    this.feedback = dom.el("div", "form-feedback", this.element);
    this.feedback.setAttribute("aria-live", "polite");
    this.list = dom.el("div", "", this.element);
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      submit.disabled = true;
      try {
        const created = await this.api.send("POST", "/api/admin/partners", { name: name.value.trim(), kind: kind.value });
        dom.message(this.feedback, "success", `Partner "${created.name}" added.`);
        name.value = "";
        await this.show();
      } catch (error) {
        dom.message(this.feedback, "error", error.message);
      } finally {
        submit.disabled = false;
      }
    });
  }

  async show() {
    this.list.dataset.state = "loading";
    dom.message(this.list, "loading", "Loading partners…");
    try {
      const partners = await this.api.getJson("/api/admin/partners");
      this.list.replaceChildren();
      dom.table(this.list, {
        caption: `${partners.length} partners`,
        rows: partners,
        rowAttrs: (p) => ({ "data-id": String(p.id) }),
        columns: [{ label: "Name", cell: (p) => p.name }, { label: "Kind", cell: (p) => governance.kindLabel(p.kind) }],
      });
      this.list.dataset.state = "ready";
    } catch (error) {
      this.list.dataset.state = "error";
      dom.message(this.list, "error", `Could not load the partners: ${error.message}`);
    }
  }
}
