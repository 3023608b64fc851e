// Links to the server's picture of the map as it is: the crime counts shown (dataset, crime type, period,
// level) with the same classes, framed by the map's current bounds, as a PNG or a PDF. Shown for crime
// count layers only (the map images of indicators are on the indicators page).
import { Control, DomEvent, DomUtil } from "leaflet";
import { crime } from "../crime.js";
import { mapImageLinks } from "../mapImageLinks.js";

export const MapImageControl = Control.extend({
  options: { position: "bottomleft" },

  onAdd(map) {
    const container = DomUtil.create("div", "pw-control map-image-control");
    DomEvent.disableClickPropagation(container);
    this._links = [["Map image", "png"], ["PDF", "pdf"]].map(([text, format]) => {
      const a = DomUtil.create("a", "button", container);
      a.textContent = text;
      a.target = "_blank";
      a.rel = "noopener";
      a.dataset.format = format;
      // the address is made on click, so it frames the map as it is then
      DomEvent.on(a, "click", () => { a.href = this._url(map, format) ?? "#"; });
      return a;
    });
    this._links[0].id = "map-image-link";
    this.setChoice(this._choice);
    return container;
  },

  // choice: the map's { theme, level, crime: { category, from, to } }.
  setChoice(choice) {
    this._choice = choice;
    const container = this.getContainer();
    if (!container) return;
    container.hidden = !String(choice?.theme ?? "").startsWith("events:");
    for (const a of this._links) a.href = this._url(this._map, a.dataset.format) ?? "#";
  },

  _url(map, format) {
    const choice = this._choice;
    if (!map || !String(choice?.theme ?? "").startsWith("events:")) return null;
    const b = map.getBounds();
    return mapImageLinks.countsImageUrl(choice.theme.slice("events:".length), { level: choice.level, ...(choice.crime ?? {}) },
      crime.CLASSES, [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()], format);
  },
});
