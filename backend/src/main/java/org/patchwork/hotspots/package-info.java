/**
 * Hotspot statistics for community safety officers: quartic kernel density in British National Grid
 * metres, Getis-Ord Gi* with Benjamini–Hochberg false discovery rate control, and the Predictive Accuracy
 * and Recapture Rate indices that say how well a hotspot layer predicted the next period. Pure
 * computations on coordinates, values and neighbour lists; the caller decides which points or protected
 * counts an audience may have analysed.
 */
package org.patchwork.hotspots;
