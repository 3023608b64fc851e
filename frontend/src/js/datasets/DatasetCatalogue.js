// The table of datasets the person may see, with what they may see of each. Choosing a title selects
// the dataset (fires onSelect with its id); the chosen row is marked with aria-current.
import { dom } from "../dom.js";
import { datasetKinds } from "../datasetKinds.js";
import { format } from "../format.js";
import { governance } from "../governance.js";

function coverage(d) {
  if (!d.coverageStart) return d.coverage ?? "—";
  const dates = d.coverageStart === d.coverageEnd ? format.date(d.coverageStart)
    : `${format.date(d.coverageStart)} – ${format.date(d.coverageEnd)}`;
  return d.coverage ? `${d.coverage}, ${dates}` : dates;
}

export class DatasetCatalogue {
  constructor(element, { api, onSelect = () => {} }) {
    Object.assign(this, { element, api, onSelect });
    this.entries = [];
  }

  async load() {
    dom.message(this.element, "loading", "Loading the datasets you may see…");
    try {
      this.entries = await this.api.getJson("/api/datasets");
    } catch (error) {
      const box = dom.message(this.element, "error", `Could not load the datasets: ${error.message}`);
      dom.button(box, "Retry", { className: "button button-small", onClick: () => this.load() });
      return false;
    }
    this._draw();
    return true;
  }

  entry(id) {
    return this.entries.find(({ dataset }) => String(dataset.id) === String(id)) ?? null;
  }

  mark(id) {
    for (const row of this.element.querySelectorAll("tr[data-id]")) {
      if (row.dataset.id === String(id)) row.setAttribute("aria-current", "true");
      else row.removeAttribute("aria-current");
    }
  }

  _draw() {
    this.element.replaceChildren();
    dom.table(this.element, {
      caption: `${this.entries.length} datasets. Choose a title for its details, load issues and sharing agreements.`,
      empty: "There are no datasets you may see yet. Ask a data manager about a sharing agreement.",
      rows: this.entries,
      rowAttrs: ({ dataset }) => ({ "data-id": String(dataset.id), "data-slug": dataset.slug, "data-kind": dataset.kind ?? "" }),
      columns: [
        { label: "Dataset", cell: ({ dataset }) => this._title(dataset) },
        { label: "Kind", cell: ({ dataset }) => datasetKinds.label(dataset.kind) },
        { label: "Theme", cell: ({ dataset }) => (dataset.theme ? dataset.theme[0].toUpperCase() + dataset.theme.slice(1) : "—") },
        { label: "Owner", cell: ({ dataset }) => (dataset.openData ? "Open data" : dataset.ownerPartner ?? "—") },
        { label: "Licence", cell: ({ dataset }) => dataset.licence },
        { label: "Coverage", cell: ({ dataset }) => coverage(dataset) },
        { label: "Rows loaded", className: "numeric", cell: ({ dataset }) => format.number(dataset.rowsLoaded) },
        { label: "Rejected", className: "numeric", cell: ({ dataset }) => format.number(dataset.rowsRejected) },
        { label: "Your access", cell: ({ access }) => this._access(access) },
      ],
    });
  }

  _title(dataset) {
    const box = document.createElement("div");
    const button = dom.button(box, dataset.title, { className: "link-button" });
    button.addEventListener("click", () => this.onSelect(dataset.id));
    dom.el("div", "muted small", box, dataset.slug);
    return box;
  }

  _access(access) {
    const box = document.createElement("div");
    dom.badge(box, governance.levelLabel(access.level), access.level);
    const geography = access.minGeography && access.level !== "metadata" ? `${governance.geographyLabel(access.minGeography)} and up` : null;
    const suppression = access.disclosure === "cell-key" ? "small numbers adjusted to protect people" : null;
    dom.el("div", "muted small", box, [geography, suppression, access.basis].filter(Boolean).join(" · "));
    return box;
  }
}
