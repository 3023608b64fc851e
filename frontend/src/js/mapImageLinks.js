// Addresses of the server's map image (PNG or PDF) and A4 briefing page for an indicator, with the
// classification chosen on the page, so the picture has the same breaks and legend as GET .../classes. Pure.

const METHODS = [
  { key: "quantile", label: "Quantiles" },
  { key: "natural-breaks", label: "Natural breaks (Jenks)" },
  { key: "equal-interval", label: "Equal intervals" },
  { key: "standard-deviation", label: "Standard deviations" },
  { key: "significance", label: "Compared with the district (95%)" },
];

// choice: { method, classes, within, bbox? }. "significance" colours areas by their comparison instead of their value.
function params(indicatorId, { method = "quantile", classes = 5, within, bbox } = {}) {
  const p = new URLSearchParams({ indicator: String(indicatorId) });
  if (method === "significance") {
    p.set("by", "significance");
    p.set("comparator", "district");
  } else {
    p.set("method", method);
    p.set("classes", String(classes));
  }
  if (within) p.set("within", within);
  if (bbox) p.set("bbox", bbox.map((n) => Number(n).toFixed(5)).join(","));
  return p;
}

const classesUrl = (id, choice) => `/api/indicators/${encodeURIComponent(id)}/classes?${params(id, choice)}`;
const imageUrl = (id, choice, format = "png") => `/api/map-image?${params(id, choice)}&format=${format}`;
const briefingUrl = (id, choice) => `/api/briefing?${params(id, choice)}`;

// The map page's counts as an image: the same dataset, filter and level, the same classification the page asks
// POST /api/classify for (classes: crime.CLASSES), framed by the map's bounds [west, south, east, north].
function countsImageUrl(datasetId, { level, category, from, to }, classes, bbox, format = "png") {
  const p = new URLSearchParams({ dataset: String(datasetId), level });
  for (const [key, value] of Object.entries({ category, from, to })) if (value) p.set(key, value);
  p.set("method", classes.method);
  p.set("classes", String(classes.classes));
  if (classes.palette) p.set("palette", classes.palette);
  if (classes.zeroClass) p.set("zeroClass", "true");
  if (bbox) p.set("bbox", bbox.map((n) => Number(n).toFixed(5)).join(","));
  p.set("format", format);
  return `/api/map-image?${p}`;
}

export const mapImageLinks = { METHODS, params, classesUrl, imageUrl, briefingUrl, countsImageUrl };
