package org.patchwork.tiles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patchwork.tiles.BoundaryTiles.Extent;
import org.patchwork.tiles.BoundaryTiles.Limits;

/**
 * The JSON documents of OGC API – Tiles (tilesets list, tileset metadata as OGC 2DTMS 2.0 encodes it)
 * and the TileJSON 3.0.0 that MapLibre and Leaflet plugins read. {@code base} is the absolute {@code /ogc} URL.
 */
final class TilesetDocuments {

    static final String MVT = "application/vnd.mapbox-vector-tile";
    static final String TILEJSON = "application/vnd.mapbox.tile+json";
    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    static final String REL_TILING_SCHEME = "http://www.opengis.net/def/rel/ogc/1.0/tiling-scheme";
    static final String REL_GEODATA = "http://www.opengis.net/def/rel/ogc/1.0/geodata";
    private static final String ATTRIBUTION = "Contains OS data © Crown copyright and database right; "
            + "source: Office for National Statistics, Open Government Licence v3.0";

    private TilesetDocuments() {
    }

    static String tilesetsUrl(String base, Tileset tileset) {
        return base + tileset.path() + "/tiles";
    }

    static String tilesetUrl(String base, Tileset tileset) {
        return tilesetsUrl(base, tileset) + "/" + WebMercatorQuad.ID;
    }

    static Map<String, Object> tilesetsList(String base, Tileset tileset, List<Limits> limits) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("title", tileset.title());
        summary.put("dataType", "vector");
        summary.put("crs", WebMercatorQuad.CRS);
        summary.put("tileMatrixSetURI", WebMercatorQuad.URI);
        summary.put("tileMatrixSetId", WebMercatorQuad.ID);   // not in the standard; the OGC test suite reads it
        summary.put("tileMatrixSetLimits", limits);
        summary.put("links", tilesetLinks(base, tileset));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("links", List.of(TileLink.of(tilesetsUrl(base, tileset), "self", "application/json", "This list of tilesets")));
        body.put("tilesets", List.of(summary));
        return body;
    }

    static Map<String, Object> tileset(String base, Tileset tileset, List<Limits> limits, Extent extent) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", tileset.title());
        body.put("description", tileset.features() != null
                ? "Mapbox Vector Tiles of the collection's features, one layer named '" + tileset.features().layer() + "', each with the "
                + "properties its items have for you. Geometry is simplified to the zoom."
                : tileset.values() != null
                ? "Mapbox Vector Tiles of the figures by area, one layer named by the boundary level, each area with code and the "
                + "figures your access lets you see as properties. Geometry is simplified to the zoom."
                : "Mapbox Vector Tiles of the boundaries, one layer per level named as its collection, "
                + "each area with code, name and lad_code (its district). Geometry is simplified to the zoom.");
        body.put("dataType", "vector");
        body.put("crs", WebMercatorQuad.CRS);
        body.put("tileMatrixSetURI", WebMercatorQuad.URI);
        body.put("tileMatrixSetLimits", limits);
        if (extent != null) {
            body.put("boundingBox", Map.of("lowerLeft", List.of(extent.west(), extent.south()),
                    "upperRight", List.of(extent.east(), extent.north()), "crs", CRS84));
        }
        body.put("minTileMatrix", String.valueOf(BoundaryTiles.MIN_ZOOM));
        body.put("maxTileMatrix", String.valueOf(BoundaryTiles.MAX_ZOOM));
        body.put("layers", tileset.features() != null ? List.of(featureLayer(base, tileset))
                : tileset.layers().stream().map(layer -> layer(base, layer)).toList());
        body.put("links", tilesetLinks(base, tileset));
        return body;
    }

    private static Map<String, Object> layer(String base, TileLayer layer) {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("code", Map.of("type", "string", "description", "ONS area code, e.g. E01006512"));
        properties.put("name", Map.of("type", "string", "description", "Area name"));
        properties.put("lad_code", Map.of("type", "string", "description", "ONS code of the area's district"));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", layer.id());
        body.put("title", layer.title());
        body.put("dataType", "vector");
        body.put("geometryDimension", 2);
        body.put("featureType", layer.id());
        body.put("minTileMatrix", String.valueOf(BoundaryTiles.MIN_ZOOM));
        body.put("maxTileMatrix", String.valueOf(BoundaryTiles.MAX_ZOOM));
        body.put("propertiesSchema", Map.of("type", "object", "required", List.of("code", "name"), "properties", properties));
        body.put("links", List.of(TileLink.of(base + "/collections/" + layer.id(), REL_GEODATA, "application/json", layer.title())));
        return body;
    }

    private static Map<String, Object> featureLayer(String base, Tileset tileset) {
        FeatureTiles.Features features = tileset.features();
        Map<String, Object> properties = new LinkedHashMap<>();
        features.fields().forEach((name, type) -> properties.put(name, Map.of("type", switch (type) {
            case "Number" -> "number";
            case "Boolean" -> "boolean";
            default -> "string";
        }, "description", features.descriptions().getOrDefault(name, name))));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", features.layer());
        body.put("title", features.title());
        body.put("dataType", "vector");
        body.put("geometryDimension", 2);
        body.put("minTileMatrix", String.valueOf(BoundaryTiles.MIN_ZOOM));
        body.put("maxTileMatrix", String.valueOf(BoundaryTiles.MAX_ZOOM));
        body.put("propertiesSchema", Map.of("type", "object", "properties", properties));
        body.put("links", List.of(TileLink.of(base + tileset.path(), REL_GEODATA, "application/json", features.title())));
        return body;
    }

    private static List<TileLink> tilesetLinks(String base, Tileset tileset) {
        String url = tilesetUrl(base, tileset);
        List<TileLink> links = new java.util.ArrayList<>(List.of(
                TileLink.of(url, "self", "application/json", "Tileset metadata"),
                TileLink.of(url + "?f=tilejson", "alternate", TILEJSON, "TileJSON 3.0.0 for MapLibre and Leaflet"),
                TileLink.of(base + "/tileMatrixSets/" + WebMercatorQuad.ID, REL_TILING_SCHEME, "application/json",
                        "Definition of the WebMercatorQuad tile matrix set"),
                new TileLink(url + "/{tileMatrix}/{tileRow}/{tileCol}?f=mvt", "item", MVT, "Mapbox Vector Tiles", true)));
        if (tileset.layers().size() == 1 || tileset.features() != null) {
            links.add(TileLink.of(base + tileset.path(), REL_GEODATA, "application/json", "The collection"));
        }
        return links;
    }

    static Map<String, Object> tileJson(String base, Tileset tileset, Extent extent) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tilejson", "3.0.0");
        body.put("name", tileset.title());
        body.put("attribution", ATTRIBUTION);
        body.put("scheme", "xyz");
        body.put("tiles", List.of(tilesetUrl(base, tileset) + "/{z}/{y}/{x}?f=mvt"));
        body.put("minzoom", BoundaryTiles.MIN_ZOOM);
        body.put("maxzoom", BoundaryTiles.MAX_ZOOM);
        if (extent != null) {
            body.put("bounds", List.of(extent.west(), extent.south(), extent.east(), extent.north()));
            body.put("center", List.of((extent.west() + extent.east()) / 2, (extent.south() + extent.north()) / 2, 10));
        }
        body.put("vector_layers", tileset.features() != null ? List.of(Map.of("id", tileset.features().layer(), "description",
                tileset.features().title(), "minzoom", BoundaryTiles.MIN_ZOOM, "maxzoom", BoundaryTiles.MAX_ZOOM, "fields", tileset.features().fields()))
                : tileset.layers().stream().map(layer -> Map.of("id", layer.id(), "description", layer.title(),
                "minzoom", BoundaryTiles.MIN_ZOOM, "maxzoom", BoundaryTiles.MAX_ZOOM,
                "fields", Map.of("code", "String", "name", "String", "lad_code", "String"))).toList());
        return body;
    }

    static Map<String, Object> tileMatrixSets(String base) {
        String url = base + "/tileMatrixSets/" + WebMercatorQuad.ID;
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("id", WebMercatorQuad.ID);
        set.put("title", "Google Maps Compatible for the World");
        set.put("uri", WebMercatorQuad.URI);
        set.put("crs", WebMercatorQuad.CRS);
        set.put("links", List.of(TileLink.of(url, "self", "application/json", "The definition"),
                TileLink.of(url, REL_TILING_SCHEME, "application/json", "The definition")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("links", List.of(TileLink.of(base + "/tileMatrixSets", "self", "application/json", "Tile matrix sets")));
        body.put("tileMatrixSets", List.of(set));
        return body;
    }
}
