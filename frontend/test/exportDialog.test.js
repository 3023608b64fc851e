// What the export dialog downloads for the layer the map shows (pure parts: no browser needed).
import { test } from "node:test";
import assert from "node:assert/strict";
import { exportLayer } from "../src/js/exportLayer.js";
import { exportUrl, fileNameOf } from "../src/js/exportDialog.js";

const crimeTheme = { kind: "events", points: true, dataset: { id: 7, slug: "merseyside-street-crime-2022", title: "Street crime" } };

test("deprivation exports the boundaries of the level shown", () => {
  assert.deepEqual(exportLayer({ theme: "imd", level: "ward" }, undefined),
    { collectionId: "ward", title: "Deprivation (IMD 2019) by wards", params: {} });
});

test("crime counts export their count collection with the filter; one month with points offers the events too", () => {
  const layer = exportLayer({ theme: "events:7", level: "msoa",
    crime: { category: "burglary", from: "2022-03", to: "2022-03", points: true } }, crimeTheme);
  assert.equal(layer.collectionId, "merseyside-street-crime-2022-by-msoa");
  assert.deepEqual(layer.params, { category: "burglary", from: "2022-03", to: "2022-03" });
  assert.deepEqual(layer.alternatives.map((a) => a.collectionId), ["merseyside-street-crime-2022-by-msoa", "merseyside-street-crime-2022"]);
  assert.deepEqual(layer.alternatives[1].params, { category: "burglary", month: "2022-03" });
});

test("without record-level access no individual events are offered", () => {
  const layer = exportLayer({ theme: "events:7", level: "lsoa", crime: { from: "2022-03", to: "2022-03", points: true } },
    { ...crimeTheme, points: false });
  assert.deepEqual(layer.alternatives.map((a) => a.collectionId), ["merseyside-street-crime-2022-by-lsoa"]);
  assert.deepEqual(layer.params, { from: "2022-03", to: "2022-03" });
});

test("statistics export their slice", () => {
  const layer = exportLayer({ theme: "statistics:9", statistics: { measure: "rate", period: "2021" } },
    { kind: "area-statistics", dataset: { slug: "qualifications", title: "Qualifications" } });
  assert.deepEqual(layer, { collectionId: "qualifications", title: "Qualifications", params: { measure: "rate", period: "2021" } });
});

test("the export URL carries format, crs (not for KML), CSV geometry and the filters", () => {
  assert.equal(exportUrl("lsoa", { format: "shp", crs: "27700" }), "/api/export/lsoa?format=shp&crs=27700");
  assert.equal(exportUrl("lsoa", { format: "kml", crs: "27700" }), "/api/export/lsoa?format=kml");
  assert.equal(exportUrl("x-by-lsoa", { format: "csv", crs: "4326", geometry: "wkt", params: { category: "a b", from: "" } }),
    "/api/export/x-by-lsoa?format=csv&crs=4326&geometry=wkt&category=a+b");
  assert.equal(exportUrl("lsoa", { format: "gpkg", crs: "4326", geometry: "xy" }), "/api/export/lsoa?format=gpkg&crs=4326");
});

test("the saved file is named as the server says", () => {
  assert.equal(fileNameOf('attachment; filename="lsoa-shp.zip"', "x"), "lsoa-shp.zip");
  assert.equal(fileNameOf(null, "lsoa.gpkg"), "lsoa.gpkg");
});
