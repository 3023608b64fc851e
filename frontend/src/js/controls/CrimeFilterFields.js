// The crime fields of the layer picker: crime type, first and last month, and (for record-level access,
// with one month chosen) whether to draw the individual crimes; and a line saying what the person's
// access shows. Plain DOM inside the picker's form; the picker forwards change events.
import { DomUtil } from "leaflet";
import { crime } from "../crime.js";
import { format } from "../format.js";

function row(parent, id, text, tag = "select") {
  const field = DomUtil.create("div", "pw-field", parent);
  const label = DomUtil.create("label", "", field);
  label.htmlFor = id;
  label.textContent = text;
  const control = DomUtil.create(tag, tag === "select" ? "pw-select" : "", field);
  control.id = id;
  return control;
}

export class CrimeFilterFields {
  constructor(form) {
    this.box = DomUtil.create("fieldset", "pw-crime", form);
    DomUtil.create("legend", "visually-hidden", this.box).textContent = "Crime filters";
    this.category = row(this.box, "pw-category", "Crime type");
    const months = DomUtil.create("div", "pw-months", this.box);
    this.from = row(months, "pw-from", "From");
    this.to = row(months, "pw-to", "To");
    const points = DomUtil.create("div", "pw-check", this.box);
    this.points = DomUtil.create("input", "", points);
    Object.assign(this.points, { type: "checkbox", id: "pw-points" });
    const label = DomUtil.create("label", "", points);
    label.htmlFor = "pw-points";
    label.textContent = "Show individual crimes";
    this.pointsHint = DomUtil.create("p", "pw-hint", this.box);
    this.pointsHint.id = "pw-points-hint";
    this.points.setAttribute("aria-describedby", this.pointsHint.id);
    this.access = DomUtil.create("p", "pw-access", this.box);
    this.access.id = "pw-access";
    this.setTheme(null);
  }

  // theme: { categories, months, disclosure, points } or null to hide the fields.
  setTheme(theme) {
    this.theme = theme;
    this.box.hidden = !theme;
    this.box.disabled = !theme;
    if (!theme || this._filled === theme) return;
    this._filled = theme;
    // With disclosure control the server adjusts every count (cell-key method) and counts a month, a
    // quarter, a year or all months (any range could be averaged with overlapping ones), so those people
    // choose one of those periods; any crime type or all of them.
    this.periods = crime.periodsOnly(theme.disclosure);
    const types = theme.categories.map((c) => new Option(c.name ?? c.code, c.code));
    // What one event is called (datasetLabels.js): only a crime dataset has crime types and individual crimes.
    const noun = theme.noun ?? { many: "crimes", type: "Crime type", allTypes: "All crime types" };
    this.category.labels[0].textContent = noun.type;
    this.points.labels[0].textContent = `Show individual ${noun.many}`;
    this.category.replaceChildren(new Option(noun.allTypes, ""), ...types);
    const months = theme.months.map((m) => new Option(format.month(m), m));
    this.to.replaceChildren(...months.map((o) => new Option(o.text, o.value)));
    if (this.periods) {
      this.from.replaceChildren(...crime.periodChoices(theme.months).map((p) => new Option(p.label, `${p.from}|${p.to}`)));
      this.from.value = "|";
    } else {
      this.from.replaceChildren(...months);
      this.from.value = theme.months[0] ?? "";
    }
    this.to.value = theme.months.at(-1) ?? "";
    this.from.labels[0].textContent = this.periods ? "Period" : "From";
    this.to.closest(".pw-field").hidden = this.periods;
    this.access.textContent = crime.accessLine(theme.disclosure);
    this._pointsState();
  }

  // Keeps From no later than To, whichever was changed, and the points box in step.
  onChange(target) {
    if (!this.theme) return;
    if (this.periods) {
      this._pointsState();
      return;
    }
    if (target === this.from && this.to.value < this.from.value) this.to.value = this.from.value;
    if (target === this.to && this.from.value > this.to.value) this.from.value = this.to.value;
    this._pointsState();
  }

  // Shows one month (the time slider's step), as a period under disclosure control or as From and To.
  setMonth(month) {
    if (!this.theme) return;
    if (this.periods) this.from.value = `${month}|${month}`;
    else this.from.value = this.to.value = month;
    this._pointsState();
  }

  value() {
    if (!this.theme) return null;
    const [from, to] = this.periods ? this.from.value.split("|") : [this.from.value, this.to.value];
    return { category: this.category.value, from, to, points: this.points.checked && !this.points.disabled };
  }

  _pointsState() {
    const allowed = Boolean(this.theme?.points);
    const [from, to] = this.periods ? this.from.value.split("|") : [this.from.value, this.to.value];
    const oneMonth = Boolean(from) && from === to;
    this.points.closest(".pw-check").hidden = !allowed;
    this.pointsHint.hidden = !allowed;
    this.points.disabled = !allowed || !oneMonth;
    if (this.points.disabled) this.points.checked = false;
    const noun = this.theme?.noun ?? { one: "crime", many: "crimes" };
    this.pointsHint.textContent = oneMonth
      ? `Every ${noun.one} of the month: a dot each, or a circle with the number of those close together until you zoom in.`
      : `Choose a single month to show individual ${noun.many}.`;
  }
}
