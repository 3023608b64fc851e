// The upload wizard: choose a file (uploaded with a progress bar and inspected), check the preview and
// the column mapping, describe the dataset (or choose the dataset it is a new version of) and how to
// publish, then follow the load to its result. One step is shown at a time; the step list goes back.
// The wizard reports the step shown in data-step, for the browser tests.
import { StepNav } from "./StepNav.js";
import { FileStep } from "./FileStep.js";
import { PreviewStep } from "./PreviewStep.js";
import { MetadataStep } from "./MetadataStep.js";
import { ProcessingStep } from "./ProcessingStep.js";

export class UploadWizard {
  constructor(element, { api, session, datasetId = null }) {
    Object.assign(this, { element, api, session });
    const body = (key) => element.querySelector(`#step-${key} .step-body`);
    this.reachable = new Set(["file"]);
    this.nav = new StepNav(element.querySelector("#steps"), { onChoose: (key) => this.go(key) });
    this.file = new FileStep(body("file"), { api, datasetId, onInspected: (inspection) => this._inspected(inspection) });
    this.preview = new PreviewStep(body("preview"), {
      api,
      onBack: () => this.go("file"),
      onConfirmed: (choice) => {
        this.metadata.setChoice(this.inspection, choice);
        this.reachable.add("metadata");
        this.go("metadata");
      },
    });
    this.metadata = new MetadataStep(body("metadata"), {
      api, session, datasetId,
      onBack: () => this.go("preview"),
      onQueued: (job) => this._queued(job),
    });
    this.processing = new ProcessingStep(body("processing"), {
      api,
      onFinished: (succeeded) => {
        this.reachable = new Set(succeeded ? ["processing"] : ["processing", "preview", "metadata"]);
        this.nav.set("processing", this.reachable);
      },
      onChangeMapping: () => this.go("preview"),
      onRestart: () => this.restart(),
    });
  }

  start() {
    this.element.hidden = false;
    this.metadata.start();
    this.go("file", { focus: false });
  }

  go(key, { focus = true } = {}) {
    for (const section of this.element.querySelectorAll(".wizard-step")) section.hidden = section.id !== `step-${key}`;
    this.current = key;
    this.element.dataset.step = key;
    this.nav.set(key, this.reachable);
    if (key === "preview") this.preview.shown();
    if (focus) {
      const heading = this.element.querySelector(`#step-${key} h2`);
      heading.focus({ preventScroll: true });
      this.element.scrollIntoView({ block: "start" });
    }
  }

  restart() {
    this.inspection = null;
    this.reachable = new Set(["file"]);
    this.file.reset();
    this.go("file");
  }

  _inspected(inspection) {
    this.inspection = inspection;
    this.reachable = new Set(["file", "preview"]);
    this.preview.show(inspection);
    this.go("preview");
  }

  _queued(job) {
    this.reachable = new Set(["processing"]);
    this.go("processing");
    this.processing.follow(job);
  }
}
