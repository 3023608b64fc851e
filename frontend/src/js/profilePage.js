// Wiring only: the area profile page (profile.html?area=E01006512). GET /api/areas/{code}/profile gives
// every indicator the viewer may see with its value, interval, comparisons and the partnership's spread;
// each event indicator's series comes from its own link (/api/indicators/{id}/series?area=, through the same
// access decision) and is drawn with Chart.js (UMD build from its WebJar, window.Chart). Print uses the print
// stylesheet in analysis.css (A4); the CSV is the server's (?format=csv), the same content as the JSON.
import { api } from "./api.js";
import { dom } from "./dom.js";
import { format } from "./format.js";
import { signedInPage } from "./header/signedInPage.js";
import { indicatorValues } from "./indicatorValues.js";
import { profileView } from "./profileView.js";

await signedInPage();
const code = new URLSearchParams(location.search).get("area")?.trim();
const message = document.getElementById("profile-message");
const charts = [];

document.getElementById("pick").addEventListener("submit", (event) => {
  event.preventDefault();
  const chosen = document.getElementById("area-code").value.trim();
  if (chosen) location.assign(`/profile.html?area=${encodeURIComponent(chosen)}`);
});
// Saved custom areas can be picked by name too (their profiles and series are counted from their LSOAs).
api.getJson("/api/custom-areas").then((areas) => {
  const list = document.getElementById("custom-area-list");
  for (const area of areas) {
    const option = dom.el("option", "", list);
    option.value = area.code;
    option.label = `${area.name} (custom area)`;
  }
}).catch(() => { /* the list is a convenience: codes can still be typed */ });
document.getElementById("print").addEventListener("click", () => window.print());
// The canvases are sized for the screen; on paper they follow the print layout's boxes.
window.addEventListener("beforeprint", () => charts.forEach((c) => c.resize()));
window.addEventListener("afterprint", () => charts.forEach((c) => c.resize()));

const SVG = "http://www.w3.org/2000/svg";
function svg(tag, attrs, parent) {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  parent?.append(node);
  return node;
}

// A spine chart: the partnership's range of values (light), its middle half (darker), the median (white line),
// the area (circle, coloured by its comparison with the partnership), its district (diamond), the partnership (bar).
function spineChart(entry) {
  const at = profileView.spine(entry.spread, entry.value ?? {});
  if (!at) return dom.el("span", "muted", null, "—");
  const width = 220;
  const x = (f) => 6 + f * (width - 12);
  const chart = svg("svg", { class: "spine", viewBox: `0 0 ${width} 22`, role: "img",
    "aria-label": "Position among the partnership's areas, lowest to highest" });
  svg("rect", { x: x(0), y: 7, width: x(1) - x(0), height: 8, fill: "#e5e7eb" }, chart);
  if (at.q25 !== null && at.q75 !== null) svg("rect", { x: x(at.q25), y: 7, width: x(at.q75) - x(at.q25), height: 8, fill: "#9ca3af" }, chart);
  if (at.median !== null) svg("line", { x1: x(at.median), x2: x(at.median), y1: 7, y2: 15, stroke: "#fff", "stroke-width": 2 }, chart);
  if (at.partnership !== null) svg("line", { x1: x(at.partnership), x2: x(at.partnership), y1: 2, y2: 20, stroke: "#111827", "stroke-width": 2 }, chart);
  if (at.district !== null) {
    const d = x(at.district);
    svg("polygon", { points: `${d},5 ${d + 5},11 ${d},17 ${d - 5},11`, fill: "#fff", stroke: "#111827", "stroke-width": 1.5 }, chart);
  }
  if (at.area !== null) {
    const fill = { higher: "#1e40af", lower: "#93c5fd", similar: "#facc15" }[entry.value?.comparison?.partnership] ?? "#6b7280";
    svg("circle", { cx: x(at.area), cy: 11, r: 5, fill, stroke: "#111827", "stroke-width": 1 }, chart);
  }
  return chart;
}

function badge(word) {
  const { label, className } = profileView.comparison(word);
  return dom.el("span", className, null, label);
}

function showIndicators(profile) {
  const box = document.getElementById("indicator-table");
  box.replaceChildren();
  let perturbed = false;
  const custom = profile.area.level === "custom";
  // a custom area's spines run over the partnership's LSOAs, or the agreement's smallest level where counts stop above
  const byLsoa = profile.indicators.every((e) => !e.spreadLevel || e.spreadLevel === "lsoa");
  dom.table(box, {
    caption: `Values for ${profile.area.name}, with 95% confidence intervals`,
    empty: "There are no indicators on data you may see yet. Define one on the Indicators page.",
    rows: profile.indicators,
    rowAttrs: (e) => ({ "data-indicator": e.indicator.id }),
    columns: [
      { label: "Indicator", cell: (e) => e.indicator.name },
      { label: "Count", className: "numeric", cell: (e) => indicatorValues.number(e.value?.numerator) },
      { label: "Value (95% CI)", cell: (e) => {
        const text = profileView.valueText(e);
        if (e.value?.disclosure?.perturbationVariance) {
          perturbed = true;
          return `${text} ‡`;
        }
        return text;
      } },
      { label: "District", className: "numeric", cell: (e) => indicatorValues.number(e.value?.districtValue) },
      { label: "Partnership", className: "numeric", cell: (e) => indicatorValues.number(e.value?.partnershipValue) },
      { label: "vs district", cell: (e) => badge(e.value?.comparison?.district) },
      { label: "vs partnership", cell: (e) => badge(e.value?.comparison?.partnership) },
      { label: custom && byLsoa ? "Among the partnership's LSOAs" : "Among the partnership's areas", cell: (e) => spineChart(e) },
    ],
  });
  const legend = dom.el("p", "spine-legend", box);
  if (custom) {
    // a custom area is made of LSOAs, so its spine runs over the partnership's LSOAs (a count has none: it is
    // larger only because the area is)
    legend.append("Spine: lowest to highest of the partnership's LSOAs, the blocks this custom area is made of; darker grey ",
      "the middle half; ● this area, ◆ its district, | the partnership. Counts have no spine: a custom area's count is not ",
      "comparable with one LSOA's. ");
    if (!byLsoa) legend.append("Where your agreement publishes counts only from a larger level (MSOA, ward), the spine runs over those areas. ");
  } else {
    legend.append("Spine: lowest to highest of the partnership's areas at this level; darker grey the middle half; ",
      "● this area, ◆ its district, | the partnership. ");
  }
  if (profile.area.noParentDistrict) {
    const note = dom.el("p", "muted small", box, `No single parent district: ${profile.area.noParentDistrict}`);
    note.id = "no-parent-district";
  }
  dom.el("p", "muted small", box, "Higher or Lower: the district's or the partnership's value lies outside this area's 95% "
    + "interval (for an area statistic, which has no interval: on which side of the mean it lies). Neither better nor worse is implied.");
  if (perturbed) {
    dom.el("p", "muted small", box, "‡ Counts are protected by cell-key perturbation; the interval also carries the noise "
      + "added, so a difference that is only noise is not called higher or lower.");
  }
}

async function showSeries(profile) {
  const withSeries = profile.indicators.filter((e) => e.series && !e.unavailable);
  const grid = document.getElementById("series");
  grid.replaceChildren();
  document.getElementById("trends").hidden = withSeries.length === 0;
  await Promise.all(withSeries.map(async (entry) => {
    const figure = dom.el("figure", "series-chart", grid);
    figure.dataset.indicator = entry.indicator.id;
    const caption = dom.el("figcaption", "", figure, entry.indicator.name);
    const holder = dom.el("div", "series-box", figure);
    try {
      const body = await api.getJson(entry.series);
      const s = profileView.series(body);
      dom.el("div", "muted small", caption, profileView.trend(body, s.granularity));
      const canvas = dom.el("canvas", "", holder);
      canvas.setAttribute("role", "img");
      canvas.setAttribute("aria-label", `${entry.indicator.name} by ${s.granularity.replace(/s$/, "")}`);
      charts.push(new globalThis.Chart(canvas, {
        type: "line",
        data: {
          labels: s.labels,
          datasets: [
            { label: "Lower 95%", data: s.lower, borderWidth: 0, pointRadius: 0, fill: false },
            { label: "Upper 95%", data: s.upper, borderWidth: 0, pointRadius: 0, fill: "-1", backgroundColor: "rgba(37, 99, 235, 0.15)" },
            { label: entry.indicator.name, data: s.values, borderColor: "#1e40af", backgroundColor: "#1e40af", pointRadius: 2, tension: 0 },
          ],
        },
        options: { animation: false, maintainAspectRatio: false, plugins: { legend: { display: false } },
          scales: { y: { beginAtZero: true } } },
      }));
    } catch (error) {
      dom.message(holder, "error", error.message);
    }
  }));
  document.body.dataset.charts = String(charts.length);
}

// A custom area has no decile of its own: per domain, its LSOAs (and residents) by national decile, with a bar
// in the decile colours, and the shares in England's 10% and 20% most deprived.
function showDecileDistribution(distribution) {
  const rows = profileView.decileDistribution(distribution);
  const section = document.getElementById("deprivation");
  section.hidden = rows.length === 0;
  const box = document.getElementById("domains");
  box.replaceChildren();
  const bar = (r) => {
    const width = 120;
    const chart = svg("svg", { class: "decile-stack", viewBox: `0 0 ${width} 12`, width, height: 12, role: "img",
      "aria-label": `${r.label}: LSOAs by decile, most deprived first` });
    let x = 0;
    for (const d of r.deciles) {
      if (!(d.lsoas > 0)) continue;
      const w = (width * d.lsoas) / r.lsoas;
      svg("rect", { x, y: 0, width: w, height: 12, fill: format.decileColour(d.decile) }, chart);
      x += w;
    }
    return chart;
  };
  const decileColumn = (i) => ({ label: String(i + 1), className: "numeric", cell: (r) => {
    const d = r.deciles[i];
    const cell = dom.el("span");
    cell.dataset.decile = String(d.decile);
    cell.dataset.lsoas = String(d.lsoas);
    cell.dataset.population = String(d.population);
    cell.append(String(d.lsoas));
    dom.el("span", "muted small block", cell, format.number(d.population));
    return cell;
  } });
  const share = (key) => (r) => {
    const cell = dom.el("span");
    cell.dataset.share = key;
    dom.el("span", "block", cell, r[key].lsoas);
    dom.el("span", "muted small block", cell, r[key].people);
    return cell;
  };
  dom.table(box, {
    caption: `This custom area's ${format.number(distribution.lsoas)} LSOAs and their residents (mid-2015) by each domain's `
      + "national decile: 1 is England's most deprived tenth of 32,844 LSOAs. A combined area has no decile of its own.",
    rows,
    rowAttrs: (r) => ({ "data-domain": r.key }),
    columns: [
      { label: "Domain", cell: (r) => r.label },
      { label: "LSOAs by decile", cell: bar },
      ...Array.from({ length: 10 }, (_, i) => decileColumn(i)),
      { label: "In the 10% most deprived", cell: share("most10") },
      { label: "In the 20% most deprived", cell: share("most20") },
    ],
  });
  dom.el("p", "muted small", box, "Each decile column: the number of LSOAs, and under it their residents. "
    + (distribution.lsoasWithoutImd > 0 ? `${distribution.lsoasWithoutImd} of the area's LSOAs are not in the loaded IMD. ` : "")
    + (distribution.lsoasWithoutPopulation > 0 ? `${distribution.lsoasWithoutPopulation} have no loaded population. ` : ""));
}

function showDeprivation(profile) {
  if (profile.deprivationDeciles) {
    showDecileDistribution(profile.deprivationDeciles);
    return;
  }
  const rows = profileView.domains(profile.deprivation);
  const section = document.getElementById("deprivation");
  section.hidden = rows.length === 0;
  const box = document.getElementById("domains");
  box.replaceChildren();
  dom.table(box, {
    caption: "Rank 1 is the most deprived of England's 32,844 LSOAs; decile 1 is the most deprived tenth.",
    rows,
    columns: [
      { label: "Domain", cell: (r) => r.label },
      { label: "Rank", className: "numeric", cell: (r) => format.rank(r.rank, 32844) },
      { label: "Decile", cell: (r) => {
        const cell = dom.el("span");
        const bar = dom.el("span", "decile-bar", cell);
        bar.style.width = `${(11 - (r.decile ?? 11)) * 8}px`;
        bar.style.background = format.decileColour(r.decile);
        cell.append(format.decileLabel(r.decile));
        return cell;
      } },
    ],
  });
}

if (!code) {
  dom.message(message, "note", "Choose an area: click one on the map or on an indicator's values, or type its code above.");
  document.body.dataset.state = "ready";
} else {
  document.getElementById("area-code").value = code;
  dom.message(message, "loading", "Loading the profile…");
  try {
    const profile = await api.getJson(`/api/areas/${encodeURIComponent(code)}/profile`);
    message.replaceChildren();
    const a = profile.area;
    document.title = `Patchwork · ${a.name}`;
    document.getElementById("profile-title").textContent = a.name;
    document.getElementById("profile-intro").textContent = `${a.level.toUpperCase()} ${a.code}`
      + (a.district && a.district !== a.code ? ` · district ${a.district}` : "")
      + (a.noParentDistrict ? ` · ${a.districts.length} districts, no single parent district` : "")
      + ". Every indicator you may see, with its 95% interval and how it compares with its district and the partnership.";
    document.getElementById("printed").textContent = `Patchwork area profile · ${a.name} (${a.code}) · printed `
      + new Date().toLocaleDateString("en-GB", { day: "numeric", month: "long", year: "numeric" });
    document.getElementById("csv").href = profile.csv;
    document.getElementById("actions").hidden = false;
    document.getElementById("indicators").hidden = false;
    showIndicators(profile);
    showDeprivation(profile);
    await showSeries(profile);
  } catch (error) {
    dom.message(message, "error", error.message);
  }
  document.body.dataset.state = "ready";
}
