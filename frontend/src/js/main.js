// Wiring only: the header, the map, its controls and the details panel, and their events. The crime and
// statistics layers and the polygon overlays are offered once the datasets the person may map are known;
// the map does not wait for that. ?dataset=12 opens dataset 12 once it is known (the upload wizard's
// "See it on the map"): an event or statistics dataset as the layer shown, a polygon dataset as an overlay.
import { api as baseApi } from "./api.js";
import { map } from "./map.js";
import { indicators } from "./indicators.js";
import { datasetLayers } from "./datasetLayers.js";
import { MapBrowser } from "./MapBrowser.js";
import { PolygonOverlays } from "./PolygonOverlays.js";
import { signedInPage } from "./header/signedInPage.js";
import { StatusControl } from "./controls/StatusControl.js";
import { LayerPickerControl } from "./controls/LayerPickerControl.js";
import { DistrictZoomControl } from "./controls/DistrictZoomControl.js";
import { LegendControl } from "./controls/LegendControl.js";
import { MapImageControl } from "./controls/MapImageControl.js";
import { AreaDetailsPanel } from "./panels/AreaDetailsPanel.js";
import { CustomAreasControl } from "./controls/CustomAreasControl.js";
import { TimeSliderControl } from "./controls/TimeSliderControl.js";
import { collapsible } from "./controls/collapsible.js";
import { trackLoads } from "./loadTracker.js";
import { timeSteps } from "./timeSteps.js";
import { ExportControl } from "./controls/ExportControl.js";
import { exportLayer } from "./exportLayer.js";
import { openExportDialog } from "./exportDialog.js";

const DEPRIVATION = { key: "imd", label: "Deprivation (IMD 2019)" };
const element = document.getElementById("map");
const leafletMap = map(element);
// A bar across the top of the map while any request is under way; body[data-loads] counts them (tests read it).
const progress = Object.assign(document.createElement("div"), { className: "map-progress", hidden: true });
progress.setAttribute("role", "progressbar");
progress.setAttribute("aria-label", "Loading");
element.append(progress);
const api = trackLoads(baseApi, (n) => {
  progress.hidden = n === 0;
  document.body.dataset.loads = String(n);
});
// A large partnership area (a region, all of England) starts at district level: its LSOAs are too many to draw at once.
const startConfig = await api.mapConfig().catch(() => ({}));
const initial = { theme: "imd", level: startConfig?.initialLevel === "district" ? "district" : "lsoa", domain: "imd" };

const slider = new TimeSliderControl().addTo(leafletMap);
const status = new StatusControl().addTo(leafletMap);
const picker = new LayerPickerControl({ levels: indicators.levels, domains: indicators.domains, themes: [DEPRIVATION],
  ...initial }).addTo(leafletMap);
const districts = new DistrictZoomControl().addTo(leafletMap);
const legend = new LegendControl().addTo(leafletMap);
// Below 600 px the controls fold into buttons (collapsible.js), so the map stays usable on a phone.
collapsible(picker.getContainer(), { label: "Map options" });
collapsible(districts.getContainer(), { label: "Zoom to…" });
collapsible(legend.getContainer(), { label: "Legend" });
let statisticsAnswer = null;
const syncSlider = () => {
  const steps = timeSteps(picker.theme(), picker.value(), statisticsAnswer);
  slider.setPeriods(steps.periods, steps.current, steps.span);
};
const mapImage = new MapImageControl().addTo(leafletMap);
const details = new AreaDetailsPanel(document.getElementById("details"));

const browser = new MapBrowser(leafletMap, {
  api, status, legend, districts, details, choice: picker.value(),
  // data-state (loading | ready | empty | error), data-theme and data-level are what the browser tests wait for.
  onState(state, choice) {
    Object.assign(document.body.dataset, { state, level: choice.level, theme: choice.theme });
    mapImage.setChoice(choice);
    element.setAttribute("aria-busy", String(state === "loading"));
  },
  onStatistics: (answer) => {
    statisticsAnswer = answer;
    picker.setStatistics(answer);
    syncSlider();
  },
});
const overlays = new PolygonOverlays(leafletMap, { api, onState: (key, state, text) => picker.setOverlayState(key, state, text) });

// Someone stepping through a list with the arrow keys fires a change per option: wait until they pause,
// so the server is not asked (and the audit trail not filled) for every option passed on the way.
let pending = null;
picker.on("change", (choice) => {
  clearTimeout(pending);
  document.body.dataset.state = "loading";
  pending = setTimeout(() => browser.show(choice), 250);
  syncSlider();
});
slider.on("step", ({ key }) => picker.setPeriod(key));
picker.on("overlay", ({ key, on }) => overlays.set(key, on));
districts.on("change", ({ code }) => browser.zoomTo(code));
status.on("retry", () => browser.refresh());
// Export the layer shown (the same collection, filters and access as the map's data).
new ExportControl().addTo(leafletMap).on("export", () => {
  const layer = exportLayer(browser.choice, browser.themes.get(browser.choice.theme));
  openExportDialog(layer.collectionId, layer.title, layer);
});

browser.start();
signedInPage({ allowAnonymous: true }).then(async (session) => {
  if (session.authenticated) new CustomAreasControl({ api }).addTo(leafletMap);   // custom areas are for those signed in
  const layers = await datasetLayers.load(api);
  const themes = [...layers.crime, ...layers.statistics];
  browser.setThemes(themes);
  picker.setThemes([DEPRIVATION, ...themes]);
  syncSlider();
  overlays.setOverlays(layers.overlays);
  picker.setOverlays(layers.overlays);
  // data-themes (crime and statistics layers) and data-overlays are what the browser tests wait for.
  document.body.dataset.themes = String(themes.length);
  document.body.dataset.overlays = String(layers.overlays.length);
  const wanted = new URLSearchParams(location.search).get("dataset");
  if (wanted && !picker.chooseTheme(`events:${wanted}`) && !picker.chooseTheme(`statistics:${wanted}`)
    && !picker.chooseOverlay(`polygons:${wanted}`)) {
    status.notice(`Dataset ${wanted} cannot be drawn on the map: it is not an event, statistics or polygon dataset you may see.`, "dataset");
  }
}).catch((error) => {
  document.body.dataset.themes = "error";
  status.notice(`Shared datasets could not be checked: ${error.message}. The deprivation map still works.`, "themes");
});
