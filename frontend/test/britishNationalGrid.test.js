// Grid references to latitude and longitude, against PROJ 9 through GDAL's gdaltransform
// (-s_srs EPSG:27700 -t_srs EPSG:4326, which without the OSTN15 grid applies the same Helmert
// transformation), to within a millionth of a degree (about 10 cm).
import { test } from "node:test";
import assert from "node:assert/strict";
import { britishNationalGrid } from "../src/js/britishNationalGrid.js";

const PROJ = [
  { place: "Liverpool", e: 334200, n: 390500, lat: 53.4071950143176, lon: -2.99126203111403 },
  { place: "Ben Nevis", e: 216600, n: 771200, lat: 56.7960882199835, lon: -5.00471190618282 },
  { place: "Greenwich", e: 538874, n: 177340, lat: 51.4779792124566, lon: -0.00162403810847763 },
  { place: "OS guide's worked example", e: 651409.903, n: 313177.27, lat: 52.6579785985798, lon: 1.71605199037504 },
];

test("grid references become WGS 84 latitude and longitude as PROJ makes them", () => {
  for (const { place, e, n, lat, lon } of PROJ) {
    const [gotLat, gotLon] = britishNationalGrid.toLatLng(e, n);
    assert.ok(Math.abs(gotLat - lat) < 1e-6, `${place} latitude ${gotLat} vs ${lat}`);
    assert.ok(Math.abs(gotLon - lon) < 1e-6, `${place} longitude ${gotLon} vs ${lon}`);
  }
});

test("numbers that are not grid references give null", () => {
  assert.equal(britishNationalGrid.toLatLng("", 390500), null);
  assert.equal(britishNationalGrid.toLatLng(-2.98, 53.4) !== null, true, "small numbers are inside the grid's range");
  assert.equal(britishNationalGrid.toLatLng(5e6, 390500), null);
  assert.equal(britishNationalGrid.toLatLng(Number.NaN, 1), null);
});
