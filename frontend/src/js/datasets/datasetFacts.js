// What the dataset page says about a dataset, as term and value pairs (null: nothing to say). Pure.
import { datasetKinds } from "../datasetKinds.js";
import { format } from "../format.js";
import { uploads } from "../uploads.js";

function period({ coverageStart, coverageEnd }) {
  if (!coverageStart) return null;
  return coverageStart === coverageEnd ? format.date(coverageStart) : `${format.date(coverageStart)} – ${format.date(coverageEnd)}`;
}

function rows(dataset) {
  if (!dataset.loadedAt && !Number(dataset.rowsRead)) return "None published (every version was withdrawn)";
  return `${format.number(dataset.rowsRead)} read, ${format.number(dataset.rowsLoaded)} loaded, `
    + `${format.number(dataset.rowsRepaired)} repaired, ${format.number(dataset.rowsRejected)} rejected`;
}

// "monthly" → "Monthly".
function frequency(text) {
  return text ? `${String(text)[0].toUpperCase()}${String(text).slice(1)}` : null;
}

// The description is shown above the facts, as a paragraph of its own.
export function datasetFacts(dataset) {
  return [
    ["Kind", datasetKinds.label(dataset.kind)],
    ["Source", dataset.source],
    ["Licence", dataset.licence],
    ["Owner", dataset.openData ? "Open data" : dataset.ownerPartner],
    ["Coverage", dataset.coverage],
    ["Updated", frequency(dataset.updateFrequency)],
    ["Period", period(dataset)],
    ["Source CRS", dataset.sourceCrs ? uploads.crsLabel(dataset.sourceCrs) : null],
    ["Loaded", dataset.loadedAt ? format.dateTime(dataset.loadedAt) : null],
    ["Rows", rows(dataset)],
  ];
}
