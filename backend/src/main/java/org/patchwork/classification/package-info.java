/**
 * Class breaks for choropleths, computed on the server from exactly the values the viewer sees: quantiles,
 * equal intervals, natural breaks (Fisher-Jenks), standard deviations and fixed breaks, 3 to 9 classes,
 * coloured with ColorBrewer's colour-blind-safe schemes, with a legend that counts the areas in each
 * class; or significance classes (higher / similar / lower than a comparator). The map in the browser,
 * the map images and the exports all take their breaks from here, so they agree.
 */
package org.patchwork.classification;
