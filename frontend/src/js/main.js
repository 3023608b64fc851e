// Wiring only: build the map, its controls and the details panel, and connect their events.
import { api } from "./api.js";
import { map } from "./map.js";
import { indicators } from "./indicators.js";
import { MapBrowser } from "./MapBrowser.js";
import { StatusControl } from "./controls/StatusControl.js";
import { LayerPickerControl } from "./controls/LayerPickerControl.js";
import { DistrictZoomControl } from "./controls/DistrictZoomControl.js";
import { LegendControl } from "./controls/LegendControl.js";
import { AreaDetailsPanel } from "./panels/AreaDetailsPanel.js";

const element = document.getElementById("map");
const leafletMap = map(element);
const initial = { level: "lsoa", domain: "imd" };

const status = new StatusControl().addTo(leafletMap);
const picker = new LayerPickerControl({ levels: indicators.levels, domains: indicators.domains, ...initial }).addTo(leafletMap);
const districts = new DistrictZoomControl().addTo(leafletMap);
const legend = new LegendControl().addTo(leafletMap);
const details = new AreaDetailsPanel(document.getElementById("details"));

const browser = new MapBrowser(leafletMap, {
  api, status, legend, districts, details, ...initial,
  // data-state (loading | ready | empty | error) and data-level are what the browser test waits for.
  onState(state, level) {
    document.body.dataset.state = state;
    document.body.dataset.level = level;
    element.setAttribute("aria-busy", String(state === "loading"));
  },
});

picker.on("change", (choice) => browser.show(choice));
districts.on("change", ({ code }) => browser.zoomTo(code));
status.on("retry", () => browser.refresh());
browser.start();
