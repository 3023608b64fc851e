// Step 4: follows the queued load (GET /api/jobs/{id} every second) through its stages with a progress
// bar and the rows processed, then shows the result or the failure (JobResult). A few failed polls in a
// row are shown with a Retry; the job itself carries on on the server either way.
import { dom } from "../dom.js";
import { uploads } from "../uploads.js";
import { JobResult } from "./JobResult.js";

const POLL_MS = 1000;
const TOLERATED_FAILURES = 3;

export class ProcessingStep {
  constructor(element, { api, onFinished = () => {}, onChangeMapping = () => {}, onRestart = () => {} }) {
    Object.assign(this, { element, api, onFinished });
    this.progress = dom.el("div", "job-progress", element);
    this.result = new JobResult(dom.el("div", "job-result", element), { api, onChangeMapping, onRestart });
  }

  // queued: the 202 answer { job, status } plus what the wizard knows (title, version, publishValidRows).
  follow(queued) {
    clearTimeout(this.timer);
    this.queued = queued;
    this.failures = 0;
    this.element.dataset.state = "loading";
    this.result.clear();
    this._drawProgress();
    this._poll();
  }

  _drawProgress() {
    this.progress.replaceChildren();
    this.progress.hidden = false;
    const label = dom.el("label", "progress-label", this.progress, `Loading ${this.queued.title ?? "the file"}`);
    this.bar = dom.el("progress", "progress-bar", this.progress);
    this.bar.id = "job-progress";
    this.bar.max = 100;
    this.bar.value = 0;
    label.htmlFor = this.bar.id;
    this.words = dom.el("p", "progress-words", this.progress, "Waiting its turn");
    this.words.id = "job-stage";
    this.words.setAttribute("aria-live", "polite");
    this.stages = dom.el("ol", "stage-list", this.progress);
    this.stages.setAttribute("aria-label", "Stages of the load");
    for (const { key, label: text } of uploads.STAGES) dom.el("li", "", this.stages, text).dataset.stage = key;
    this.problem = dom.el("div", "form-feedback", this.progress);
  }

  async _poll() {
    let job;
    try {
      job = await this.api.getJson(this.queued.status ?? `/api/jobs/${encodeURIComponent(this.queued.job)}`);
      this.failures = 0;
      this.problem.replaceChildren();
    } catch (error) {
      if (++this.failures >= TOLERATED_FAILURES) {
        const box = dom.message(this.problem, "error", `Could not check on the load: ${error.message}. It carries on without you.`);
        dom.button(box, "Retry", { className: "button button-small", onClick: () => { this.failures = 0; this._poll(); } });
        return;
      }
      this.timer = setTimeout(() => this._poll(), POLL_MS);
      return;
    }
    this._update(job);
    if (job.state === "succeeded" || job.state === "failed") {
      await this.result.show(job, this.queued);
      this.progress.hidden = true;
      this.element.dataset.state = job.state;
      this.onFinished(job.state === "succeeded");
      return;
    }
    this.timer = setTimeout(() => this._poll(), POLL_MS);
  }

  _update(job) {
    const { percent, text } = uploads.jobProgress(job);
    this.bar.value = percent;
    this.words.textContent = text;
    this.element.dataset.stage = job.stage ?? "";
    const current = uploads.stageIndex(job.stage);
    this.stages.querySelectorAll("li").forEach((li, i) => {
      const done = job.state === "succeeded" || i < current;
      li.classList.toggle("is-done", done);
      li.classList.toggle("is-current", i === current && !done);
      if (i === current && !done) li.setAttribute("aria-current", "step");
      else li.removeAttribute("aria-current");
    });
  }
}
