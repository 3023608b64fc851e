package org.patchwork.tiles;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * What the OGC API documents say about tiles: the conformance classes, the tileset links of the landing
 * page and of each tiled collection, and the paths for the OpenAPI description. The tiles themselves are
 * served by this package's controller.
 */
@Component
public class OgcTiles {

    public static final String REL_TILESETS_VECTOR = "http://www.opengis.net/def/rel/ogc/1.0/tilesets-vector";

    private static final String TILES = "http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/";
    private static final List<String> CONFORMANCE = List.of(TILES + "core", TILES + "tileset", TILES + "tilesets-list",
            TILES + "dataset-tilesets", TILES + "geodata-tilesets", TILES + "oas30", TILES + "mvt",
            "http://www.opengis.net/spec/tms/2.0/conf/tilematrixset", "http://www.opengis.net/spec/tms/2.0/conf/json-tilematrixset");

    private final List<ValueTiles> valueSources;
    private final List<FeatureTiles> featureSources;

    OgcTiles(List<ValueTiles> valueSources, List<FeatureTiles> featureSources) {
        this.valueSources = valueSources;
        this.featureSources = featureSources;
    }

    public List<String> conformance() {
        return CONFORMANCE;
    }

    /** The landing page's links to the dataset tilesets (every boundary level) and the tile matrix sets. */
    public List<TileLink> landingLinks(String base) {
        return List.of(TileLink.of(base + "/tiles", REL_TILESETS_VECTOR, "application/json",
                        "Vector tiles of every boundary level (one layer each)"),
                TileLink.of(base + "/tileMatrixSets", "http://www.opengis.net/def/rel/ogc/1.0/tiling-schemes", "application/json",
                        "Tile matrix sets"));
    }

    /** A collection's link to its tilesets; none for collections that are not tiled. */
    public List<TileLink> collectionLinks(String base, String collectionId) {
        if (valueSources.stream().anyMatch(source -> source.serves(collectionId))) {
            return List.of(TileLink.of(base + "/collections/" + collectionId + "/tiles", REL_TILESETS_VECTOR, "application/json",
                    "Vector tiles with the figures as properties"));
        }
        if (featureSources.stream().anyMatch(source -> source.serves(collectionId))) {
            return List.of(TileLink.of(base + "/collections/" + collectionId + "/tiles", REL_TILESETS_VECTOR, "application/json",
                    "Vector tiles of the features"));
        }
        return Tileset.ofCollection(collectionId).map(tileset -> List.of(TileLink.of(TilesetDocuments.tilesetsUrl(base, tileset),
                REL_TILESETS_VECTOR, "application/json", "Vector tiles"))).orElse(List.of());
    }

    /** OpenAPI 3.0 path items for the tile resources, with the operation ids OGC API – Tiles names. */
    public Map<String, Object> openApiPaths() {
        Map<String, Object> collection = pathParameter("collectionId", "lsoa, msoa, ward or district");
        Map<String, Object> tms = pathParameter("tileMatrixSetId", "WebMercatorQuad");
        List<Object> tile = List.of(tms, pathParameter("tileMatrix", "zoom level, 0 to " + BoundaryTiles.MAX_ZOOM),
                pathParameter("tileRow", "row, 0 at the north"), pathParameter("tileCol", "column, 0 at 180° west"),
                Map.of("name", "f", "in", "query", "required", false, "schema", Map.of("type", "string", "enum", List.of("mvt"))));
        List<Object> collectionTile = new java.util.ArrayList<>(tile);
        collectionTile.add(0, collection);
        Map<String, Object> tilesetF = Map.of("name", "f", "in", "query", "required", false,
                "description", "json (tileset metadata) or tilejson (TileJSON 3.0.0)", "schema", Map.of("type", "string", "enum", List.of("json", "tilejson")));
        Map<String, Object> paths = new LinkedHashMap<>();
        paths.put("/tileMatrixSets", operation("getTileMatrixSetsList", "Tile matrix sets", List.of(), "application/json"));
        paths.put("/tileMatrixSets/{tileMatrixSetId}", operation("getTileMatrixSet", "A tile matrix set definition", List.of(tms), "application/json"));
        paths.put("/tiles", operation("dataset.vector.getTileSetsList", "Tilesets of every boundary level", List.of(), "application/json"));
        paths.put("/tiles/{tileMatrixSetId}", operation("dataset.vector.getTileSet", "Tileset metadata", List.of(tms, tilesetF), "application/json"));
        paths.put("/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}", operation("dataset.vector.getTile",
                "A vector tile with one layer per boundary level", tile, TilesetDocuments.MVT));
        paths.put("/collections/{collectionId}/tiles", operation("collection.vector.getTileSetsList", "Tilesets of a boundary collection",
                List.of(collection), "application/json"));
        paths.put("/collections/{collectionId}/tiles/{tileMatrixSetId}", operation("collection.vector.getTileSet", "Tileset metadata",
                List.of(collection, tms, tilesetF), "application/json"));
        paths.put("/collections/{collectionId}/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}", operation(
                "collection.vector.getTile", "A vector tile of a boundary collection", collectionTile, TilesetDocuments.MVT));
        return paths;
    }

    private static Map<String, Object> operation(String id, String summary, List<Object> parameters, String mediaType) {
        Map<String, Object> responses = new LinkedHashMap<>();
        responses.put("200", Map.of("description", "OK", "content", Map.of(mediaType, Map.of())));
        if (mediaType.equals(TilesetDocuments.MVT)) {
            responses.put("204", Map.of("description", "An empty tile inside the tileset's limits"));
            responses.put("304", Map.of("description", "Not modified (If-None-Match)"));
        }
        responses.put("400", Map.of("description", "Invalid parameter", "content", Map.of("application/problem+json", Map.of())));
        responses.put("404", Map.of("description", "Unknown collection, tile matrix set or tile", "content", Map.of("application/problem+json", Map.of())));
        return Map.of("get", Map.of("operationId", id, "summary", summary, "parameters", parameters, "responses", responses));
    }

    private static Map<String, Object> pathParameter(String name, String description) {
        return Map.of("name", name, "in", "path", "required", true, "description", description, "schema", Map.of("type", "string"));
    }
}
