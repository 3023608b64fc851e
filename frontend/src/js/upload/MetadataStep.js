// Step 3: what the file becomes — a new dataset (title, theme, description, source, licence, coverage,
// update frequency) or a new version of a dataset the person's partner owns — and what to do when some
// rows cannot be used: publish the valid ones, or nothing. Submitting queues the load (202 and a job).
import { dom } from "../dom.js";
import { mappingForm } from "../mappingForm.js";
import { uploads } from "../uploads.js";

function radio(parent, { id, name, value, label, hint, checked = false }) {
  const row = dom.el("div", "choice", parent);
  const input = dom.el("input", "", row);
  Object.assign(input, { type: "radio", id, name, value, checked });
  const text = dom.el("label", "", row, label);
  text.htmlFor = id;
  if (hint) {
    const note = dom.el("p", "field-hint", row, hint);
    note.id = `${id}-hint`;
    input.setAttribute("aria-describedby", note.id);
  }
  return input;
}

// The theme first offered for each kind of data, until the uploader chooses one.
const THEME_OF_KIND = { events: "crime", "area-statistics": "population", polygons: "boundaries" };

export class MetadataStep {
  constructor(element, { api, session, datasetId = null, onBack = () => {}, onQueued = () => {} }) {
    Object.assign(this, { element, api, session, datasetId, onQueued });
    this.summary = dom.el("p", "muted step-summary", element);
    const form = dom.el("form", "metadata-form", element);
    form.id = "metadata-form";
    form.noValidate = true;
    this.form = form;
    const target = dom.el("fieldset", "choices", form);
    dom.el("legend", "", target, "Load the file as");
    this.asNew = radio(target, { id: "target-new", name: "target", value: "new", label: "A new dataset", checked: true });
    this.asVersion = radio(target, { id: "target-version", name: "target", value: "version",
      label: "A new version of a dataset your partner owns",
      hint: "The new version replaces the current one when it is published; the dataset's description and sharing agreements stay." });
    this.newFields = this._newDatasetFields(form);
    this.versionFields = dom.el("div", "form-grid", form);
    this.versionOf = dom.field(this.versionFields, { id: "version-of", name: "datasetId", label: "Dataset", tag: "select" });
    dom.options(this.versionOf, [], { empty: "Loading your partner's datasets…" });
    this.versionFields.hidden = true;
    target.addEventListener("change", () => this._target());

    const publish = dom.el("fieldset", "choices", form);
    dom.el("legend", "", publish, "If some rows cannot be used");
    this.publishValid = radio(publish, { id: "publish-valid", name: "publishValidRows", value: "true",
      label: "Publish the valid rows (rejected ones are reported)" });
    radio(publish, { id: "publish-none", name: "publishValidRows", value: "false", checked: true,
      label: "Publish nothing if any row is rejected", hint: "The report then lists every row to fix before you upload again." });

    this.feedback = dom.el("div", "form-feedback", form);
    this.feedback.setAttribute("aria-live", "polite");
    const actions = dom.el("div", "actions step-actions", form);
    dom.button(actions, "Back: the preview", { onClick: onBack });
    this.submit = dom.button(actions, "Load the data", { className: "button button-primary", type: "submit" });
    this.submit.id = "metadata-submit";
    form.addEventListener("submit", (event) => {
      event.preventDefault();
      this._queue();
    });
  }

  _newDatasetFields(form) {
    const grid = dom.el("div", "form-grid", form);
    const span = (control) => control.closest(".field").classList.add("span-2");
    span(dom.field(grid, { id: "dataset-title", name: "title", label: "Title (required)", required: true,
      attrs: { maxlength: "200", autocomplete: "off" } }));
    this.theme = dom.field(grid, { id: "dataset-theme", name: "theme", label: "Theme", tag: "select" });
    dom.options(this.theme, uploads.THEMES, { selected: "crime" });
    this.theme.addEventListener("change", () => { this.themeChosen = true; });
    dom.field(grid, { id: "dataset-coverage", name: "coverage", label: "Coverage", hint: "The area and period, e.g. Merseyside, 2022." });
    span(dom.field(grid, { id: "dataset-description", name: "description", label: "Description", tag: "textarea" }));
    dom.field(grid, { id: "dataset-source", name: "source", label: "Source", hint: "Who produced the data, e.g. Merseyside Police." });
    dom.field(grid, { id: "dataset-licence", name: "licence", label: "Licence",
      hint: "e.g. Open Government Licence v3.0, or the sharing terms." });
    dom.options(dom.field(grid, { id: "dataset-frequency", name: "updateFrequency", label: "Update frequency", tag: "select" }),
      uploads.FREQUENCIES.map((f) => ({ key: f.toLowerCase(), label: f })), { empty: "Not stated" });
    return grid;
  }

  async start() {
    try {
      this.owned = uploads.ownedDatasets(this.session, await this.api.getJson("/api/datasets"));
    } catch (error) {
      this.owned = [];
      dom.options(this.versionOf, [], { empty: "Could not load your partner's datasets" });
      dom.message(this.feedback, "error", `Could not load your partner's datasets: ${error.message}. You can still load a new dataset.`);
      return;
    }
    dom.options(this.versionOf, this.owned.map((d) => ({ key: d.id, label: d.title })),
      { empty: this.owned.length ? "Choose the dataset…" : "Your partner owns no datasets yet", selected: this.datasetId ?? "" });
    this.asVersion.disabled = this.owned.length === 0;
    const chosen = this.owned.find((d) => String(d.id) === String(this.datasetId));
    if (chosen) {
      this.asVersion.checked = true;
      this._target();
    }
  }

  // What the preview confirmed: { mapping, epsg, ownGeometry, kind } for this inspection.
  setChoice(inspection, choice) {
    this.inspection = inspection;
    this.choice = choice;
    this.summary.textContent = `${inspection.fileName}: ${uploads.rowsText(inspection)}. `
      + mappingForm.summary(choice.mapping, { ownGeometry: choice.ownGeometry, epsg: choice.epsg });
    if (!this.themeChosen) this.theme.value = THEME_OF_KIND[choice.mapping?.kind] ?? "crime";
    this.feedback.replaceChildren();
  }

  _target() {
    const version = this.asVersion.checked;
    this.newFields.hidden = version;
    this.versionFields.hidden = !version;
  }

  async _queue() {
    const fields = Object.fromEntries(new FormData(this.form));
    const version = fields.target === "version";
    const invalid = version ? (fields.datasetId ? null : this.versionOf) : (fields.title?.trim() ? null : this.form.elements.title);
    for (const control of [this.versionOf, this.form.elements.title]) control.removeAttribute("aria-invalid");
    if (invalid) {
      invalid.setAttribute("aria-invalid", "true");
      dom.message(this.feedback, "error", version ? "Choose the dataset this file is a new version of." : "Give the dataset a title.");
      invalid.focus();
      return;
    }
    const { url, body } = uploads.submission({ uploadId: this.inspection.uploadId, mapping: this.choice.mapping, epsg: this.choice.epsg,
      publishValidRows: fields.publishValidRows === "true", datasetId: version ? fields.datasetId : null, metadata: fields });
    this.submit.disabled = true;
    dom.message(this.feedback, "loading", "Queueing the load…");
    try {
      const queued = await this.api.send("POST", url, body);
      this.feedback.replaceChildren();
      const title = version ? this.owned.find((d) => String(d.id) === String(fields.datasetId))?.title : body.title;
      this.onQueued({ ...queued, title, version, publishValidRows: body.publishValidRows });
    } catch (error) {
      dom.message(this.feedback, "error", `The load could not be queued: ${error.message}`);
    } finally {
      this.submit.disabled = false;
    }
  }
}
