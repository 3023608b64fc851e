// Tells the person what the map is doing: loading, an error they can retry, or that nothing is loaded,
// plus an optional standing notice (e.g. basemap unavailable). Fires "retry" when Retry is pressed.
import { Control, DomEvent, DomUtil, Evented } from "leaflet";

export const StatusControl = Control.extend({
  includes: Evented.prototype,
  options: { position: "topleft" },

  onAdd() {
    const container = DomUtil.create("div", "pw-status");
    this._main = DomUtil.create("div", "pw-control status-control", container);
    this._main.setAttribute("aria-live", "polite");
    this._notice = DomUtil.create("div", "pw-control status-control status-notice", container);
    this._notice.setAttribute("aria-live", "polite");
    this._main.hidden = this._notice.hidden = true;
    DomEvent.disableClickPropagation(container);
    DomEvent.disableScrollPropagation(container);
    return container;
  },

  onRemove() {
    this._main = this._notice = null;
  },

  loading(message) {
    const box = this._render("loading", message);
    if (!box) return;
    const spinner = DomUtil.create("span", "spinner");
    spinner.setAttribute("aria-hidden", "true");
    box.prepend(spinner);
  },

  error(message) {
    const box = this._render("error", message);
    if (!box) return;
    box.setAttribute("role", "alert");
    const button = DomUtil.create("button", "pw-button", box);
    button.type = "button";
    button.textContent = "Retry";
    DomEvent.on(button, "click", () => this.fire("retry"));
    button.focus({ preventScroll: true });
  },

  empty(message) {
    this._render("empty", message);
  },

  clear() {
    if (!this._main) return;
    this._main.replaceChildren();
    this._main.hidden = true;
    delete this._main.dataset.kind;
  },

  // A standing remark that does not change the map's state; null or "" takes it away.
  notice(message) {
    if (!this._notice) return;
    this._notice.textContent = message ?? "";
    this._notice.hidden = !message;
  },

  _render(kind, message) {
    const main = this._main;
    if (!main) return null;
    main.replaceChildren();
    main.hidden = false;
    main.dataset.kind = kind;
    const box = DomUtil.create("div", `status status-${kind}`, main);
    DomUtil.create("span", "status-text", box).textContent = message;
    return box;
  },
});
