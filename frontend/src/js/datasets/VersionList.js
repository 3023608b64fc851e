// The versions of a dataset the person's partner owns: each upload's file, rows, period and the CRS it was
// read in, which one is current and which were withdrawn. The partner's data managers may withdraw a
// published version (with a confirming second press; the newest remaining one becomes current) and upload
// a new one.
import { dom } from "../dom.js";
import { format } from "../format.js";
import { uploads } from "../uploads.js";

function period(v) {
  if (!v.coverageStart) return "—";
  const [from, to] = [format.month(v.coverageStart), format.month(v.coverageEnd)];
  return from === to ? from : `${from} – ${to}`;
}

function badge({ key, label }) {
  const box = document.createElement("span");
  dom.badge(box, label, key);
  return box;
}

export class VersionList {
  constructor(element, { api, datasetId, mayManage = false, onChanged = () => {} }) {
    Object.assign(this, { element, api, datasetId, mayManage, onChanged });
    element.classList.add("version-list");
  }

  async load() {
    this.element.dataset.state = "loading";
    dom.message(this.element, "loading", "Loading the versions…");
    try {
      const versions = await this.api.getJson(`/api/datasets/${this.datasetId}/versions`);
      this._draw(versions);
      this.element.dataset.state = "ready";
    } catch (error) {
      this.element.dataset.state = "error";
      dom.message(this.element, "error", `Could not load the versions: ${error.message}`);
    }
  }

  _draw(versions) {
    this.element.replaceChildren();
    this.feedback = dom.el("div", "form-feedback", this.element);
    this.feedback.setAttribute("aria-live", "polite");
    dom.table(this.element, {
      caption: "Newest first. Maps and counts use the current version.",
      className: "data-table compact",
      empty: "No versions have been uploaded through Patchwork.",
      rows: [...versions].reverse(),
      rowAttrs: (v) => ({ "data-version": String(v.version), "data-status": uploads.versionStatus(v).key }),
      columns: [
        { label: "Version", className: "numeric", cell: (v) => String(v.version) },
        { label: "State", cell: (v) => badge(uploads.versionStatus(v)) },
        { label: "File", className: "wrap", cell: (v) => v.fileName },
        { label: "Period", className: "nowrap", cell: period },
        { label: "Source CRS", className: "nowrap", cell: (v) => uploads.crsLabel(v.sourceCrs) },
        { label: "Rows in", className: "numeric", cell: (v) => format.number(v.rowsIn) },
        { label: "Published", className: "numeric", cell: (v) => format.number(v.rowsPublished) },
        { label: "Rejected", className: "numeric", cell: (v) => format.number(v.rowsRejected) },
        { label: "Loaded", cell: (v) => `${format.dateTime(v.publishedAt)} by ${v.createdBy ?? "—"}` },
        ...(this.mayManage ? [{ label: "", cell: (v) => (v.status === "withdrawn" ? "" : this._withdraw(v)) }] : []),
      ],
    });
    if (this.mayManage) {
      const link = dom.el("a", "button", dom.el("p", "actions", this.element), "Upload a new version");
      link.href = `/upload.html?dataset=${encodeURIComponent(this.datasetId)}`;
      link.id = "upload-new-version";
    }
  }

  _withdraw(version) {
    const box = dom.el("div", "cell-actions", null);
    const start = dom.button(box, "Withdraw…", { className: "button button-small button-danger" });
    const confirm = dom.button(box, `Confirm: withdraw version ${version.version}`, { className: "button button-small button-danger-solid" });
    const cancel = dom.button(box, "Cancel", { className: "button button-small" });
    confirm.hidden = cancel.hidden = true;
    const asking = (yes) => {
      start.hidden = yes;
      confirm.hidden = cancel.hidden = !yes;
      (yes ? confirm : start).focus();
    };
    start.addEventListener("click", () => asking(true));
    cancel.addEventListener("click", () => asking(false));
    confirm.addEventListener("click", async () => {
      confirm.disabled = true;
      try {
        await this.api.send("POST", `/api/datasets/${this.datasetId}/versions/${version.version}/withdraw`);
        await this.load();
        dom.message(this.feedback, "success", `Version ${version.version} withdrawn.`);
        this.onChanged();
      } catch (error) {
        confirm.disabled = false;
        dom.message(this.feedback, "error", `Could not withdraw version ${version.version}: ${error.message}`);
      }
    });
    return box;
  }
}
