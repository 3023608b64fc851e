// Step 1: a file chosen with the file input or dropped on the drop zone goes up at once, with a
// progress bar for the bytes sent, then the server looks into it (ogrinfo) and answers with the
// inspection. A file it cannot read is refused with the problem, and each problem in a table.
import { dom } from "../dom.js";
import { uploads } from "../uploads.js";
import { reportTable } from "./reportTable.js";

export class FileStep {
  constructor(element, { api, datasetId = null, onInspected = () => {} }) {
    Object.assign(this, { element, api, datasetId, onInspected });
    dom.el("p", "muted", element, "Point events with a date and a category, one row or feature each: a police.uk archive "
      + "(zip of monthly street files), a zipped Shapefile (.shp with its .shx and .dbf) or MapInfo file, GeoPackage, GeoJSON, "
      + "KML or KMZ, FlatGeobuf, or a CSV or Excel sheet with coordinate columns. Also statistics by area (a CSV or Excel "
      + "sheet keyed by LSOA, MSOA, ward or district code) and polygons (such as neighbourhood policing areas) in any of "
      + "the spatial formats.");
    this.zone = dom.el("div", "drop-zone", element);
    this.zone.id = "drop-zone";
    dom.el("p", "drop-zone-title", this.zone, "Drag a file here, or choose one");
    this.input = dom.field(this.zone, { id: "upload-file", name: "file", label: "File to upload", type: "file",
      hint: `Accepted: ${uploads.ACCEPTED.join(", ")}. Nothing is published until you confirm, after the preview.`,
      attrs: { accept: uploads.ACCEPTED.join(",") } });
    this.status = dom.el("div", "upload-status", element);
    this.status.setAttribute("aria-live", "polite");
    this.input.addEventListener("change", () => {
      if (this.input.files?.length) this.upload(this.input.files[0]);
    });
    this._dropTarget();
  }

  _dropTarget() {
    const over = (event) => {
      event.preventDefault();
      if (event.dataTransfer) event.dataTransfer.dropEffect = "copy";
      this.zone.classList.add("is-over");
    };
    this.zone.addEventListener("dragenter", over);
    this.zone.addEventListener("dragover", over);
    this.zone.addEventListener("dragleave", () => this.zone.classList.remove("is-over"));
    this.zone.addEventListener("drop", (event) => {
      event.preventDefault();
      this.zone.classList.remove("is-over");
      const files = event.dataTransfer?.files;
      if (!files?.length || this.element.dataset.state === "uploading") return;
      if (files.length > 1) {
        this._fail("Drop one file at a time; put a Shapefile's or MapInfo file's parts in one zip.");
        return;
      }
      this.upload(files[0]);
    });
  }

  reset() {
    this.controller?.abort();
    this.input.value = "";
    this.input.disabled = false;
    this.status.replaceChildren();
    this.element.dataset.state = "ready";
  }

  async upload(file) {
    if (!uploads.accepts(file.name)) {
      this._fail(`${file.name} is not a kind of file Patchwork reads. Accepted: ${uploads.ACCEPTED.join(", ")}.`);
      return;
    }
    this.controller = new AbortController();
    this.element.dataset.state = "uploading";
    this.input.disabled = true;
    const bar = this._progress(file);
    const data = new FormData();
    data.append("file", file, file.name);
    // for a new version, the preview offers the mapping confirmed for the dataset's last upload
    const url = this.datasetId ? `/api/uploads?datasetId=${encodeURIComponent(this.datasetId)}` : "/api/uploads";
    try {
      const inspection = await this.api.upload(url, data, {
        signal: this.controller.signal,
        onProgress: ({ loaded, total }) => bar.update(loaded, total),
      });
      this.status.replaceChildren();
      this.element.dataset.state = "ready";
      this.onInspected(inspection);
    } catch (error) {
      if (error.name === "AbortError") {
        dom.message(this.status, "note", `The upload of ${file.name} was cancelled.`);
        this.element.dataset.state = "ready";
      } else {
        this._fail(error.message, error.errors, file.name);
      }
    } finally {
      this.input.disabled = false;
      this.input.value = "";
    }
  }

  // The bar and its words; when every byte is sent the server is inspecting, which has no measure.
  _progress(file) {
    this.status.replaceChildren();
    const box = dom.el("div", "progress-box", this.status);
    const label = dom.el("label", "progress-label", box, `Uploading ${file.name}`);
    const bar = dom.el("progress", "progress-bar", box);
    bar.id = "upload-progress";
    label.htmlFor = bar.id;
    bar.max = 100;
    bar.value = 0;
    const words = dom.el("p", "progress-words", box, `0 of ${uploads.fileSize(file.size)}`);
    words.id = "upload-progress-words";
    const cancel = dom.button(box, "Cancel", { className: "button button-small", onClick: () => this.controller.abort() });
    return {
      update: (loaded, total) => {
        const percent = total > 0 ? Math.round((100 * loaded) / total) : 0;
        bar.value = percent;
        if (loaded < total) {
          words.textContent = `${uploads.fileSize(loaded)} of ${uploads.fileSize(total)} (${percent}%)`;
          return;
        }
        bar.removeAttribute("value");
        label.textContent = `Looking into ${file.name}`;
        words.textContent = `Uploaded ${uploads.fileSize(total)}. Reading its layers, columns and coordinates…`;
        cancel.hidden = true;
      },
    };
  }

  _fail(text, errors = null, fileName = null) {
    this.element.dataset.state = "error";
    const box = dom.message(this.status, "error", fileName ? `${fileName} cannot be loaded: ${text}` : text);
    box.id = "upload-error";
    // One problem with no row or column is the message itself; a table would only repeat it.
    const detailed = errors?.length > 1 || errors?.some((e) => e.row !== null && e.row !== undefined || e.column);
    if (detailed) reportTable(this.status, errors, { id: "upload-errors", one: "problem found", many: "problems found" });
    dom.el("p", "muted small", this.status, "Fix the file and choose it again.");
  }
}
