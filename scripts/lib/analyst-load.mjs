// Load test: N concurrent clients replaying a partnership analyst's session in the web app, for a fixed time.
//   node analyst-load.mjs BASE_URL USERNAME PASSWORD INDICATOR_ID DATASET_ID CATEGORY FROM TO CLIENTS SECONDS
// Each client signs in once through the login form (a browser session, as the web app uses) and then loops:
// the indicator list, one district's indicator values (the choropleth), nine boundary tiles at zoom 12 around
// the district's first LSOA (the map), an LSOA's profile, its series, the district counts of the category.
// Prints requests, errors (non-2xx or network), and the p50/p95/p99/max of request times, overall and per
// kind; exit 0 always (the bench prints; it does not gate). Node 18+ (built-in fetch), no packages.
const [base, username, password, indicatorId, datasetId, category, from, to, clientsArg, secondsArg] = process.argv.slice(2);
const clients = Number(clientsArg || 50);
const seconds = Number(secondsArg || 60);
// Liverpool, Manchester, Birmingham, Leeds, Sefton: zoom-12 tiles near each (row, col) from their centres
const districts = [
  { code: 'E08000012', row: 1326, col: 2013 },
  { code: 'E08000003', row: 1328, col: 2024 },
  { code: 'E08000025', row: 1349, col: 2026 },
  { code: 'E08000035', row: 1314, col: 2030 },
  { code: 'E08000014', row: 1320, col: 2012 },
];

// as the web app signs in: a first request gets the CSRF cookie (and a session), the form is posted with it
async function signIn() {
  const first = await fetch(`${base}/api/session`);
  const jar = new Map(first.headers.getSetCookie().map((c) => c.split(';')[0].split(/=(.*)/s).slice(0, 2)));
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const reply = await fetch(`${base}/login`, {
    method: 'POST', redirect: 'manual', body: new URLSearchParams({ username, password }),
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', 'X-Requested-With': 'XMLHttpRequest',
      'X-XSRF-TOKEN': jar.get('XSRF-TOKEN') || '', Cookie: cookie() },
  });
  for (const c of reply.headers.getSetCookie()) { const [k, v] = c.split(';')[0].split(/=(.*)/s); jar.set(k, v); }
  if (reply.status >= 400 || !jar.has('SESSION')) throw new Error(`sign-in failed: ${reply.status}`);
  return cookie();
}

const times = {};   // kind -> [ms]
let errors = 0;
const errorSamples = [];
function record(kind, ms) { (times[kind] ||= []).push(ms); }

async function get(cookie, kind, path, deadline) {
  const start = performance.now();
  let text = null;
  try {
    const reply = await fetch(base + path, { headers: { Cookie: cookie }, signal: AbortSignal.timeout(30000) });   // slower than 30 s is an error
    text = Buffer.from(await reply.arrayBuffer());
    if (!reply.ok) {
      text = null;
      errors++;
      if (errorSamples.length < 5) errorSamples.push(`${reply.status} ${path}`);
    }
  } catch (e) {
    errors++;
    if (errorSamples.length < 5) errorSamples.push(`${e.message} ${path}`);
  }
  record(kind, performance.now() - start);
  return text;
}

async function client(n, deadline) {
  const cookie = await signIn();
  let k = n;
  while (Date.now() < deadline) {
    const d = districts[k++ % districts.length];
    const t = deadline;
    await get(cookie, 'indicator list', '/api/indicators', t);
    const values = await get(cookie, 'indicator values (district)', `/api/indicators/${indicatorId}/values?within=${d.code}`, t);
    for (let dr = -1; dr <= 1; dr++) {
      for (let dc = -1; dc <= 1; dc++) {
        await get(cookie, 'boundary tile z12', `/ogc/collections/lsoa/tiles/WebMercatorQuad/12/${d.row + dr}/${d.col + dc}?f=mvt`, t);
      }
    }
    const areas = values ? JSON.parse(values.toString('utf8')).areas : [];
    const lsoa = areas.length ? areas[(k * 7) % areas.length].code : null;
    if (lsoa) {
      await get(cookie, 'area profile', `/api/areas/${lsoa}/profile`, t);
      await get(cookie, 'indicator series', `/api/indicators/${indicatorId}/series?area=${lsoa}`, t);
    }
    await get(cookie, 'district counts', `/api/datasets/${datasetId}/counts?level=district&category=${encodeURIComponent(category)}&from=${from}&to=${to}`, t);
  }
}

function pct(sorted, p) { return sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] : NaN; }
function line(label, list) {
  const s = [...list].sort((a, b) => a - b);
  return `  ${label.padEnd(30)} ${String(s.length).padStart(7)} requests  p50 ${pct(s, 0.5).toFixed(0).padStart(6)} ms  p95 ${pct(s, 0.95).toFixed(0).padStart(6)} ms  p99 ${pct(s, 0.99).toFixed(0).padStart(6)} ms  max ${s[s.length - 1]?.toFixed(0).padStart(6)} ms`;
}

// node exits (code 13) when only unref'd timers such as AbortSignal.timeout remain while a request is pending;
// this keeps the loop alive until every client has finished, so a stuck request ends as a timeout error
const keepAlive = setInterval(() => {}, 1000);
const deadline = Date.now() + seconds * 1000;
const started = Date.now();
const results = await Promise.allSettled(Array.from({ length: clients }, (_, n) => client(n, deadline)));
clearInterval(keepAlive);
const failedClients = results.filter((r) => r.status === 'rejected');
const all = Object.values(times).flat();
console.log(`  ${clients} clients for ${seconds} s (ran ${((Date.now() - started) / 1000).toFixed(1)} s): ${all.length} requests, ${errors} errors`
  + (failedClients.length ? `, ${failedClients.length} clients could not sign in (${failedClients[0].reason.message})` : ''));
for (const sample of errorSamples) console.log(`    error: ${sample}`);
console.log(line('all requests', all));
for (const [kind, list] of Object.entries(times)) console.log(line(kind, list));
const p95 = pct([...all].sort((a, b) => a - b), 0.95);
console.log(`  p95 ${p95.toFixed(0)} ms (aim < 1000 ms), errors ${errors + failedClients.length} (aim 0): `
  + (p95 < 1000 && errors + failedClients.length === 0 ? 'within aim' : 'ABOVE AIM'));
