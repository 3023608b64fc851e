// The one way numbers for areas reach the map: values by area code (from the counts or statistics API)
// joined to the boundaries the browser already holds, so a change of filter moves values, not geometry.

// boundaries: a GeoJSON FeatureCollection of one level; rows: [{ code, name?, ... }]; propertiesOf(row): the
// properties to draw. Returns one feature per area that has a row, and the codes of rows with no boundary.
export function valuesByCode(boundaries, rows, propertiesOf) {
  const byCode = new Map((rows ?? []).map((row) => [String(row.code), row]));
  const drawn = new Set();
  const features = [];
  for (const feature of boundaries?.features ?? []) {
    const code = String(feature.id ?? feature.properties?.code);
    const row = byCode.get(code);
    if (!row) continue;
    drawn.add(code);
    features.push({ ...feature, properties: { ...feature.properties, code, name: row.name ?? feature.properties?.name ?? code,
      ...propertiesOf(row) } });
  }
  const unplaced = [...byCode.keys()].filter((code) => !drawn.has(code));
  return { collection: { type: "FeatureCollection", features }, unplaced };
}
