// An ARIA tab list: buttons with role="tab" controlling role="tabpanel" sections. Arrow keys, Home and
// End move between tabs; the chosen tab is kept in the address hash (#users) so it survives a reload.
// Fires onShow(key) each time a tab is shown, so its panel can load fresh data.
export class Tabs {
  constructor(list, { onShow = () => {} } = {}) {
    this.list = list;
    this.onShow = onShow;
    this.tabs = [...list.querySelectorAll("[role='tab']")];
    for (const tab of this.tabs) {
      tab.addEventListener("click", () => this.show(tab.dataset.tab));
      tab.addEventListener("keydown", (event) => this._key(event, tab));
    }
  }

  show(key, { focus = false } = {}) {
    const chosen = this.tabs.find((t) => t.dataset.tab === key) ?? this.tabs[0];
    for (const tab of this.tabs) {
      const selected = tab === chosen;
      tab.setAttribute("aria-selected", String(selected));
      tab.tabIndex = selected ? 0 : -1;
      document.getElementById(tab.getAttribute("aria-controls")).hidden = !selected;
    }
    if (focus) chosen.focus();
    history.replaceState(null, "", `#${chosen.dataset.tab}`);
    this.onShow(chosen.dataset.tab);
  }

  _key(event, tab) {
    const index = this.tabs.indexOf(tab);
    const last = this.tabs.length - 1;
    const next = { ArrowRight: index === last ? 0 : index + 1, ArrowLeft: index === 0 ? last : index - 1, Home: 0, End: last }[event.key];
    if (next === undefined) return;
    event.preventDefault();
    this.show(this.tabs[next].dataset.tab, { focus: true });
  }
}
