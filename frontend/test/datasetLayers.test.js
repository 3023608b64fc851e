// Which shared datasets the map offers: event datasets' counts, statistics by area and polygon overlays,
// from one look at the catalogue and the OGC collection list.
import { test } from "node:test";
import assert from "node:assert/strict";
import { datasetLayers } from "../src/js/datasetLayers.js";

const entry = (id, kind, level = "aggregate", extra = {}) => ({ dataset: { id, slug: `d${id}`, title: `Dataset ${id} (Source)`, kind, ...extra },
  access: { level } });

const ENTRIES = [entry(1, "events"), entry(2, "area-statistics"), entry(3, "area-statistics", "metadata"), entry(4, "polygons"),
  entry(5, "polygons"), entry(6, "reference")];

test("statistics datasets are offered to anyone who may see more than their description", () => {
  const themes = datasetLayers.statistics(ENTRIES);
  assert.deepEqual(themes.map((t) => [t.key, t.kind, t.label]), [["statistics:2", "area-statistics", "Statistics — Dataset 2"]]);
});

test("polygon datasets are overlays when their collection is offered, each with a colour", () => {
  const overlays = datasetLayers.overlays(ENTRIES, ["lsoa", "d4", "d1-by-lsoa"]);
  assert.deepEqual(overlays.map((o) => [o.key, o.label, o.colour]), [["polygons:4", "Dataset 4", datasetLayers.OVERLAY_COLOURS[0]]]);
});

test("the catalogue and the collection list are asked for once, and shared with the crime themes", async () => {
  const asked = [];
  const api = {
    async getJson(url) {
      asked.push(url);
      if (url === "/api/datasets") return ENTRIES;
      if (url === "/ogc/collections") return { collections: [{ id: "d1-by-lsoa" }, { id: "d4" }, { id: "d5" }] };
      if (url === "/api/datasets/1/categories") return { categories: [{ code: "asb", name: "Anti-social behaviour" }], disclosure: { levels: ["lsoa"] } };
      throw new Error(`unexpected ${url}`);
    },
  };
  const layers = await datasetLayers.load(api);
  assert.deepEqual(asked.sort(), ["/api/datasets", "/api/datasets/1/categories", "/ogc/collections"]);
  assert.deepEqual(layers.crime.map((t) => t.key), ["events:1"]);
  assert.deepEqual(layers.statistics.map((t) => t.key), ["statistics:2"]);
  assert.deepEqual(layers.overlays.map((o) => o.key), ["polygons:4", "polygons:5"]);
});
