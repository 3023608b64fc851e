// A button on the map that exports the layer shown; fires "export" (main.js opens the export dialog).
import { Control, DomEvent, DomUtil, Evented } from "leaflet";

export const ExportControl = Control.extend({
  includes: Evented.prototype,
  options: { position: "topright" },

  onAdd() {
    const container = DomUtil.create("div", "pw-control export-control");
    const button = DomUtil.create("button", "pw-button", container);
    button.type = "button";
    button.id = "export-layer";
    button.textContent = "Export layer…";
    button.title = "Download the layer shown as Shapefile, GeoPackage, KML, GeoJSON, CSV or MapInfo TAB";
    DomEvent.disableClickPropagation(container);
    DomEvent.on(button, "click", () => this.fire("export"));
    return container;
  },
});
