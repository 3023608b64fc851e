import { test } from "node:test";
import assert from "node:assert/strict";
import { hotspots } from "../src/js/hotspots.js";

test("a KDE request leaves blank numbers to the server's defaults", () => {
  const body = hotspots.requestBody({ datasetId: "3", categories: ["Burglary"], from: "2022-03", to: "", method: "kde",
    bandwidth: "", cellSize: " ", classes: "mean", share: "5" });
  assert.deepEqual(body, { datasetId: 3, categories: ["Burglary"], from: "2022-03", to: "2022-03", method: "kde",
    parameters: { classes: "mean" } });
});

test("a top-share KDE sends the share as a fraction; Gi* on areas sends the level, not a cell size", () => {
  assert.deepEqual(hotspots.requestBody({ datasetId: "1", from: "2022-01", to: "2022-03", method: "kde", bandwidth: "400",
    cellSize: "50", classes: "top", share: "10" }).parameters, { bandwidth: 400, cellSize: 50, classes: "top", share: 0.1 });
  assert.deepEqual(hotspots.requestBody({ datasetId: "1", from: "2022-01", method: "gistar", grid: "areas", level: "msoa",
    cellSize: "300" }).parameters, { grid: "areas", level: "msoa" });
  assert.deepEqual(hotspots.requestBody({ datasetId: "1", from: "2022-01", method: "gistar", grid: "hex", cellSize: "",
    distanceBand: "800" }).parameters, { grid: "hex", distanceBand: 800 });
  assert.deepEqual(hotspots.requestBody({ datasetId: "1", from: "2022-01", method: "top-areas", level: "lsoa", share: "2.5" })
    .parameters, { level: "lsoa", share: 0.025 });
});

test("the accuracy sentence gives PAI, RRI and the share, or says why there is none", () => {
  const run = { next: { from: "2022-04", to: "2022-04" },
    result: { accuracy: { pai: 4.25, rri: 0.9, areaShare: 0.05, nextEvents: 120, nextAllEvents: 560 } } };
  assert.equal(hotspots.accuracySentence(run), "PAI 4.25 · RRI 0.9: hotspots covering 5% of the area held 120 of 560 crimes "
    + "in 2022-04 (PAI 1 = no better than chance).");
  assert.match(hotspots.accuracySentence({ next: {}, result: { accuracy: { pai: null, areaShare: 0.1, note: "no events yet" } } }),
    /no events yet/);
});

test("colours and the best method", () => {
  assert.equal(hotspots.colour({ kind: "grid-cell", hotspot_class: 3 }), "#a50026");
  assert.equal(hotspots.colour({ kind: "grid-cell", hotspot_class: -2 }), "#74add1");
  assert.equal(hotspots.colour({ kind: "grid-cell", hotspot_class: 0 }), null);
  assert.equal(hotspots.bestMethod([{ method: "kde", pai: 3 }, { method: "gistar", pai: 5 }, { method: "top-areas", pai: null }]), "gistar");
  assert.equal(hotspots.bestMethod([]), null);
});
