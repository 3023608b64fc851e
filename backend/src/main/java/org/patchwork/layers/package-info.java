/**
 * Serves collections to GIS clients over OGC API – Features (Part 1 Core, Part 2 CRS): a thin server over
 * PostGIS in the manner of pg_featureserv. Kinds of data contribute their collections as
 * {@link org.patchwork.layers.CollectionSource}s; PostGIS writes each feature's GeoJSON and Java streams it out.
 */
package org.patchwork.layers;
