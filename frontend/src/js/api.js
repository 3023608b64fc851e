// Fetch wrapper for the Patchwork API. Failed responses become Errors whose message is the
// problem+json (RFC 9457) detail, so the page can show the person something they can act on.
// Every request says it comes from the app's script (so a 401 never pops up the browser's Basic
// dialog), and every change carries the XSRF-TOKEN cookie back as a header (Spring Security's CSRF).
// A 401 means the session has ended: the person is sent to the sign-in page. Files go up through
// XMLHttpRequest, the one browser API that reports how many bytes of a request body have been sent.

const SIGN_IN_PAGE = "/login.html";
const SAFE_METHODS = new Set(["GET", "HEAD"]);

// Replaced in tests; in the browser it leaves the page for the sign-in form.
const hooks = {
  unauthenticated: () => globalThis.location?.assign?.(SIGN_IN_PAGE),
};

function xsrfToken() {
  const cookies = globalThis.document?.cookie ?? "";
  const entry = cookies.split(";").map((c) => c.trim()).find((c) => c.startsWith("XSRF-TOKEN="));
  return entry ? decodeURIComponent(entry.slice("XSRF-TOKEN=".length)) : null;
}

// The problem of a failed answer from its status line and body text; `errors` is an upload's row-level list.
function problemFrom(status, statusText, text) {
  const problem = { status, title: statusText, detail: null, type: null, errors: null };
  try {
    const body = JSON.parse(text);
    Object.assign(problem, { title: body.title ?? problem.title, detail: body.detail ?? null, type: body.type ?? null,
      errors: Array.isArray(body.errors) ? body.errors : null });
  } catch {
    // Not JSON (a proxy's HTML error page, say): the status line is all there is.
  }
  return problem;
}

function failure(problem, redirectOn401) {
  if (problem.status === 401 && redirectOn401) hooks.unauthenticated();
  const message = problem.detail || problem.title || `the server answered ${problem.status}`;
  return Object.assign(new Error(message), problem);
}

function headersFor(method, accept) {
  const headers = { Accept: accept, "X-Requested-With": "XMLHttpRequest" };
  if (!SAFE_METHODS.has(method)) {
    const token = xsrfToken();
    if (token) headers["X-XSRF-TOKEN"] = token;
  }
  return headers;
}

// The response of one request; `redirectOn401: false` is for the sign-in form, where 401 is an answer.
async function request(method, url, { accept = "application/json", body, contentType, signal, redirectOn401 = true } = {}) {
  const headers = headersFor(method, accept);
  if (contentType) headers["Content-Type"] = contentType;
  let response;
  try {
    response = await fetch(url, { method, headers, body, signal, credentials: "same-origin" });
  } catch (cause) {
    if (cause?.name === "AbortError") throw cause;
    throw Object.assign(new Error("the server could not be reached; check your connection"), { cause });
  }
  if (!response.ok) {
    const text = await response.text().catch(() => "");
    throw failure(problemFrom(response.status, response.statusText, text), redirectOn401);
  }
  return response;
}

async function getText(url, options = {}) {
  return (await request("GET", url, { accept: "text/plain", ...options })).text();
}

// POSTs a FormData (multipart; the browser writes its Content-Type and boundary) and resolves to the
// answer's JSON. onProgress({ loaded, total }) follows the bytes sent; an aborted signal cancels it.
function upload(url, formData, { onProgress = () => {}, signal, accept = "application/json" } = {}) {
  return new Promise((resolve, reject) => {
    const xhr = new globalThis.XMLHttpRequest();
    xhr.open("POST", url);
    for (const [name, value] of Object.entries(headersFor("POST", accept))) xhr.setRequestHeader(name, value);
    xhr.upload.addEventListener("progress", (event) => {
      if (event.lengthComputable) onProgress({ loaded: event.loaded, total: event.total });
    });
    xhr.addEventListener("load", () => {
      if (xhr.status < 200 || xhr.status >= 300) {
        reject(failure(problemFrom(xhr.status, xhr.statusText, xhr.responseText), true));
        return;
      }
      try {
        resolve(xhr.responseText ? JSON.parse(xhr.responseText) : null);
      } catch (cause) {
        reject(Object.assign(new Error("the server's answer could not be read"), { cause }));
      }
    });
    xhr.addEventListener("error", () => reject(new Error("the server could not be reached; check your connection")));
    xhr.addEventListener("abort", () => reject(Object.assign(new Error("the upload was cancelled"), { name: "AbortError" })));
    signal?.addEventListener("abort", () => xhr.abort(), { once: true });
    xhr.send(formData);
  });
}

async function getJson(url, options = {}) {
  return (await request("GET", url, options)).json();
}

// POST, PUT, PATCH or DELETE with a JSON body; resolves to the answer's JSON, or null for 204.
async function send(method, url, body, options = {}) {
  const response = await request(method, url, {
    ...options,
    body: body === undefined ? undefined : JSON.stringify(body),
    contentType: body === undefined ? undefined : "application/json",
  });
  return response.status === 204 ? null : response.json();
}

function withParams(path, params = {}) {
  const url = new URL(path, globalThis.location?.href ?? "http://localhost/");
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== "") url.searchParams.set(key, String(value));
  }
  return url.href;
}

// Every feature of an OGC API Features collection, following `next` links page by page; numberMatched
// is the first page's (the whole filtered collection), so callers can say when they stopped early.
async function features(collection, { limit = 10000, maxPages = 50, params = {}, signal } = {}) {
  let url = withParams(`/ogc/collections/${encodeURIComponent(collection)}/items`, { ...params, limit });
  const all = [];
  const seen = new Set();
  let numberMatched = null;
  while (url && !seen.has(url) && seen.size < maxPages) {
    seen.add(url);
    const page = await getJson(url, { accept: "application/geo+json, application/json", signal });
    const batch = Array.isArray(page.features) ? page.features : [];
    if (numberMatched === null && Number.isFinite(page.numberMatched)) numberMatched = page.numberMatched;
    all.push(...batch);
    const next = batch.length > 0 ? (page.links ?? []).find((link) => link.rel === "next") : null;
    url = next ? new URL(next.href, url).href : null;
  }
  return { type: "FeatureCollection", features: all, numberMatched: numberMatched ?? all.length };
}

// Signs in with the form the server's formLogin expects; resolves true, or throws the server's detail.
async function signIn(username, password) {
  const body = new URLSearchParams({ username, password }).toString();
  await request("POST", "/login", { body, contentType: "application/x-www-form-urlencoded", redirectOn401: false });
  return true;
}

async function signOut() {
  await request("POST", "/logout", { redirectOn401: false });
}

export const api = {
  hooks,
  SIGN_IN_PAGE,
  getJson,
  getText,
  send,
  upload,
  withParams,
  features,
  signIn,
  signOut,
  xsrfToken,
  mapConfig: (options) => getJson("/api/map-config", options),
  session: () => getJson("/api/session", { redirectOn401: false }),
};
