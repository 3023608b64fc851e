package org.patchwork.export;

import java.util.Arrays;
import java.util.Optional;

/**
 * The formats a collection exports to: GDAL's driver, the file's extension, the media type sent, and whether it
 * travels as a zip (with the metadata files beside it). KML and KMZ are always in WGS84, as the format requires.
 */
enum ExportFormat {
    SHP("shp", "ESRI Shapefile", "shp", "application/zip", true, "zipped Esri Shapefile"),
    GPKG("gpkg", "GPKG", "gpkg", "application/geopackage+sqlite3", false, "OGC GeoPackage"),
    KML("kml", "KML", "kml", "application/vnd.google-earth.kml+xml", false, "KML"),
    KMZ("kmz", "KML", "kml", "application/vnd.google-earth.kmz", true, "KMZ (zipped KML)"),
    GEOJSON("geojson", "GeoJSON", "geojson", "application/geo+json", false, "GeoJSON"),
    CSV("csv", "CSV", "csv", "application/zip", true, "CSV, zipped with its metadata"),
    TAB("tab", "MapInfo File", "tab", "application/zip", true, "zipped MapInfo TAB"),
    TIF("tif", "GTiff", "tif", "image/tiff; application=geotiff", false, "GeoTIFF (raster layers)");

    private final String key;
    private final String driver;
    private final String extension;
    private final String mediaType;
    private final boolean zipped;
    private final String title;

    ExportFormat(String key, String driver, String extension, String mediaType, boolean zipped, String title) {
        this.key = key;
        this.driver = driver;
        this.extension = extension;
        this.mediaType = mediaType;
        this.zipped = zipped;
        this.title = title;
    }

    static Optional<ExportFormat> of(String key) {
        return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
    }

    static String keys() {
        return String.join(", ", Arrays.stream(values()).map(ExportFormat::key).toList());
    }

    String key() {
        return key;
    }

    String driver() {
        return driver;
    }

    /** The extension of the main file GDAL writes. */
    String extension() {
        return extension;
    }

    String mediaType() {
        return mediaType;
    }

    boolean zipped() {
        return zipped;
    }

    String title() {
        return title;
    }

    /** The file name the download is saved as. */
    String downloadName(String collectionId) {
        return collectionId + (this == SHP ? "-shp.zip" : this == TAB ? "-tab.zip" : this == CSV ? "-csv.zip" : "." + key);
    }

    boolean raster() {
        return this == TIF;
    }

    /** KML and KMZ are defined in WGS84 longitude/latitude only. */
    boolean wgs84Only() {
        return this == KML || this == KMZ;
    }
}
