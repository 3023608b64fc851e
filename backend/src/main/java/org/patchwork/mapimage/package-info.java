/**
 * Map images for briefings: a PNG or PDF of an indicator's map (title, legend from the server's
 * classification, scale bar, north arrow, date, disclosure note, attribution), and an A4 briefing page
 * (map, legend, the top areas, the method, and a hotspot layer's predictive accuracy when one is given).
 * Drawn with Java2D from PostGIS geometry in British National Grid, and PDFBox for PDF, so the same request
 * gives the same picture. The numbers come from {@code indicators} through the one access decision.
 */
package org.patchwork.mapimage;
