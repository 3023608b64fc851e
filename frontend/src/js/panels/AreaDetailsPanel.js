// The side panel describing the selected area: who lives there and how deprived it is, on the chosen
// domain first and then on every domain; or, on the crime and statistics layers, its count or value (or
// that it is suppressed, and why). Built with textContent only (names come from data files).
import { crime } from "../crime.js";
import { format } from "../format.js";
import { indicators } from "../indicators.js";

function el(tag, className, parent, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  if (parent) parent.append(node);
  return node;
}

function facts(parent, rows) {
  const list = el("dl", "facts", parent);
  for (const [term, value] of rows) {
    el("dt", "", list, term);
    el("dd", "", list, value ?? format.NO_DATA);
  }
}

function swatch(parent, colour) {
  const box = el("span", "swatch", parent);
  box.style.background = colour;
  box.setAttribute("aria-hidden", "true");
}

export class AreaDetailsPanel {
  constructor(element, options = {}) {
    this.element = element;
    this.options = { emptyText: "Select an area on the map to see its name, population and deprivation.", ...options };
    this.body = element.querySelector(".details-body") ?? el("div", "details-body", element);
    this.clear();
  }

  clear(emptyText = this.options.emptyText) {
    this.body.replaceChildren();
    el("p", "details-empty", this.body, emptyText);
    delete this.element.dataset.code;
  }

  show(feature, { level, domain }) {
    const p = feature.properties ?? {};
    const code = p.code ?? feature.id;
    this.body.replaceChildren();
    this.element.dataset.code = code;
    el("p", "details-kicker", this.body, `${indicators.level(level).noun.toUpperCase()} · ${code}`);
    el("h3", "details-name", this.body, p.name ?? code);
    if (indicators.usesDeciles(level)) this._lsoa(p, domain);
    else this._summary(p, level, domain);
    this._profileLink(code);
  }

  // Every indicator for the area, with charts, on its own printable page.
  _profileLink(code) {
    const link = el("a", "details-profile", el("p", "", this.body));
    link.href = `/profile.html?area=${encodeURIComponent(code)}`;
    link.textContent = "Open the area profile";
  }

  // A count from an event dataset, or a statistics value; a suppressed one is explained, never shown as a
  // number (suppressedNote, when given, is the explanation).
  showCount(feature, { level, title, describe, fill, access, suppressedNote }) {
    const p = feature.properties ?? {};
    const code = p.code ?? feature.id;
    this.body.replaceChildren();
    this.element.dataset.code = code;
    el("p", "details-kicker", this.body, `${indicators.level(level).noun.toUpperCase()} · ${code}`);
    el("h3", "details-name", this.body, p.name ?? code);
    const box = el("div", "headline", this.body);
    const mark = el("span", crime.isSuppressed(feature) ? "swatch swatch-suppressed" : "swatch", box);
    mark.setAttribute("aria-hidden", "true");
    const text = el("div", "", box);
    el("strong", "", text, title);
    el("div", "details-count", text, describe(feature));
    if (crime.isSuppressed(feature)) {
      el("p", "details-note", this.body, suppressedNote ?? (p.reason === "small count"
        ? "Counts this small are withheld so that the people involved cannot be identified."
        : "Withheld so that another suppressed count cannot be worked out from the totals."));
    } else {
      mark.style.background = fill(feature);
    }
    el("p", "details-note", this.body, access);
    this._profileLink(code);
  }

  _lsoa(p, domain) {
    facts(this.body, [["Code", p.code], ["Ward", p.ward_name], ["MSOA", p.msoa_name], ["District", p.lad_name],
      ["Population", format.number(p.population)]]);
    const chosen = domain === "imd" ? ["imd"] : [domain, "imd"];
    for (const key of chosen) {
      const box = el("div", "headline", this.body);
      swatch(box, format.decileColour(p[`${key}_decile`]));
      const text = el("div", "", box);
      el("strong", "", text, indicators.domain(key).label);
      el("div", "", text, `Rank ${format.rank(p[`${key}_rank`], indicators.LSOAS_IN_ENGLAND)}`);
      el("div", "", text, `Decile ${format.decileLabel(p[`${key}_decile`])}`);
    }
    this._table(["Domain", "Rank", "Decile"], (key) => [format.rank(p[`${key}_rank`]),
      p[`${key}_decile`] ?? format.NO_DATA], (key) => format.decileColour(p[`${key}_decile`]), domain,
      "Rank 1 is the most deprived of England's 32,844 LSOAs; decile 1 is the most deprived 10%.");
  }

  _summary(p, level, domain) {
    facts(this.body, [["Code", p.code], ["District", p.lad_name], ["Population", format.number(p.population)],
      ["LSOAs", format.number(p.lsoa_count)]]);
    const box = el("div", "headline", this.body);
    const share = p[`${domain}_most_deprived_pct`];
    swatch(box, format.percentColour(share));
    const text = el("div", "", box);
    el("strong", "", text, indicators.domain(domain).label);
    el("div", "", text, `${format.percent(share)} of its LSOAs are in England's most deprived 10%`);
    this._table(["Domain", "Most deprived"], (key) => [format.percent(p[`${key}_most_deprived_pct`])],
      (key) => format.percentColour(p[`${key}_most_deprived_pct`]), domain,
      `Share of the ${indicators.level(level).noun}'s LSOAs in England's most deprived 10% on each domain.`);
  }

  _table(headings, cells, colour, chosen, caption) {
    const table = el("table", "domains", this.body);
    el("caption", "", table, caption);
    const head = el("tr", "", el("thead", "", table));
    for (const heading of headings) el("th", "", head, heading).scope = "col";
    const body = el("tbody", "", table);
    for (const { key, label } of indicators.domains) {
      const row = el("tr", key === chosen ? "is-chosen" : "", body);
      const name = el("th", "", row);
      name.scope = "row";
      swatch(name, colour(key));
      name.append(label);
      for (const value of cells(key)) el("td", "", row, value);
    }
  }
}
