// The partnership's area: its name, districts and LSOAs, and a form to change it. Widening loads the added
// districts' boundaries, deprivation and population and keeps everything loaded; narrowing is refused while
// a dataset holds rows in a district it would drop (the API says which).
import { dom } from "../dom.js";
import { format } from "../format.js";

export class AreaPanel {
  constructor(element, { api }) {
    Object.assign(this, { element, api });
    this._build();
  }

  _build() {
    dom.el("h2", "card-title", this.element, "Partnership area");
    dom.el("p", "muted", this.element, "The districts whose boundaries, deprivation and population Patchwork loads. "
      + "Uploaded points outside them are counted nowhere and reported. Give district codes (2021, e.g. "
      + "E08000012,E06000006), a police force area's name (e.g. South Yorkshire) or england.");
    this.summary = dom.el("div", "", this.element);
    this.summary.id = "area-summary";
    const form = dom.el("form", "form-inline", this.element);
    form.id = "area-form";
    form.setAttribute("aria-label", "Change the partnership's area");
    const setting = dom.field(form, { id: "area-setting", name: "area", label: "Area", required: true,
      attrs: { maxlength: "4000", autocomplete: "off" } });
    const submit = dom.button(dom.el("div", "actions", form), "Change area", { className: "button button-primary", type: "submit" });
    this.feedback = dom.el("div", "form-feedback", this.element);
    this.feedback.id = "area-feedback";
    this.feedback.setAttribute("aria-live", "polite");
    form.addEventListener("submit", async (event) => {
      event.preventDefault();
      submit.disabled = true;
      dom.message(this.feedback, "loading", "Loading the added districts…");
      try {
        const change = await this.api.send("PUT", "/api/admin/area", { area: setting.value.trim() });
        const added = change.added.map((d) => d.name).join(", ");
        dom.message(this.feedback, "success", `The area is now ${change.area.name}`
          + (added ? `; added and loaded: ${added}.` : "."));
        await this.show();
      } catch (error) {
        dom.message(this.feedback, "error", error.message);
      } finally {
        submit.disabled = false;
      }
    });
    this.setting = setting;
  }

  async show() {
    this.summary.dataset.state = "loading";
    dom.message(this.summary, "loading", "Loading the area…");
    try {
      const area = await this.api.getJson("/api/admin/area");
      this.summary.replaceChildren();
      dom.el("p", "", this.summary, `${area.name}: ${format.number(area.districts.length)} districts, `
        + `${format.number(area.lsoas)} LSOAs.`);
      dom.table(this.summary, {
        caption: "Districts",
        rows: area.districts,
        columns: [{ label: "Code", cell: (d) => d.code }, { label: "Name", cell: (d) => d.name }],
      });
      if (!this.setting.value) this.setting.value = area.setting;
      this.summary.dataset.state = "ready";
    } catch (error) {
      this.summary.dataset.state = "error";
      dom.message(this.summary, "error", `Could not load the area: ${error.message}`);
    }
  }
}
