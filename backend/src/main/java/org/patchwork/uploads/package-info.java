/**
 * Partner uploads: the files partners really have (zipped Shapefile, MapInfo, GeoPackage, GeoJSON,
 * KML/KMZ, FlatGeobuf, CSV, Excel, police.uk archives) unpacked safely, inspected, mapped, validated
 * row by row, assigned to areas and published atomically as a new version of a dataset, by a job queue
 * kept in the database.
 */
package org.patchwork.uploads;
