/**
 * Areal apportioning: a dataset's values on one geography (partner polygons, or statistics by another
 * boundary level) carried onto a target geography (a boundary level or the custom areas) in proportion to
 * the area they share: extensive variables (counts) shared out, intensive variables (rates, means, scores)
 * averaged by area. PostGIS does the geometry; values come through the access decision of their own kind.
 */
package org.patchwork.apportioning;
