// What the map calls each dataset: by its theme, events named as what they are, and never two alike.
import { test } from "node:test";
import assert from "node:assert/strict";
import { datasetLabels } from "../src/js/datasetLabels.js";
import { datasetLayers } from "../src/js/datasetLayers.js";

const ds = (id, extra) => ({ id, kind: "events", title: `Dataset ${id}`, ...extra });

test("a dataset is labelled by its theme, not as crime by default", () => {
  assert.equal(datasetLabels.baseLabel(ds(1, { theme: "crime", title: "Street crime, Merseyside 2022 (police.uk)" })),
    "Crime — Street crime, Merseyside 2022");
  assert.equal(datasetLabels.baseLabel(ds(2, { theme: "other", title: "Anti-social behaviour reports" })), "Other — Anti-social behaviour reports");
  assert.equal(datasetLabels.baseLabel(ds(3, { theme: "health", kind: "area-statistics", title: "GP patients" })), "Health — GP patients");
  assert.equal(datasetLabels.baseLabel({ id: 4, kind: "area-statistics", title: "No theme" }), "Statistics — No theme");
});

test("only crime datasets count crimes; anti-social behaviour is counted in incidents", () => {
  assert.equal(datasetLabels.eventNoun({ theme: "crime", title: "Street crime" }).many, "crimes");
  assert.equal(datasetLabels.eventNoun({ theme: "crime", title: "Anti-social behaviour, Liverpool" }).many, "incidents");
  assert.equal(datasetLabels.eventNoun({ theme: "crime", title: "ASB log" }).allTypes, "All categories");
  assert.equal(datasetLabels.eventNoun({ theme: "other", title: "Fly-tipping" }).many, "events");
  assert.equal(datasetLabels.eventNoun({ theme: "health", title: "Ambulance call-outs" }).type, "Category");
});

test("two datasets with one title are told apart by their owners", () => {
  const labels = datasetLabels.unique([
    ds(1, { theme: "other", title: "Anti-social behaviour (council)", ownerPartner: "Liverpool City Council" }),
    ds(2, { theme: "other", title: "Anti-social behaviour", ownerPartner: "Sefton Council" }),
    ds(3, { theme: "crime", title: "Anti-social behaviour", ownerPartner: "Sefton Council" }),
  ], datasetLabels.baseLabel);
  assert.deepEqual([...labels.values()], ["Other — Anti-social behaviour (Liverpool City Council)",
    "Other — Anti-social behaviour (Sefton Council)", "Crime — Anti-social behaviour"]);
});

test("then by the period they cover, then when they were loaded, then by id", () => {
  const same = { theme: "crime", title: "Street crime", ownerPartner: "Merseyside Police" };
  const labels = datasetLabels.unique([
    ds(1, { ...same, coverageStart: "2022-01-01", coverageEnd: "2022-11-30", loadedAt: "2026-01-05T10:00:00Z" }),
    ds(2, { ...same, coverageStart: "2023-01-01", coverageEnd: "2023-12-31", loadedAt: "2026-01-05T10:00:00Z" }),
    ds(3, { ...same, coverageStart: "2023-01-01", coverageEnd: "2023-12-31", loadedAt: "2026-02-07T10:00:00Z" }),
    ds(4, { ...same, coverageStart: "2023-01-01", coverageEnd: "2023-12-31", loadedAt: "2026-02-07T11:00:00Z" }),
  ], datasetLabels.baseLabel);
  assert.deepEqual([...labels.values()], [
    "Crime — Street crime (Jan–Nov 2022)",
    "Crime — Street crime (Jan–Dec 2023, loaded 5 Jan 2026)",
    "Crime — Street crime (Jan–Dec 2023, loaded 7 Feb 2026, dataset 3)",
    "Crime — Street crime (Jan–Dec 2023, loaded 7 Feb 2026, dataset 4)",
  ]);
  assert.equal(new Set(labels.values()).size, 4);
});

test("the map's lists never offer two datasets under one label, across events and statistics", () => {
  const entries = [
    { dataset: ds(1, { theme: "crime", title: "Crime (police.uk)", ownerPartner: "A" }), access: { level: "record" } },
    { dataset: ds(2, { theme: "crime", kind: "area-statistics", title: "Crime", ownerPartner: "B" }), access: { level: "aggregate" } },
    { dataset: ds(3, { theme: "crime", kind: "area-statistics", title: "Crime", ownerPartner: "B" }), access: { level: "aggregate" } },
  ];
  const labels = datasetLayers.labels(entries);
  assert.equal(labels.get(1), "Crime — Crime (A)");
  assert.equal(labels.get(2), "Crime — Crime (B, dataset 2)");
  assert.equal(labels.get(3), "Crime — Crime (B, dataset 3)");
  assert.deepEqual(datasetLayers.statistics(entries, labels).map((t) => t.label), [labels.get(2), labels.get(3)]);
});
