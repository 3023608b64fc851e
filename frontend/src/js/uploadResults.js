// A published load's figures, for the kind of data it was: rows in, published and rejected always; for
// point events how well the file's LSOA codes agree and the points outside every LSOA; for statistics
// by area the areas published and how 2021 LSOA codes were translated to 2011 ones; for polygons how
// many were repaired. Pure: [{ id, label, value, note }] for JobResult to draw.
import { format } from "./format.js";
import { uploads } from "./uploads.js";

// "lsoa21Combined" → "combined"; "splitAcross" → "split across".
function words(key) {
  return String(key).replace(/^lsoa21/i, "").replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase().trim() || String(key);
}

// The 2021 LSOA codes met and what became of them: { total, parts: "900 unchanged · 40 combined" }, or
// null when the file had none (2011 codes, or another level).
function translation(translated) {
  const entries = Object.entries(translated ?? {}).filter(([, n]) => Number.isFinite(Number(n)) && Number(n) > 0);
  if (entries.length === 0) return null;
  const total = entries.reduce((sum, [, n]) => sum + Number(n), 0);
  return { total, parts: entries.map(([key, n]) => `${format.number(n)} ${words(key)}`).join(" · ") };
}

function figures(result = {}) {
  const rejected = Number(result.rowsRejected) || 0;
  const list = [
    { id: "result-rows-in", label: "Rows in the file", value: format.number(result.rowsIn) },
    { id: "result-published", label: "Published", value: format.number(result.rowsPublished) },
    { id: "result-rejected", label: "Rejected", value: format.number(rejected), note: rejected ? "listed below" : "none" },
  ];
  if (result.kind === "area-statistics") {
    list.push({ id: "result-areas", label: "Areas published", value: format.number(result.areas) });
    const translated = translation(result.translated);
    list.push(translated
      ? { id: "result-translated", label: "LSOA 2021 codes", value: format.number(translated.total),
        note: `translated to 2011 LSOAs: ${translated.parts}` }
      : { id: "result-translated", label: "LSOA 2021 codes", value: "0", note: "none to translate" });
  } else if (result.kind === "polygons") {
    const repaired = Number(result.repaired) || 0;
    list.push({ id: "result-repaired", label: "Polygons repaired", value: format.number(repaired),
      note: repaired ? "invalid polygons made valid (ST_MakeValid); check their shape" : "every polygon was valid" });
  } else {
    const assignment = result.assignment ?? {};
    const agreement = uploads.agreement(assignment);
    list.push({ id: "result-agreement", label: "LSOA agreement", value: agreement?.percent ?? "—", note: agreement
      ? `${agreement.counts} rows: their own LSOA code is the LSOA their point falls in` : "no row had an LSOA code to compare" });
    list.push({ id: "result-outside", label: "Outside every LSOA", value: format.number(assignment.outside_every_lsoa),
      note: "points in no loaded LSOA, so in no area's count" });
    const check = result.areaCheck;
    if (check && Number.isFinite(Number(check.outside))) {
      list.push({ id: "result-outside-area", label: `Outside ${check.area}`, value: format.number(check.outside),
        note: `of ${format.number(check.points)} points; kept out of every count${Number(check.outside) > 0 ? " (listed in the API result)" : ""}` });
    }
  }
  return list;
}

// The line above the figures: "Published version 2 of Census 2021: 12,345 rows for 1,234 areas."
function headline(result = {}, title) {
  const what = `${format.number(result.rowsPublished)} ${Number(result.rowsPublished) === 1 ? "row" : "rows"}`;
  const areas = result.kind === "area-statistics" && Number.isFinite(Number(result.areas)) && result.areas !== null
    ? ` for ${format.number(result.areas)} ${Number(result.areas) === 1 ? "area" : "areas"}` : "";
  return `Published version ${result.version} of ${title}: ${what}${areas}.`;
}

export const uploadResults = { translation, figures, headline };
