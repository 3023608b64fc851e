// The Leaflet map itself: no basemap by default (one is added only when configured), a pane for
// polygon overlays above the choropleth (only their outlines take clicks), a pane for context outlines
// that sits above them but lets clicks through, a pane for event points above those, and a hook for tests.
import * as L from "leaflet";

const ENGLAND = { center: [53.0, -1.8], zoom: 6 };

export function map(element, options = {}) {
  const { center = ENGLAND.center, zoom = ENGLAND.zoom, maxZoom = 18 } = options;
  const leafletMap = L.map(element, { center, zoom, maxZoom, zoomSnap: 0.25, preferCanvas: false });

  // The pane lets clicks through; the overlay's paths take them back on their outline (app.css).
  const overlays = leafletMap.createPane("overlays");
  overlays.style.zIndex = "440";
  overlays.style.pointerEvents = "none";
  const outlines = leafletMap.createPane("outlines");
  outlines.style.zIndex = "450";
  outlines.style.pointerEvents = "none";
  // Individual events sit above the outlines and take clicks.
  leafletMap.createPane("points").style.zIndex = "460";

  leafletMap.attributionControl.setPrefix(
    '<a href="https://leafletjs.com" title="A JavaScript library for interactive maps">Leaflet</a>');

  // Read by the browser test (and handy when debugging): the zoom level the map settled on.
  const recordZoom = () => { element.dataset.zoom = String(leafletMap.getZoom()); };
  leafletMap.on("zoomend", recordZoom);
  recordZoom();
  // And the box it shows (west,south,east,north), which the clusters of individual events are counted in.
  leafletMap.on("moveend", () => { element.dataset.bounds = leafletMap.getBounds().toBBoxString(); });
  return leafletMap;
}
