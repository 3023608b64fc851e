// Counts the requests in flight through the api wrapper, so the page can show that something is loading
// whatever asked for it (the areas, counts, boundaries, clusters, overlays, the dataset lists). onChange(n)
// hears the number each time it changes. An aborted request counts as finished.
const TRACKED = ["getJson", "getText", "features"];

export function trackLoads(api, onChange) {
  let inFlight = 0;
  const settle = (delta) => {
    inFlight += delta;
    onChange(inFlight);
  };
  const wrapped = { ...api };
  for (const name of TRACKED) {
    wrapped[name] = (...args) => {
      settle(1);
      let promise;
      try {
        promise = Promise.resolve(api[name](...args));
      } catch (error) {
        promise = Promise.reject(error);
      }
      return promise.finally(() => settle(-1));
    };
  }
  wrapped.mapConfig = (options) => wrapped.getJson("/api/map-config", options);
  return wrapped;
}
