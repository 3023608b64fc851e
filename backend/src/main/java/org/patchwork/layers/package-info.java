/**
 * Serves the neighbourhood layers to GIS clients over OGC API – Features (Part 1 Core, Part 2 CRS):
 * a thin server over PostGIS in the manner of pg_featureserv. PostGIS writes each feature's GeoJSON;
 * Java only checks the request against the collection catalogue and streams the rows out.
 */
package org.patchwork.layers;
