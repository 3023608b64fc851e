// Step 2: what Patchwork found in the file (format, layer, features, fields), where it is (a small map),
// what kind of data it is (point events, statistics by area, polygons), its coordinate reference system
// (not asked for statistics, which are placed by area code), the column mapping for that kind to confirm
// or correct, and the sample rows with the mapped columns highlighted. Continue checks the mapping is
// complete before the next step. The step's element carries data-kind, the kind chosen.
import { dom } from "../dom.js";
import { format } from "../format.js";
import { mappingForm } from "../mappingForm.js";
import { samplePlaces } from "../samplePlaces.js";
import { uploads } from "../uploads.js";
import { CrsChoice } from "./CrsChoice.js";
import { KindChoice } from "./KindChoice.js";
import { MappingFields } from "./MappingFields.js";
import { PreviewMap } from "./PreviewMap.js";
import { SampleTable } from "./SampleTable.js";

export class PreviewStep {
  constructor(element, { api, onBack = () => {}, onConfirmed = () => {} }) {
    Object.assign(this, { element, onConfirmed });
    // Points that fall outside the partnership's area (from a sample of the file): a warning nobody can miss.
    this.areaWarning = dom.el("div", "area-check", element);
    this.areaWarning.id = "preview-area-check";
    const columns = dom.el("div", "preview-columns", element);
    this.facts = dom.el("dl", "facts facts-wide preview-facts", columns);
    this.facts.id = "preview-facts";
    this.map = new PreviewMap(dom.el("div", "preview-where", columns), { api });
    this.kind = new KindChoice(dom.el("div", "kind-choice-box", element), { onChange: (kind) => this._kindChanged(kind) });
    this.crs = new CrsChoice(dom.el("div", "crs-choice", element), { onChange: () => this._changed() });
    this.mappingSource = dom.el("p", "muted", element);
    this.mappingSource.id = "mapping-source";
    this.mapping = new MappingFields(dom.el("div", "", element), { onChange: () => this._changed() });
    const sample = dom.el("section", "subsection", element);
    dom.el("h3", "", sample, "Sample rows");
    this.sample = new SampleTable(dom.el("div", "", sample));
    this.problems = dom.el("div", "form-feedback", element);
    this.problems.id = "preview-problems";
    const actions = dom.el("div", "actions step-actions", element);
    dom.button(actions, "Back: choose another file", { onClick: onBack });
    this.next = dom.button(actions, "Continue", { className: "button button-primary", onClick: () => this._confirm() });
    this.next.id = "preview-continue";
  }

  show(inspection) {
    this.inspection = inspection;
    this.ownGeometry = uploads.hasOwnGeometry(inspection);
    this.problems.replaceChildren();
    this._areaCheck(inspection.areaCheck);
    const state = mappingForm.initialState(inspection);
    this.kind.show(state.kind, { ownGeometry: this.ownGeometry });
    this.crs.show(inspection);
    this.mapping.show(inspection.fields ?? [], state, { ownGeometry: this.ownGeometry, dateOrder: inspection.dateOrder ?? null });
    this.mappingSource.textContent = inspection.mappingSource === "remembered"
      ? "The mapping below is the one confirmed for this dataset's last upload; correct it if this file differs." : "";
    this.mappingSource.hidden = inspection.mappingSource !== "remembered";
    this._applyKind(state.kind);
    this.sample.show(inspection, this.mapping.value());
    this._drawMap();
  }

  _areaCheck(check) {
    this.areaWarning.replaceChildren();
    if (!check) return;
    if (check.warning) {
      const box = dom.message(this.areaWarning, "warning", check.warning);
      box.setAttribute("role", "alert");
    } else if (Number(check.outside) > 0) {
      dom.message(this.areaWarning, "note", `${check.summary}; those points will be kept out of every count.`);
    }
  }

  _kindChanged(kind) {
    this.mapping.setKind(kind);
    this._applyKind(kind);
    this._changed();
  }

  // Statistics are placed by their area codes, so their coordinate system does not matter.
  _applyKind(kind) {
    this.chosenKind = kind;
    this.element.dataset.kind = kind;
    this.crs.element.hidden = kind === "area-statistics";
    this._facts(this.inspection);
  }

  // The step is on screen: the map can measure itself.
  shown() {
    this.map.refresh();
  }

  _facts(inspection) {
    this.facts.replaceChildren();
    const rows = [["File", inspection.fileName], ["Format", inspection.format], ["Layer", inspection.layer],
      ["Geometry", this.ownGeometry ? inspection.geometryType
        : this.chosenKind === "area-statistics" ? "None (rows are placed by their area code)" : "None (coordinates in columns)"],
      ["Rows", uploads.rowsText(inspection, { noun: false })],
      ["Fields", `${(inspection.fields ?? []).length}: ${(inspection.fields ?? []).join(", ")}`]];
    for (const [term, value] of rows) {
      dom.el("dt", "", this.facts, term);
      dom.el("dd", "", this.facts, value ?? "—").dataset.fact = term.toLowerCase();
    }
    const files = inspection.files ?? [];
    if (files.length > 1) {
      dom.el("dt", "", this.facts, "Files");
      const list = dom.el("details", "file-list", dom.el("dd", "", this.facts));
      dom.el("summary", "", list, `${files.length} files, read as one dataset`);
      const items = dom.el("ul", "", list);
      for (const file of files) dom.el("li", "", items, file);
    }
  }

  _changed() {
    const mapping = this.mapping.value();
    this.sample.highlight(mapping);
    this._drawMap();
    if (this.problems.childElementCount) this._check(mapping);
  }

  _drawMap() {
    const inspection = this.inspection;
    if (this.chosenKind === "area-statistics") {
      this.map.show({ text: "Statistics by area carry no coordinates: each row is drawn on the map as the area its code "
        + "names, on the boundaries Patchwork holds." });
      return;
    }
    if (!this.ownGeometry) {
      const mapping = this.mapping.value();
      const { points, unplaced } = samplePlaces.points(inspection.sample, mapping);
      const shown = (inspection.sample ?? []).length;
      const text = !mapping.x || !mapping.y ? "Choose the x and y columns to see the sample rows on the map."
        : !mapping.xyEpsg ? "Choose the coordinate system of the x and y columns to see the sample rows on the map."
          : points.length === 0 ? `None of the ${shown} sample rows can be placed from ${mapping.x} and ${mapping.y} in EPSG:${mapping.xyEpsg}.`
            : `${points.length} of the first ${shown} rows, placed from ${mapping.x} and ${mapping.y} (EPSG:${mapping.xyEpsg})`
              + `${unplaced ? `; ${unplaced} could not be placed` : ""}.`;
      this.map.show({ points, text });
      return;
    }
    const epsg = this.crs.effective();
    const bounds = samplePlaces.extentBounds(inspection.extent, epsg);
    const text = bounds
      ? `The area the file's ${format.number(inspection.featureCount)} features cover (EPSG:${epsg}); the sample rows carry no coordinates.`
      : !inspection.extent ? "The file does not say where its features are."
        : !epsg ? "Give the coordinate system to see where the file's features are."
          : `The preview can only draw EPSG:4326 and 27700; the load will convert EPSG:${epsg}.`;
    this.map.show({ bounds, text });
  }

  _check(mapping) {
    const problems = mappingForm.mappingProblems(mapping, { ownGeometry: this.ownGeometry,
      crsUnknown: this.crs.unknown && mapping.kind !== "area-statistics", epsg: this.crs.value(),
      dateOrderAsked: uploads.asksDateOrder(this.inspection, mapping) });
    const kindProblem = this.kind.mark(problems.some((p) => p.key === "kind"));
    const first = this.mapping.mark(problems) ?? kindProblem;
    const epsg = this.element.querySelector("#crs-epsg");
    if (epsg && problems.some((p) => p.key === "epsg")) epsg.setAttribute("aria-invalid", "true");
    else epsg?.removeAttribute("aria-invalid");
    this.problems.replaceChildren();
    if (problems.length === 0) return null;
    const box = dom.message(this.problems, "error", "Before continuing:");
    const list = dom.el("ul", "problem-list", box);
    for (const { message } of problems) dom.el("li", "", list, message);
    return first ?? (problems.some((p) => p.key === "epsg") ? epsg : null) ?? this.next;
  }

  _confirm() {
    const mapping = this.mapping.value();
    const invalid = this._check(mapping);
    if (invalid) {
      invalid.focus();
      return;
    }
    const epsg = mapping.kind === "area-statistics" ? null : this.crs.value();
    this.onConfirmed({ mapping, epsg, ownGeometry: this.ownGeometry, kind: mapping.kind });
  }
}
