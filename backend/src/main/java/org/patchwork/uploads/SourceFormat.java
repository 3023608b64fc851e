package org.patchwork.uploads;

/** The kinds of file Patchwork reads, each through a GDAL driver. */
enum SourceFormat {
    SHAPEFILE("ESRI Shapefile"),
    MAPINFO_TAB("MapInfo TAB"),
    MAPINFO_MIF("MapInfo MIF/MID"),
    GEOPACKAGE("GeoPackage"),
    GEOJSON("GeoJSON"),
    KML("KML"),
    KMZ("KMZ"),
    FLATGEOBUF("FlatGeobuf"),
    CSV("CSV"),
    XLSX("Excel workbook"),
    POLICE_UK("police.uk archive");

    private final String label;

    SourceFormat(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }

    boolean hasOwnGeometry() {
        return this != CSV && this != XLSX && this != POLICE_UK;
    }
}
