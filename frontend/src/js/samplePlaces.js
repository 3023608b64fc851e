// Where an upload's data is, for the preview map: its sample rows placed from their x/y columns, or its
// extent, when the coordinates are longitude/latitude (EPSG:4326) or British National Grid (27700).
// Other systems are not guessed at: the preview says so and the load converts them. Pure.
import { britishNationalGrid } from "./britishNationalGrid.js";

const number = (text) => {
  const value = Number(String(text ?? "").trim());
  return String(text ?? "").trim() === "" || !Number.isFinite(value) ? null : value;
};

// [lat, lng] in WGS 84 of a coordinate pair in EPSG:4326 or 27700, or null when it cannot be placed.
function latLngOf(x, y, epsg) {
  if (x === null || y === null) return null;
  if (Number(epsg) === 4326) return x >= -180 && x <= 180 && y >= -90 && y <= 90 && !(x === 0 && y === 0) ? [y, x] : null;
  if (Number(epsg) === 27700) return x === 0 && y === 0 ? null : britishNationalGrid.toLatLng(x, y);
  return null;
}

// The sample rows that can be placed from their x/y columns: [{ latLng, row, index }], and how many could not.
function points(sample, mapping) {
  const placed = [];
  let unplaced = 0;
  (sample ?? []).forEach((row, index) => {
    const latLng = mapping?.x && mapping?.y ? latLngOf(number(row[mapping.x]), number(row[mapping.y]), mapping.xyEpsg) : null;
    if (latLng) placed.push({ latLng, row, index });
    else unplaced++;
  });
  return { points: placed, unplaced };
}

// The file's extent [minx, miny, maxx, maxy] as [[south, west], [north, east]], when its CRS is one we can place.
function extentBounds(extent, epsg) {
  if (!Array.isArray(extent) || extent.length !== 4 || extent.some((v) => !Number.isFinite(Number(v)))) return null;
  const [minx, miny, maxx, maxy] = extent.map(Number);
  const corners = [[minx, miny], [minx, maxy], [maxx, miny], [maxx, maxy]].map(([x, y]) => latLngOf(x, y, epsg));
  if (corners.some((c) => c === null)) return null;
  const lats = corners.map((c) => c[0]);
  const lngs = corners.map((c) => c[1]);
  return [[Math.min(...lats), Math.min(...lngs)], [Math.max(...lats), Math.max(...lngs)]];
}

export const samplePlaces = { latLngOf, points, extentBounds };
