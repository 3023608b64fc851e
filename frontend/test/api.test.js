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

beforeEach(() => {
  requests = [];
  globalThis.location = new URL("http://patchwork.test/");
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
