// Fetch wrapper for the Patchwork API. Failed responses become Errors whose message is the
// problem+json (RFC 9457) detail, so the page can show the person something they can act on.

async function problemOf(response) {
  const problem = { status: response.status, title: response.statusText, detail: null };
  try {
    const body = await response.json();
    Object.assign(problem, { title: body.title ?? problem.title, detail: body.detail ?? null });
  } catch {
    // Not JSON (a proxy's HTML error page, say): the status line is all there is.
  }
  return problem;
}

async function getJson(url, { accept = "application/json", signal } = {}) {
  let response;
  try {
    response = await fetch(url, { headers: { Accept: accept }, signal });
  } catch (cause) {
    if (cause?.name === "AbortError") throw cause;
    throw Object.assign(new Error("the server could not be reached; check your connection"), { cause });
  }
  if (!response.ok) {
    const problem = await problemOf(response);
    const message = problem.detail || problem.title || `the server answered ${problem.status}`;
    throw Object.assign(new Error(message), problem);
  }
  return response.json();
}

// Every feature of an OGC API Features collection, following `next` links page by page.
async function features(collection, { limit = 10000, maxPages = 50, signal } = {}) {
  let url = new URL(`/ogc/collections/${encodeURIComponent(collection)}/items?limit=${limit}`, location.href).href;
  const all = [];
  const seen = new Set();
  while (url && !seen.has(url) && seen.size < maxPages) {
    seen.add(url);
    const page = await getJson(url, { accept: "application/geo+json, application/json", signal });
    const batch = Array.isArray(page.features) ? page.features : [];
    all.push(...batch);
    const next = batch.length > 0 ? (page.links ?? []).find((link) => link.rel === "next") : null;
    url = next ? new URL(next.href, url).href : null;
  }
  return { type: "FeatureCollection", features: all };
}

export const api = {
  getJson,
  features,
  mapConfig: (options) => getJson("/api/map-config", options),
};
