// The fetch wrapper, against a stand-in fetch: problem+json becomes a readable Error, pages are followed.
import { test, beforeEach } from "node:test";
import assert from "node:assert/strict";
import { api } from "../src/js/api.js";

const json = (status, body, type = "application/json") =>
  new Response(JSON.stringify(body), { status, headers: { "Content-Type": type } });

let requests;
function serve(handler) {
  globalThis.fetch = async (url, init) => {
    requests.push({ url: String(url), init });
    return handler(String(url));
  };
}

let signInPageVisits;
beforeEach(() => {
  requests = [];
  signInPageVisits = 0;
  globalThis.location = new URL("http://patchwork.test/");
  globalThis.document = { cookie: "JSESSIONID=abc; XSRF-TOKEN=1f2e%3D3d" };
  api.hooks.unauthenticated = () => { signInPageVisits++; };
});

test("a problem+json answer becomes an Error carrying its detail, title and status", async () => {
  serve(() => json(404, { type: "unknown-collection", title: "Not Found", status: 404,
    detail: "There is no collection 'parish'" }, "application/problem+json"));
  await assert.rejects(api.features("parish"), (error) => {
    assert.equal(error.message, "There is no collection 'parish'");
    assert.equal(error.status, 404);
    assert.equal(error.title, "Not Found");
    return true;
  });
});

test("an error without a JSON body falls back to the status line", async () => {
  serve(() => new Response("<html>Bad gateway</html>", { status: 502, statusText: "Bad Gateway" }));
  await assert.rejects(api.mapConfig(), { message: "Bad Gateway", status: 502 });
});

test("a network failure says the server could not be reached", async () => {
  globalThis.fetch = async () => { throw new TypeError("Failed to fetch"); };
  await assert.rejects(api.mapConfig(), { message: /could not be reached/ });
});

test("features follow next links until the last page and ask for GeoJSON", async () => {
  serve((url) => {
    const offset = Number(new URL(url).searchParams.get("offset") ?? 0);
    const links = offset < 4 ? [{ rel: "next", href: `/ogc/collections/ward/items?limit=2&offset=${offset + 2}` }] : [];
    return json(200, { type: "FeatureCollection", features: [{ id: `w${offset}` }, { id: `w${offset + 1}` }], links },
      "application/geo+json");
  });
  const collection = await api.features("ward", { limit: 2 });
  assert.deepEqual(collection.features.map((f) => f.id), ["w0", "w1", "w2", "w3", "w4", "w5"]);
  assert.equal(requests[0].url, "http://patchwork.test/ogc/collections/ward/items?limit=2");
  assert.match(requests[0].init.headers.Accept, /application\/geo\+json/);
});

test("a next link that repeats the same page does not loop", async () => {
  serve(() => json(200, { features: [{ id: "a" }], links: [{ rel: "next", href: "/ogc/collections/lsoa/items?limit=10000" }] }));
  const collection = await api.features("lsoa");
  assert.equal(collection.features.length, 1);
  assert.equal(requests.length, 1);
});

test("every request says it comes from the app's script; changes carry the XSRF cookie back", async () => {
  serve(() => json(200, { ok: true }));
  await api.getJson("/api/datasets");
  assert.equal(requests[0].init.headers["X-Requested-With"], "XMLHttpRequest");
  assert.equal(requests[0].init.headers["X-XSRF-TOKEN"], undefined);
  await api.send("POST", "/api/me/tokens", { name: "QGIS", days: 30 });
  assert.equal(requests[1].init.method, "POST");
  assert.equal(requests[1].init.headers["X-XSRF-TOKEN"], "1f2e=3d");
  assert.equal(requests[1].init.headers["Content-Type"], "application/json");
  assert.equal(requests[1].init.body, JSON.stringify({ name: "QGIS", days: 30 }));
});

test("a 204 answer resolves to null", async () => {
  serve(() => new Response(null, { status: 204 }));
  assert.equal(await api.send("DELETE", "/api/me/tokens/3"), null);
  assert.equal(requests[0].init.body, undefined);
});

test("a 401 from the API sends the person to the sign-in page, and still rejects", async () => {
  serve(() => json(401, { title: "Unauthenticated", detail: "Sign in first" }, "application/problem+json"));
  await assert.rejects(api.getJson("/api/datasets"), { status: 401, message: "Sign in first" });
  assert.equal(signInPageVisits, 1);
});

test("a 403 keeps the person on the page with the problem's detail", async () => {
  serve(() => json(403, { title: "Forbidden", detail: "Only administrators may do this." }, "application/problem+json"));
  await assert.rejects(api.getJson("/api/admin/users"), { status: 403, message: "Only administrators may do this." });
  assert.equal(signInPageVisits, 0);
});

test("signing in posts the form fields with both headers, and a refusal is the server's detail, not a redirect", async () => {
  const failed = "The user name or password is not right, or the account is disabled.";
  serve(() => json(401, { title: "Sign-in failed", detail: failed }, "application/problem+json"));
  await assert.rejects(api.signIn("someone", "p&ss word"), { status: 401, message: failed });
  assert.equal(signInPageVisits, 0);
  assert.equal(requests[0].url, "/login");
  assert.equal(requests[0].init.body, "username=someone&password=p%26ss+word");
  assert.equal(requests[0].init.headers["Content-Type"], "application/x-www-form-urlencoded");
  assert.equal(requests[0].init.headers["X-Requested-With"], "XMLHttpRequest");
  assert.equal(requests[0].init.headers["X-XSRF-TOKEN"], "1f2e=3d");
});

test("feature filters become query parameters, empty ones are left out, and numberMatched is kept", async () => {
  serve(() => json(200, { features: [{ id: 1 }], numberMatched: 151, links: [] }));
  const collection = await api.features("crime-by-lsoa", { limit: 50, params: { category: "Bicycle theft", from: "2022-03", to: "" } });
  assert.equal(requests[0].url, "http://patchwork.test/ogc/collections/crime-by-lsoa/items?category=Bicycle+theft&from=2022-03&limit=50");
  assert.equal(collection.numberMatched, 151);
});

// A stand-in XMLHttpRequest: records what is sent, reports two progress events, then answers.
function fakeXhr(status, body, { statusText = "" } = {}) {
  const sent = [];
  globalThis.XMLHttpRequest = class {
    constructor() {
      this.headers = {};
      this.listeners = {};
      this.upload = { addEventListener: (type, fn) => { this.uploadProgress = fn; } };
      sent.push(this);
    }
    open(method, url) { Object.assign(this, { method, url }); }
    setRequestHeader(name, value) { this.headers[name] = value; }
    addEventListener(type, fn) { this.listeners[type] = fn; }
    abort() { this.listeners.abort?.(); }
    send(data) {
      this.data = data;
      queueMicrotask(() => {
        if (this.aborted) return;
        this.uploadProgress?.({ lengthComputable: true, loaded: 50, total: 100 });
        this.uploadProgress?.({ lengthComputable: true, loaded: 100, total: 100 });
        Object.assign(this, { status, statusText, responseText: typeof body === "string" ? body : JSON.stringify(body) });
        this.listeners.load?.();
      });
    }
  };
  return sent;
}

test("an upload posts the form data with both headers, reports the bytes sent and resolves to the answer", async () => {
  const sent = fakeXhr(201, { uploadId: "u-1", featureCount: 303 });
  const progress = [];
  const form = { file: "data.csv" };
  const inspection = await api.upload("/api/uploads", form, { onProgress: (p) => progress.push(p) });
  assert.deepEqual(inspection, { uploadId: "u-1", featureCount: 303 });
  assert.equal(sent[0].method, "POST");
  assert.equal(sent[0].url, "/api/uploads");
  assert.equal(sent[0].data, form);
  assert.equal(sent[0].headers["X-Requested-With"], "XMLHttpRequest");
  assert.equal(sent[0].headers["X-XSRF-TOKEN"], "1f2e=3d");
  assert.equal(sent[0].headers["Content-Type"], undefined, "the browser writes the multipart boundary");
  assert.deepEqual(progress, [{ loaded: 50, total: 100 }, { loaded: 100, total: 100 }]);
});

test("a refused upload rejects with the problem's detail and its row-level errors", async () => {
  const errors = [{ file: "parcels.shp", row: null, column: null, value: null, reason: "the ESRI Shapefile is missing its .shx file" }];
  fakeXhr(422, { type: "/problems/upload-rejected", title: "Upload rejected", status: 422,
    detail: "parcels.shp: the ESRI Shapefile is missing its .shx file", errors });
  await assert.rejects(api.upload("/api/uploads", {}), (error) => {
    assert.equal(error.status, 422);
    assert.equal(error.message, "parcels.shp: the ESRI Shapefile is missing its .shx file");
    assert.deepEqual(error.errors, errors);
    return true;
  });
  assert.equal(signInPageVisits, 0);
});

test("an upload answered 401 sends the person to sign in; an aborted one is an AbortError", async () => {
  fakeXhr(401, { title: "Unauthenticated", detail: "Sign in first" });
  await assert.rejects(api.upload("/api/uploads", {}), { status: 401 });
  assert.equal(signInPageVisits, 1);
  const sent = fakeXhr(201, {});
  const controller = new AbortController();
  const pending = api.upload("/api/uploads", {}, { signal: controller.signal });
  sent[0].aborted = true;
  controller.abort();
  await assert.rejects(pending, { name: "AbortError" });
});
