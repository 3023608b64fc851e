/**
 * Reads partner files into PostGIS: GDAL/OGR called with an argument list (never a shell), the file's
 * CRS matched to an EPSG code with GeoTools, and CSV files with the quirks real publishers ship (BOM,
 * quoted thousands separators, no final newline). Rows land in scratch tables in the {@code staging}
 * schema; the feature that owns the data checks them and moves them in one transaction.
 */
package org.patchwork.ingest;
