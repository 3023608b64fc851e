// Steps the map through the periods (months) of the dataset shown: a slider, previous and next buttons (and
// the arrow keys on the slider), and the period in words. Each step asks for that period's values by area code
// only — the boundaries stay in the browser — so a step moves kilobytes. Fires "step" with { key } for the
// period chosen; hidden while the map shows something without periods. data-period holds the key shown.
import { Control, DomEvent, DomUtil, Evented } from "leaflet";

export const TimeSliderControl = Control.extend({
  includes: Evented.prototype,
  // Top left under the zoom buttons (added before the status), clear of the picker, legend and attribution.
  options: { position: "topleft" },

  onAdd() {
    const box = this._box = DomUtil.create("div", "pw-control time-slider");
    box.setAttribute("role", "group");
    box.setAttribute("aria-label", "Step through periods");
    DomEvent.disableClickPropagation(box);
    DomEvent.on(box, "click", DomEvent.stopPropagation);
    DomEvent.disableScrollPropagation(box);
    this._previous = this._button("‹", "Previous period", -1);
    this._range = DomUtil.create("input", "time-slider-range", box);
    Object.assign(this._range, { type: "range", min: "0", step: "1", id: "pw-time" });
    this._range.setAttribute("aria-label", "Period");
    this._next = this._button("›", "Next period", 1);
    this._label = DomUtil.create("output", "time-slider-label", box);
    this._label.htmlFor = "pw-time";
    this._label.setAttribute("aria-live", "polite");
    DomEvent.on(this._range, "input", () => this._label.textContent = this._periods[Number(this._range.value)]?.label ?? "");
    DomEvent.on(this._range, "change", () => this._choose(Number(this._range.value)));
    this._draw();
    return box;
  },

  onRemove() {
    this._box = null;
  },

  // periods: [{ key, label }] oldest first; current: the key shown, or null when the map shows a longer span
  // (described by spanLabel). Fewer than two periods hide the slider.
  setPeriods(periods, current, spanLabel = "") {
    this._periods = periods ?? [];
    this._current = current;
    this._span = spanLabel;
    this._draw();
    return this;
  },

  _button(text, label, delta) {
    const button = DomUtil.create("button", "time-slider-step", this._box);
    Object.assign(button, { type: "button", textContent: text, title: label });
    button.setAttribute("aria-label", label);
    button.dataset.step = String(delta);
    DomEvent.on(button, "click", () => this._move(delta));
    return button;
  },

  // From a span (no single period), Next starts at the first period and Previous at the last.
  _move(delta) {
    const index = this._index();
    if (index < 0) this._choose(delta > 0 ? 0 : this._periods.length - 1);
    else this._choose(Math.min(this._periods.length - 1, Math.max(0, index + delta)));
  },

  _index() {
    return (this._periods ?? []).findIndex((p) => p.key === this._current);
  },

  _choose(index) {
    const period = this._periods[index];
    if (!period || period.key === this._current) return;
    this._current = period.key;
    this._draw();
    this.fire("step", { key: period.key });
  },

  _draw() {
    if (!this._box) return;
    const periods = this._periods ?? [];
    this._box.hidden = periods.length < 2;
    const index = this._index();
    this._range.max = String(Math.max(0, periods.length - 1));
    this._range.value = String(index < 0 ? periods.length - 1 : index);
    this._label.textContent = index < 0 ? this._span : periods[index].label;
    this._box.dataset.period = index < 0 ? "" : periods[index].key;
    this._previous.disabled = index === 0;
    this._next.disabled = index === periods.length - 1;
  },
});
