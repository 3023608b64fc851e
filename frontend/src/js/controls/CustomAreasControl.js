// "Custom areas" on the map: draw a polygon (Leaflet.draw) or paste/upload LSOA codes, name it and save it for the
// whole partnership; list the saved areas (shown on the map from the custom-areas OGC collection), zoom to one,
// open its profile, delete it. A drawn area is counted as the LSOAs whose middle lies inside the drawing; the
// map shows those LSOAs once saved. data-custom-areas on the control is what the browser tests wait for.
import * as L from "leaflet";
import { Control, DomEvent, DomUtil, GeoJSON } from "leaflet";
import { lsoaCodes } from "../lsoaCodes.js";

const DRAW = "/webjars/leaflet-draw/1.0.2/dist/";
let drawLoaded = null;

// Leaflet.draw is a classic script that adds to a global L; the ES module namespace is frozen, so it gets a copy
// whose classes are the module's own (what it extends is shared).
function loadDraw() {
  if (!drawLoaded) {
    drawLoaded = new Promise((resolve, reject) => {
      globalThis.L = globalThis.L ?? { ...L };
      const css = document.createElement("link");
      Object.assign(css, { rel: "stylesheet", href: `${DRAW}leaflet.draw.css` });
      document.head.append(css);
      const script = document.createElement("script");
      script.src = `${DRAW}leaflet.draw.js`;
      script.onload = () => resolve(globalThis.L);
      script.onerror = () => reject(new Error("the drawing tools could not be loaded"));
      document.head.append(script);
    });
  }
  return drawLoaded;
}

export const CustomAreasControl = Control.extend({
  options: { position: "topleft", api: null },

  onAdd(map) {
    this._map = map;
    this._shapes = new GeoJSON(null, { style: { color: "#6a3d9a", weight: 2, fillOpacity: 0.08, dashArray: "4 3" },
      onEachFeature: (feature, layer) => layer.bindTooltip(feature.properties?.name ?? feature.id) }).addTo(map);
    const box = DomUtil.create("details", "pw-control custom-areas-control");
    DomEvent.disableClickPropagation(box);
    DomEvent.disableScrollPropagation(box);
    DomUtil.create("summary", "", box).textContent = "Custom areas";
    const form = DomUtil.create("form", "pw-custom-form", box);
    form.noValidate = true;
    this._name = this._field(form, "pw-custom-name", "Name", "input");
    this._name.maxLength = 200;
    this._codes = this._field(form, "pw-custom-lsoas", "LSOA codes (paste, or draw below)", "textarea");
    this._codes.rows = 3;
    this._file = this._field(form, "pw-custom-file", "…or upload a list", "input");
    this._file.type = "file";
    this._file.accept = ".csv,.txt,text/csv,text/plain";
    DomEvent.on(this._file, "change", () => this._readFile());
    const buttons = DomUtil.create("div", "pw-custom-buttons", form);
    this._drawButton = DomUtil.create("button", "pw-button", buttons);
    Object.assign(this._drawButton, { type: "button", textContent: "Draw on map" });
    DomEvent.on(this._drawButton, "click", () => this._draw());
    const save = DomUtil.create("button", "pw-button", buttons);
    Object.assign(save, { type: "submit", textContent: "Save" });
    DomEvent.on(form, "submit", (event) => { DomEvent.preventDefault(event); this._save(); });
    this._message = DomUtil.create("p", "pw-custom-message", box);
    this._message.setAttribute("aria-live", "polite");
    this._list = DomUtil.create("ul", "pw-custom-list", box);
    this._box = box;
    this.refresh();
    return box;
  },

  onRemove() {
    this._shapes?.remove();
    this._drawn?.remove();
  },

  _field(form, id, text, tag) {
    const row = DomUtil.create("div", "pw-field", form);
    const label = DomUtil.create("label", "", row);
    label.htmlFor = id;
    label.textContent = text;
    const input = DomUtil.create(tag, "pw-input", row);
    input.id = id;
    return input;
  },

  _say(text, kind = "info") {
    this._message.textContent = text;
    this._message.dataset.kind = kind;
  },

  async _readFile() {
    const file = this._file.files?.[0];
    if (!file) return;
    const codes = lsoaCodes(await file.text());
    this._codes.value = codes.join("\n");
    this._say(`${codes.length} LSOA codes read from ${file.name}.`);
  },

  async _draw() {
    try {
      const draw = await loadDraw();
      this._drawn?.remove();
      this._geometry = null;
      const handler = new draw.Draw.Polygon(this._map, { shapeOptions: { color: "#6a3d9a" } });
      this._map.once(draw.Draw.Event.CREATED, ({ layer }) => {
        this._drawn = layer.addTo(this._map);
        this._geometry = layer.toGeoJSON().geometry;
        this._codes.value = "";
        this._say("Drawn. Name it and save: it will be made of the LSOAs whose middle lies inside the drawing.");
      });
      handler.enable();
      this._say("Click the map to add corners; click the first corner to finish.");
    } catch (error) {
      this._say(error.message, "error");
    }
  },

  async _save() {
    const name = this._name.value.trim();
    // pasted text goes as it is: the server splits it and names every code that is not a loaded LSOA
    const codes = this._codes.value.trim();
    if (!name) return this._say("Give the area a name.", "error");
    if (!this._geometry && !codes) return this._say("Paste LSOA codes or draw the area first.", "error");
    const body = this._geometry && !codes ? { name, geometry: this._geometry } : { name, lsoas: codes };
    this._say("Saving…");
    try {
      const saved = await this.options.api.send("POST", "/api/custom-areas", body);
      this._say(`Saved “${saved.name}” (${saved.code}): ${saved.lsoaCount} LSOAs.`, "success");
      this._name.value = "";
      this._codes.value = "";
      this._geometry = null;
      this._drawn?.remove();
      await this.refresh();
    } catch (error) {
      this._say(`Not saved: ${error.message}`, "error");
    }
  },

  async refresh() {
    const api = this.options.api;
    try {
      const [areas, shapes] = await Promise.all([api.getJson("/api/custom-areas"), api.features("custom-areas")]);
      this._shapes.clearLayers().addData(shapes);
      this._list.replaceChildren();
      for (const area of areas) {
        const item = DomUtil.create("li", "pw-custom-item", this._list);
        item.dataset.code = area.code;
        const zoom = DomUtil.create("button", "link-button", item);
        Object.assign(zoom, { type: "button", textContent: `${area.name} (${area.lsoaCount} LSOAs)` });
        DomEvent.on(zoom, "click", () => this._zoomTo(area.code));
        const profile = DomUtil.create("a", "pw-custom-profile", item);
        Object.assign(profile, { href: `/api/areas/${encodeURIComponent(area.code)}/profile`, textContent: "profile" });
        const remove = DomUtil.create("button", "link-button", item);
        Object.assign(remove, { type: "button", textContent: "delete", title: `Delete ${area.name}` });
        DomEvent.on(remove, "click", () => this._delete(area));
      }
      if (areas.length === 0) DomUtil.create("li", "pw-custom-empty", this._list).textContent = "No custom areas saved yet.";
      this._box.dataset.customAreas = String(areas.length);
    } catch (error) {
      this._say(`Custom areas could not be loaded: ${error.message}`, "error");
      this._box.dataset.customAreas = "error";
    }
  },

  _zoomTo(code) {
    const layer = this._shapes.getLayers().find((l) => l.feature?.id === code);
    if (layer) this._map.fitBounds(layer.getBounds());
  },

  async _delete(area) {
    try {
      await this.options.api.send("DELETE", `/api/custom-areas/${encodeURIComponent(area.id)}`);
      this._say(`Deleted “${area.name}”.`);
      await this.refresh();
    } catch (error) {
      this._say(`Not deleted: ${error.message}`, "error");
    }
  },
});
