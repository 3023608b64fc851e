// The statistics fields of the layer picker: the measure, and the breakdown category and the period when
// the dataset has them, filled from the first answer of GET /api/datasets/{id}/statistics (until then
// the server's defaults are drawn), and a line saying what the person's access shows. Plain DOM inside
// the picker's form; the picker forwards change events.
import { DomUtil } from "leaflet";
import { statistics } from "../statistics.js";

function row(parent, id, text) {
  const field = DomUtil.create("div", "pw-field", parent);
  const label = DomUtil.create("label", "", field);
  label.htmlFor = id;
  label.textContent = text;
  const select = DomUtil.create("select", "pw-select", field);
  select.id = id;
  return select;
}

// A field with no choices is hidden; with one it is shown (it says what is drawn) but cannot be changed.
function fill(select, choices, selected) {
  select.replaceChildren(...choices.map(({ key, label }) => new Option(label, key, false, key === selected)));
  select.closest(".pw-field").hidden = choices.length === 0;
  select.disabled = choices.length < 2;
}

export class StatisticsFields {
  constructor(form) {
    this.box = DomUtil.create("fieldset", "pw-statistics", form);
    this.box.id = "pw-statistics";
    DomUtil.create("legend", "visually-hidden", this.box).textContent = "Statistics to show";
    this.measure = row(this.box, "pw-measure", "Measure");
    this.category = row(this.box, "pw-stat-category", "Breakdown");
    this.period = row(this.box, "pw-period", "Period");
    this.access = DomUtil.create("p", "pw-access", this.box);
    this.access.id = "pw-stat-access";
    this.setTheme(null);
  }

  // theme: a statistics theme (datasetLayers.js) or null to hide the fields. A new dataset empties them
  // until its first answer, so its server defaults are asked for.
  setTheme(theme) {
    this.box.hidden = !theme;
    this.box.disabled = !theme;
    if (this.theme === theme) return;
    this.theme = theme;
    this.answered = false;
    for (const select of [this.category, this.period]) fill(select, [], null);
    fill(this.measure, [{ key: "", label: "Loading the measures…" }], "");
    this.access.textContent = "";
  }

  // answer: GET /api/datasets/{id}/statistics; its chosen measure, category and period are selected.
  setAnswer(answer) {
    if (!this.theme) return;
    this.answered = true;
    const counts = new Set(answer.counts ?? []);
    fill(this.measure, (answer.measures ?? []).map((m) => ({ key: m, label: `${statistics.measureLabel(m)}${counts.has(m) ? " (count)" : ""}` })),
      answer.measure);
    fill(this.category, (answer.categories ?? []).map((c) => ({ key: c, label: c })), answer.category);
    fill(this.period, [...(answer.periods ?? [])].reverse().map((p) => ({ key: p, label: statistics.periodLabel(p) })), answer.period);
    this.access.textContent = statistics.accessLine(answer);
  }

  // Shows another of the answer's periods (the time slider's step).
  setPeriod(period) {
    if (this.theme && this.answered) this.period.value = period;
  }

  // { measure, category, period }: empty until the first answer (the server then chooses).
  value() {
    if (!this.theme) return null;
    if (!this.answered) return {};
    return { measure: this.measure.value || undefined, category: this.category.value || undefined,
      period: this.period.value || undefined };
  }
}
