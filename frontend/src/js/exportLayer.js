// Which OGC collection (and which of its parameters) exports what the map shows: the boundaries of a level
// with deprivation, an event dataset's counts by area (category, from, to) or its individual events (category,
// month: record-level access only), or one slice of an area-statistics dataset (measure, category, period).
// Pure, so it is tested without a browser; the export dialog takes what it returns.

const LEVEL_TITLES = { lsoa: "LSOAs", msoa: "MSOAs", ward: "wards", district: "districts" };

// choice: the layer picker's value; theme: the picked event or statistics theme (undefined for deprivation).
export function exportLayer(choice, theme) {
  const level = choice?.level ?? "lsoa";
  const clean = (params) => Object.fromEntries(Object.entries(params).filter(([, v]) => v !== undefined && v !== null && v !== ""));
  if (!theme) {
    return { collectionId: level, title: `Deprivation (IMD 2019) by ${LEVEL_TITLES[level] ?? level}`, params: {} };
  }
  const { slug, title } = theme.dataset ?? {};
  if (theme.kind === "area-statistics") {
    const { measure, category, period } = choice.statistics ?? {};
    return { collectionId: slug, title: title ?? slug, params: clean({ measure, category, period }) };
  }
  const filter = choice.crime ?? {};
  const layers = [{ collectionId: `${slug}-by-${level}`, title: `${title ?? slug} by ${LEVEL_TITLES[level] ?? level}`,
    params: clean({ category: filter.category, from: filter.from, to: filter.to }) }];
  if (theme.points && filter.points && filter.from && filter.from === filter.to) {
    layers.push({ collectionId: slug, title: `${title ?? slug}: individual events`,
      params: clean({ category: filter.category, month: filter.from }) });
  }
  return { ...layers[0], alternatives: layers };
}
