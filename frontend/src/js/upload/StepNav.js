// The wizard's four steps as an ordered list, always all in view: the current one is marked
// (aria-current="step"), those already reached are buttons that go back to them, the rest are disabled.
import { dom } from "../dom.js";

const STEPS = [
  { key: "file", label: "Choose a file" },
  { key: "preview", label: "Check the preview" },
  { key: "metadata", label: "Describe and publish" },
  { key: "processing", label: "Load and report" },
];

export class StepNav {
  constructor(list, { onChoose = () => {} } = {}) {
    this.list = list;
    this.buttons = new Map();
    STEPS.forEach(({ key, label }, i) => {
      const item = dom.el("li", "step", list);
      item.dataset.step = key;
      const button = dom.button(item, "", { className: "step-link", onClick: () => onChoose(key) });
      dom.el("span", "step-number", button, String(i + 1)).setAttribute("aria-hidden", "true");
      dom.el("span", "step-label", button, label);
      this.buttons.set(key, button);
    });
  }

  // current: the step shown; reachable: the keys that may be gone back (or forward) to.
  set(current, reachable) {
    let before = true;
    for (const { key } of STEPS) {
      const button = this.buttons.get(key);
      const item = button.closest("li");
      const isCurrent = key === current;
      if (isCurrent) before = false;
      item.classList.toggle("is-current", isCurrent);
      item.classList.toggle("is-done", before);
      if (isCurrent) button.setAttribute("aria-current", "step");
      else button.removeAttribute("aria-current");
      button.disabled = !isCurrent && !reachable.has(key);
    }
  }
}
