// Placing an upload's sample rows and extent on the preview map.
import { test } from "node:test";
import assert from "node:assert/strict";
import { samplePlaces } from "../src/js/samplePlaces.js";

const POLICE_MAPPING = { x: "Longitude", y: "Latitude", xyEpsg: 4326, date: "Month", category: "Crime type" };

test("sample rows are placed from longitude/latitude or grid references, and rows that cannot be are counted", () => {
  const sample = [
    { Longitude: "-2.983", Latitude: "53.405" },
    { Longitude: "", Latitude: "" },
    { Longitude: "53.405", Latitude: "-2.983" },
    { Longitude: "0", Latitude: "0" },
  ];
  const { points, unplaced } = samplePlaces.points(sample, POLICE_MAPPING);
  assert.equal(points.length, 2, "swapped coordinates are still degrees; the load, not the preview, rejects them");
  assert.deepEqual(points[0].latLng, [53.405, -2.983]);
  assert.equal(unplaced, 2);
  const grid = samplePlaces.points([{ E: "334200", N: "390500" }], { x: "E", y: "N", xyEpsg: 27700 });
  assert.ok(Math.abs(grid.points[0].latLng[0] - 53.40720) < 1e-4);
  assert.ok(Math.abs(grid.points[0].latLng[1] - -2.99126) < 1e-4);
  assert.equal(samplePlaces.points(sample, { ...POLICE_MAPPING, xyEpsg: 3857 }).points.length, 0, "other systems are not guessed");
});

test("an extent is drawn only in a coordinate system the preview can place", () => {
  assert.deepEqual(samplePlaces.extentBounds([-3.1, 53.3, -2.7, 53.7], 4326), [[53.3, -3.1], [53.7, -2.7]]);
  const bng = samplePlaces.extentBounds([320000, 380000, 350000, 410000], 27700);
  assert.ok(bng[0][0] < bng[1][0] && bng[0][1] < bng[1][1]);
  assert.equal(samplePlaces.extentBounds([320000, 380000, 350000, 410000], null), null);
  assert.equal(samplePlaces.extentBounds(null, 4326), null);
});
