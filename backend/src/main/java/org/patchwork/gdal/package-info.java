/**
 * Reads partner files with GDAL/OGR: programs called with an argument list (never a shell) and a time
 * limit, the file's CRS matched to an EPSG code with GeoTools, CSV files with the quirks real publishers
 * ship (BOM, quoted thousands separators, no final newline), and ogr2ogr copies into scratch tables in the
 * {@code staging} schema, which the feature that owns the data checks and publishes.
 */
package org.patchwork.gdal;
