// The page's loading indicator: every request through the wrapper counts while in flight, failures too.
import { test } from "node:test";
import assert from "node:assert/strict";
import { trackLoads } from "../src/js/loadTracker.js";

test("requests count while in flight and stop counting however they end", async () => {
  const seen = [];
  let release;
  const api = {
    getJson: (url) => (url === "/slow" ? new Promise((resolve) => { release = resolve; }) : Promise.resolve({ url })),
    getText: async () => { throw new Error("down"); },
    features: async () => ({ features: [] }),
    withParams: (path) => path,
  };
  const tracked = trackLoads(api, (n) => seen.push(n));
  const slow = tracked.getJson("/slow");
  await assert.rejects(tracked.getText("/broken"), /down/);
  assert.deepEqual(seen, [1, 2, 1]);
  release({ ok: true });
  assert.deepEqual(await slow, { ok: true });
  assert.deepEqual(seen, [1, 2, 1, 0]);
  assert.deepEqual(await tracked.mapConfig(), { url: "/api/map-config" });
  assert.equal(seen.at(-1), 0);
  assert.equal(tracked.withParams("/x"), "/x");
});
