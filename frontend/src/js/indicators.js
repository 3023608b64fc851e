// What the map can show: the boundary levels served by /ogc/collections and the IMD 2019 domains.
// LSOAs carry each domain's decile; higher levels carry the share of their LSOAs in England's most
// deprived 10% on that domain. Pure data and functions, usable in node.
import { format } from "./format.js";

const LSOAS_IN_ENGLAND = 32844;

const LEVELS = [
  { key: "lsoa", label: "LSOA (neighbourhoods)", noun: "LSOA" },
  { key: "msoa", label: "MSOA", noun: "MSOA" },
  { key: "ward", label: "Ward", noun: "ward" },
  { key: "district", label: "District", noun: "district" },
];

const DOMAINS = [
  { key: "imd", label: "Index of Multiple Deprivation" },
  { key: "income", label: "Income" },
  { key: "employment", label: "Employment" },
  { key: "education", label: "Education, skills and training" },
  { key: "health", label: "Health deprivation and disability" },
  { key: "crime", label: "Crime" },
  { key: "housing", label: "Barriers to housing and services" },
  { key: "living_environment", label: "Living environment" },
];

const usesDeciles = (level) => level === "lsoa";

function property(level, domain) {
  return usesDeciles(level) ? `${domain}_decile` : `${domain}_most_deprived_pct`;
}

function value(feature, level, domain) {
  const v = feature?.properties?.[property(level, domain)];
  return v === undefined ? null : v;
}

export const indicators = {
  LSOAS_IN_ENGLAND,
  levels: LEVELS,
  domains: DOMAINS,
  usesDeciles,
  property,
  value,

  level(key) {
    return LEVELS.find((l) => l.key === key) ?? LEVELS[0];
  },

  domain(key) {
    return DOMAINS.find((d) => d.key === key) ?? DOMAINS[0];
  },

  colour(feature, level, domain) {
    const v = value(feature, level, domain);
    return usesDeciles(level) ? format.decileColour(v) : format.percentColour(v);
  },

  // Short text for a feature's value, for tooltips and the details panel.
  describe(feature, level, domain) {
    const v = value(feature, level, domain);
    return usesDeciles(level) ? `decile ${format.decileLabel(v)}` : `${format.percent(v)} most deprived`;
  },

  // { title, subtitle, items: [{ key, colour, label }], noData: { colour, label } }
  legend(level, domain) {
    const domainLabel = this.domain(domain).label;
    const noData = { key: "none", colour: format.NO_DATA_COLOUR, label: format.NO_DATA };
    if (usesDeciles(level)) {
      return {
        kind: "decile",
        title: `${domainLabel}, 2019`,
        subtitle: "Decile among England's LSOAs",
        items: format.DECILE_COLOURS.map((colour, i) => ({ key: String(i + 1), colour, label: format.decileLabel(i + 1) })),
        noData,
      };
    }
    return {
      kind: "percent",
      title: `${domainLabel}, 2019`,
      subtitle: `Share of LSOAs in England's most deprived 10%`,
      items: format.percentClassLabels().map((label, i) => ({ key: String(i), colour: format.PERCENT_COLOURS[i], label })),
      noData,
    };
  },
};
