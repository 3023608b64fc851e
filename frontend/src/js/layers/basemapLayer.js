// The optional background map. Patchwork must work offline, so with no URL configured there is no
// tile layer at all; the choropleth and district outlines carry the map on their own.
import { tileLayer } from "leaflet";
import { format } from "../format.js";

export function basemapLayer(config, options = {}) {
  const url = config?.basemapUrl?.trim();
  if (!url) return null;
  const { maxZoom = 19, onTileError = () => {} } = options;
  const layer = tileLayer(url, {
    maxZoom,
    attribution: format.escapeHtml(config.basemapAttribution ?? ""),
    crossOrigin: true,
  });
  layer.once("tileerror", onTileError);
  return layer;
}
