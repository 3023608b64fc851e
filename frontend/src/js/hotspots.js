// Pure helpers for the hotspot page: the methods and their parameters in plain words, the request body
// from the form's values, and how a run's result is described and coloured. Usable in node.

export const METHODS = [
  { key: "kde", label: "Kernel density (KDE)",
    words: "Spreads each crime over a circle (the bandwidth) and adds them up into a smooth surface; the hotspots are the "
      + "cells well above the average. Good for seeing where crime concentrates, whatever the boundaries." },
  { key: "gistar", label: "Getis-Ord Gi* (statistically significant hot spots)",
    words: "Counts crimes per hexagon, square or area and asks whether each one and its neighbours together have more than "
      + "chance would give, with a correction for testing many places at once. Hot spots are 95% or 99% confident." },
  { key: "top-areas", label: "Top areas by count",
    words: "The neighbourhoods (LSOAs) with most crimes, taken until they cover the chosen share of the area. Simple and "
      + "easy to explain; the boundaries decide the shapes." },
];

export const DEFAULTS = { share: 5, classes: "mean", grid: "hex", level: "lsoa" };

// The body of POST /api/hotspots from the form's raw string values (blank numbers mean "automatic").
export function requestBody(raw) {
  const number = (text) => (text === undefined || String(text).trim() === "" ? undefined : Number(text));
  const parameters = {};
  const put = (key, value) => { if (value !== undefined && value !== "") parameters[key] = value; };
  if (raw.method === "kde") {
    put("bandwidth", number(raw.bandwidth));
    put("cellSize", number(raw.cellSize));
    put("classes", raw.classes);
    if (raw.classes === "top") put("share", shareFraction(raw.share));
  } else if (raw.method === "gistar") {
    put("grid", raw.grid);
    if (raw.grid === "areas") put("level", raw.level);
    else put("cellSize", number(raw.cellSize));
    put("distanceBand", number(raw.distanceBand));
  } else {
    put("level", raw.level);
    put("share", shareFraction(raw.share));
  }
  return {
    datasetId: Number(raw.datasetId),
    categories: raw.categories ?? [],
    from: raw.from,
    to: raw.to || raw.from,
    method: raw.method,
    parameters,
  };
}

function shareFraction(percent) {
  const n = Number(percent);
  return Number.isFinite(n) && String(percent).trim() !== "" ? n / 100 : undefined;
}

// A number for people: up to two decimals, or a dash.
export function figure(value, digits = 2) {
  return Number.isFinite(value) ? value.toLocaleString("en-GB", { maximumFractionDigits: digits }) : "—";
}

// One line saying how well a run's hotspots predicted the next period.
export function accuracySentence(run) {
  const a = run?.result?.accuracy;
  if (!a) return "";
  const share = figure((a.areaShare ?? 0) * 100, 1);
  if (a.pai === null || a.pai === undefined) {
    return `Hotspots cover ${share}% of the area. ${a.note ?? "PAI cannot be measured."}`;
  }
  return `PAI ${figure(a.pai)} · RRI ${figure(a.rri)}: hotspots covering ${share}% of the area held `
    + `${figure(a.nextEvents, 0)} of ${figure(a.nextAllEvents, 0)} crimes in ${run.next.from}`
    + `${run.next.to !== run.next.from ? ` to ${run.next.to}` : ""} (PAI 1 = no better than chance).`;
}

// Fill colours: KDE classes darker with the multiple of the mean; Gi* red for hot, blue for cold.
const HOT = { 1: "#fdae61", 2: "#f46d43", 3: "#a50026", 4: "#67001f" };
const COLD = { 1: "#abd9e9", 2: "#74add1", 3: "#313695" };

export function colour(properties) {
  const cls = properties?.hotspot_class ?? 0;
  if (properties?.kind === "kde-class") return HOT[Math.min(4, Math.max(1, cls - 1))] ?? HOT[1];
  if (cls > 0) return HOT[cls];
  if (cls < 0) return COLD[-cls];
  return properties?.hotspot ? HOT[2] : null;
}

// The method with the highest PAI in a comparison (null when none could be measured).
export function bestMethod(rows) {
  const measured = (rows ?? []).filter((r) => Number.isFinite(r.pai));
  if (measured.length === 0) return null;
  return measured.reduce((best, r) => (r.pai > best.pai ? r : best)).method;
}

export const hotspots = { METHODS, DEFAULTS, requestBody, figure, accuracySentence, colour, bestMethod };
