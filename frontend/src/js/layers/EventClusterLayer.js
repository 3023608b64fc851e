// Every event of a selection in the map's view (GET /api/datasets/{id}/clusters, record-level access only):
// single events as dots with their popup (EventPointsLayer), events close together as a circle with their
// number, which zooms in to them when clicked (or, when they all share one map point, says so). Clusters are
// `div.crime-cluster` with data-count; nothing of the selection is left out.
import { DivIcon, LayerGroup, Marker, DomUtil } from "leaflet";
import { EventPointsLayer } from "./EventPointsLayer.js";
import { format } from "../format.js";

const size = (count) => (count >= 1000 ? 46 : count >= 100 ? 38 : 30);

function icon(count) {
  const side = size(count);
  return new DivIcon({ className: "crime-cluster", html: `<span>${format.number(count)}</span>`, iconSize: [side, side] });
}

// answer: the clusters answer; noun: { one, many } (datasetLabels.js).
export const EventClusterLayer = LayerGroup.extend({
  initialize(answer, { noun = { one: "crime", many: "crimes" } } = {}) {
    LayerGroup.prototype.initialize.call(this, []);
    const features = (answer.points ?? []).map((p) => ({ type: "Feature", id: p.id,
      geometry: { type: "Point", coordinates: [p.lon, p.lat] }, properties: p }));
    this.addLayer(new EventPointsLayer({ type: "FeatureCollection", features }));
    for (const cluster of answer.clusters ?? []) {
      const marker = new Marker([cluster.lat, cluster.lon], { icon: icon(cluster.count), pane: "points",
        title: `${format.number(cluster.count)} ${noun.many}`, keyboard: true });
      marker.on("add", () => {
        marker.getElement().dataset.count = String(cluster.count);
        if (cluster.onePlace) marker.getElement().dataset.onePlace = "true";
      });
      if (cluster.onePlace) {
        const box = DomUtil.create("div", "area-popup");
        DomUtil.create("strong", "area-popup-title", box).textContent = `${format.number(cluster.count)} ${noun.many} at this point`;
        DomUtil.create("div", "area-popup-line", box).textContent = "They share one map point (police.uk places each one at "
          + "the nearest of a set of anonymous points), so zooming in does not separate them.";
        marker.bindPopup(box);
      } else {
        const [west, south, east, north] = cluster.bounds;
        marker.on("click", () => this._map?.fitBounds([[south, west], [north, east]], { padding: [40, 40], maxZoom: 18 }));
      }
      this.addLayer(marker);
    }
  },
});
