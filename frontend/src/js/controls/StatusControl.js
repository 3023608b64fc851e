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

  // A standing remark that does not change the map's state. It stays until the person dismisses it (no timer
  // hides a warning): a new remark on the same topic (key) replaces it, and notice(null, key) takes it away only
  // when what it was about is gone (the selection it described). Each has a Dismiss button.
  notice(message, key = "general") {
    if (!this._notice) return;
    const old = [...this._notice.children].find((item) => item.dataset.key === key);
    if (!message) {
      old?.remove();
    } else {
      const item = DomUtil.create("div", "status-notice-item");
      item.dataset.key = key;
      DomUtil.create("span", "status-text", item).textContent = message;
      const dismiss = DomUtil.create("button", "pw-dismiss", item);
      Object.assign(dismiss, { type: "button", textContent: "×", title: "Dismiss" });
      dismiss.setAttribute("aria-label", "Dismiss this notice");
      DomEvent.on(dismiss, "click", () => {
        item.remove();
        this._notice.hidden = this._notice.children.length === 0;
      });
      if (old) old.replaceWith(item);
      else this._notice.append(item);
    }
    this._notice.hidden = this._notice.children.length === 0;
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
