// The hatched fill of suppressed areas: an SVG pattern that Leaflet's paths reference as
// fill="url(#pw-suppressed-hatch)". It lives in a zero-size SVG of its own (not display:none, which
// would stop the pattern from painting), added to the page once.
import { crime } from "../crime.js";

const SVG = "http://www.w3.org/2000/svg";

function svg(tag, attributes, parent) {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  if (parent) parent.append(node);
  return node;
}

export function suppressedHatch() {
  if (document.getElementById(crime.SUPPRESSED_HATCH_ID)) return crime.SUPPRESSED_HATCH_ID;
  const root = svg("svg", { width: "0", height: "0", "aria-hidden": "true", focusable: "false", class: "pw-svg-defs" });
  const defs = svg("defs", {}, root);
  const pattern = svg("pattern", { id: crime.SUPPRESSED_HATCH_ID, patternUnits: "userSpaceOnUse", width: "7", height: "7",
    patternTransform: "rotate(45)" }, defs);
  svg("rect", { width: "7", height: "7", fill: "#e5e7eb" }, pattern);
  svg("line", { x1: "0", y1: "0", x2: "0", y2: "7", stroke: "#6b7280", "stroke-width": "2.5" }, pattern);
  document.body.append(root);
  return crime.SUPPRESSED_HATCH_ID;
}
