// British National Grid (EPSG:27700) eastings and northings to WGS 84 latitude and longitude, for
// plotting a file's sample rows before it is loaded: the inverse transverse Mercator projection on the
// Airy 1830 ellipsoid (Ordnance Survey, "A guide to coordinate systems in Great Britain", annex C), then
// the OSGB36 to WGS 84 Helmert transformation (the EPSG:1314 parameters PROJ uses without the OSTN15
// grid). Good to a few metres, which is plenty for a preview; PostGIS does the real transformation.

const AIRY = { a: 6377563.396, b: 6356256.909 };
const WGS84 = { a: 6378137, b: 6356752.3141 };
const GRID = { F0: 0.9996012717, lat0: (49 * Math.PI) / 180, lon0: (-2 * Math.PI) / 180, E0: 400000, N0: -100000 };
// OSGB36 to WGS 84: translations in metres, rotations in arc seconds, scale in parts per million.
const HELMERT = { tx: 446.448, ty: -125.157, tz: 542.06, rx: 0.15, ry: 0.247, rz: 0.842, s: -20.489 };
const SECONDS = Math.PI / (180 * 3600);

// Latitude and longitude (radians) on the Airy ellipsoid.
function inverseProjection(easting, northing) {
  const { a, b } = AIRY;
  const { F0, lat0, lon0, E0, N0 } = GRID;
  const e2 = 1 - (b * b) / (a * a);
  const n = (a - b) / (a + b);
  const meridian = (lat) => b * F0 * (
    (1 + n + (5 / 4) * n ** 2 + (5 / 4) * n ** 3) * (lat - lat0)
    - (3 * n + 3 * n ** 2 + (21 / 8) * n ** 3) * Math.sin(lat - lat0) * Math.cos(lat + lat0)
    + ((15 / 8) * n ** 2 + (15 / 8) * n ** 3) * Math.sin(2 * (lat - lat0)) * Math.cos(2 * (lat + lat0))
    - (35 / 24) * n ** 3 * Math.sin(3 * (lat - lat0)) * Math.cos(3 * (lat + lat0)));
  let lat = lat0;
  let M = 0;
  do {
    lat = (northing - N0 - M) / (a * F0) + lat;
    M = meridian(lat);
  } while (Math.abs(northing - N0 - M) >= 0.00001);
  const sin = Math.sin(lat);
  const nu = a * F0 / Math.sqrt(1 - e2 * sin * sin);
  const rho = a * F0 * (1 - e2) / (1 - e2 * sin * sin) ** 1.5;
  const eta2 = nu / rho - 1;
  const tan = Math.tan(lat);
  const sec = 1 / Math.cos(lat);
  const dE = easting - E0;
  const VII = tan / (2 * rho * nu);
  const VIII = tan / (24 * rho * nu ** 3) * (5 + 3 * tan ** 2 + eta2 - 9 * tan ** 2 * eta2);
  const IX = tan / (720 * rho * nu ** 5) * (61 + 90 * tan ** 2 + 45 * tan ** 4);
  const X = sec / nu;
  const XI = sec / (6 * nu ** 3) * (nu / rho + 2 * tan ** 2);
  const XII = sec / (120 * nu ** 5) * (5 + 28 * tan ** 2 + 24 * tan ** 4);
  const XIIA = sec / (5040 * nu ** 7) * (61 + 662 * tan ** 2 + 1320 * tan ** 4 + 720 * tan ** 6);
  return {
    lat: lat - VII * dE ** 2 + VIII * dE ** 4 - IX * dE ** 6,
    lon: lon0 + X * dE - XI * dE ** 3 + XII * dE ** 5 - XIIA * dE ** 7,
  };
}

function toCartesian({ lat, lon }, { a, b }) {
  const e2 = 1 - (b * b) / (a * a);
  const nu = a / Math.sqrt(1 - e2 * Math.sin(lat) ** 2);
  return { x: nu * Math.cos(lat) * Math.cos(lon), y: nu * Math.cos(lat) * Math.sin(lon), z: (1 - e2) * nu * Math.sin(lat) };
}

function fromCartesian({ x, y, z }, { a, b }) {
  const e2 = 1 - (b * b) / (a * a);
  const p = Math.sqrt(x * x + y * y);
  let lat = Math.atan2(z, p * (1 - e2));
  for (let i = 0; i < 10; i++) {
    const nu = a / Math.sqrt(1 - e2 * Math.sin(lat) ** 2);
    lat = Math.atan2(z + e2 * nu * Math.sin(lat), p);
  }
  return { lat, lon: Math.atan2(y, x) };
}

function helmert({ x, y, z }) {
  const { tx, ty, tz } = HELMERT;
  const s = 1 + HELMERT.s * 1e-6;
  const [rx, ry, rz] = [HELMERT.rx * SECONDS, HELMERT.ry * SECONDS, HELMERT.rz * SECONDS];
  return {
    x: tx + s * x - rz * y + ry * z,
    y: ty + rz * x + s * y - rx * z,
    z: tz - ry * x + rx * y + s * z,
  };
}

// [latitude, longitude] in degrees (WGS 84) of a grid point, or null for numbers outside the grid.
function toLatLng(easting, northing) {
  const blank = (v) => v === null || v === undefined || String(v).trim() === "";
  if (blank(easting) || blank(northing)) return null;
  const e = Number(easting);
  const n = Number(northing);
  if (!Number.isFinite(e) || !Number.isFinite(n) || e < -100000 || e > 800000 || n < -100000 || n > 1400000) return null;
  const { lat, lon } = fromCartesian(helmert(toCartesian(inverseProjection(e, n), AIRY)), WGS84);
  return [(lat * 180) / Math.PI, (lon * 180) / Math.PI];
}

export const britishNationalGrid = { toLatLng };
