/**
 * Exports of any collection a person may see, in the formats officers' GIS tools open (zipped Shapefile,
 * GeoPackage, KML/KMZ, GeoJSON, CSV, MapInfo TAB; GeoTIFF for rasters), written by GDAL from exactly the
 * features the OGC API serves that person, each with its metadata, and each audited.
 */
package org.patchwork.export;
