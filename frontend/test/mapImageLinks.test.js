// The map image and briefing addresses carry the classification chosen on the page.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mapImageLinks } from "../src/js/mapImageLinks.js";

test("an image of an indicator by value carries the method and the number of classes", () => {
  assert.equal(mapImageLinks.imageUrl(7, { method: "natural-breaks", classes: 6, within: "E08000012" }),
    "/api/map-image?indicator=7&method=natural-breaks&classes=6&within=E08000012&format=png");
  assert.equal(mapImageLinks.briefingUrl(7, {}), "/api/briefing?indicator=7&method=quantile&classes=5");
});

test("significance asks for the comparison with the district instead of a method", () => {
  assert.equal(mapImageLinks.classesUrl(3, { method: "significance" }), "/api/indicators/3/classes?indicator=3&by=significance&comparator=district");
});

test("a map view's bounds travel as a bbox of five decimals", () => {
  assert.equal(mapImageLinks.imageUrl(1, { bbox: [-3.1, 53.3, -2.8123456, 53.5] }, "pdf"),
    "/api/map-image?indicator=1&method=quantile&classes=5&bbox=-3.10000%2C53.30000%2C-2.81235%2C53.50000&format=pdf");
});

test("the map page's counts image carries the dataset, filter, level, the map's classes and its bounds", () => {
  const url = mapImageLinks.countsImageUrl("12", { level: "lsoa", category: "Burglary", from: "2022-01", to: "2022-03" },
    { method: "quantile", classes: 5, palette: "BuPu", zeroClass: true }, [-3.1, 53.3, -2.8, 53.5], "pdf");
  assert.equal(url, "/api/map-image?dataset=12&level=lsoa&category=Burglary&from=2022-01&to=2022-03&method=quantile&classes=5"
    + "&palette=BuPu&zeroClass=true&bbox=-3.10000%2C53.30000%2C-2.80000%2C53.50000&format=pdf");
});
