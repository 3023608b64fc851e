/**
 * Polygon datasets: a partner's own areas (patrol beats, estates, school catchments) uploaded as polygons,
 * checked and repaired on upload, and served as record-level collections.
 */
package org.patchwork.polygons;
