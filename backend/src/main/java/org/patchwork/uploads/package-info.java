/**
 * Partner uploads, whatever the kind of data: the files partners really have (zipped Shapefile, MapInfo,
 * GeoPackage, GeoJSON, KML/KMZ, FlatGeobuf, CSV, Excel, police.uk archives) unpacked safely, inspected,
 * mapped to columns, staged in scratch tables and published atomically as a new version, by a job queue
 * kept in the database. Each kind adds its own checks and publishing through a {@link org.patchwork.uploads.KindPipeline}.
 */
package org.patchwork.uploads;
