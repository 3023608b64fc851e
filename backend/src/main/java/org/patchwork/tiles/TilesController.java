package org.patchwork.tiles;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.patchwork.tiles.BoundaryTiles.Limits;
import org.patchwork.web.ApiProblem;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.ServletWebRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.databind.ObjectMapper;

/**
 * OGC API – Tiles Part 1 at {@code /ogc}: the boundary collections' vector tiles (and all four levels
 * together at {@code /ogc/tiles}) in WebMercatorQuad, with the tileset metadata, TileJSON and the tile
 * matrix set definition. Tiles carry a content ETag (If-None-Match answers 304) and may be cached for an hour.
 */
@RestController
@RequestMapping("/ogc")
class TilesController {

    private static final String CACHE_CONTROL = "max-age=3600";
    /** Tiles of figures differ by viewer and change with new data: kept by the viewer's browser only, and briefly. */
    private static final String PRIVATE_CACHE_CONTROL = "private, max-age=60";

    private final BoundaryTiles tiles;
    private final ObjectMapper json;
    private final List<ValueTiles> valueSources;
    private final List<FeatureTiles> featureSources;

    TilesController(BoundaryTiles tiles, ObjectMapper json, List<ValueTiles> valueSources, List<FeatureTiles> featureSources) {
        this.tiles = tiles;
        this.json = json;
        this.valueSources = valueSources;
        this.featureSources = featureSources;
    }

    @GetMapping("/tileMatrixSets")
    void tileMatrixSets(HttpServletRequest request, HttpServletResponse response) throws IOException {
        writeJson(request, response, TilesetDocuments.tileMatrixSets(base()));
    }

    @GetMapping("/tileMatrixSets/{tileMatrixSetId}")
    void tileMatrixSet(@PathVariable String tileMatrixSetId, HttpServletRequest request, HttpServletResponse response) throws IOException {
        requireWebMercatorQuad(tileMatrixSetId);
        writeJson(request, response, WebMercatorQuad.definition());
    }

    @GetMapping("/tiles")
    void datasetTilesets(HttpServletRequest request, HttpServletResponse response) throws IOException {
        writeJson(request, response, TilesetDocuments.tilesetsList(base(), Tileset.ALL_BOUNDARIES, tiles.limits(Tileset.ALL_BOUNDARIES)));
    }

    @GetMapping("/tiles/{tileMatrixSetId}")
    void datasetTileset(@PathVariable String tileMatrixSetId, HttpServletRequest request, HttpServletResponse response) throws IOException {
        tileset(Tileset.ALL_BOUNDARIES, tileMatrixSetId, request, response);
    }

    @GetMapping("/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}")
    void datasetTile(@PathVariable String tileMatrixSetId, @PathVariable String tileMatrix, @PathVariable String tileRow,
                     @PathVariable String tileCol, HttpServletRequest request, HttpServletResponse response) throws IOException {
        tile(Tileset.ALL_BOUNDARIES, tileMatrixSetId, tileMatrix, tileRow, tileCol, request, response);
    }

    @GetMapping("/collections/{collectionId}/tiles")
    void collectionTilesets(@PathVariable String collectionId, HttpServletRequest request, HttpServletResponse response) throws IOException {
        Tileset tileset = collection(collectionId);
        writeJson(request, response, TilesetDocuments.tilesetsList(base(), tileset, tiles.limits(tileset)));
    }

    @GetMapping("/collections/{collectionId}/tiles/{tileMatrixSetId}")
    void collectionTileset(@PathVariable String collectionId, @PathVariable String tileMatrixSetId, HttpServletRequest request,
                           HttpServletResponse response) throws IOException {
        tileset(collection(collectionId), tileMatrixSetId, request, response);
    }

    @GetMapping("/collections/{collectionId}/tiles/{tileMatrixSetId}/{tileMatrix}/{tileRow}/{tileCol}")
    void collectionTile(@PathVariable String collectionId, @PathVariable String tileMatrixSetId, @PathVariable String tileMatrix,
                        @PathVariable String tileRow, @PathVariable String tileCol, HttpServletRequest request,
                        HttpServletResponse response) throws IOException {
        tile(collection(collectionId), tileMatrixSetId, tileMatrix, tileRow, tileCol, request, response);
    }

    private void tileset(Tileset tileset, String tileMatrixSetId, HttpServletRequest request, HttpServletResponse response) throws IOException {
        requireWebMercatorQuad(tileMatrixSetId);
        String f = request.getParameter("f");
        if ("tilejson".equals(f)) {
            write(response, TilesetDocuments.TILEJSON, TilesetDocuments.tileJson(base(), tileset, tiles.extent(tileset).orElse(null)));
            return;
        }
        writeJson(request, response, TilesetDocuments.tileset(base(), tileset, tiles.limits(tileset), tiles.extent(tileset).orElse(null)));
    }

    /** One tile: 404 outside the tileset's limits, 204 for a tile inside them that no area reaches. */
    private void tile(Tileset tileset, String tileMatrixSetId, String tileMatrix, String tileRow, String tileCol,
                      HttpServletRequest request, HttpServletResponse response) throws IOException {
        requireWebMercatorQuad(tileMatrixSetId);
        String f = request.getParameter("f");
        if (f != null && !f.equals("mvt")) {
            throw ApiProblem.badRequest("invalid-parameter", "Tiles are served as Mapbox Vector Tiles only: f must be 'mvt'; got '" + f + "'");
        }
        long z = index("tileMatrix", tileMatrix);
        long row = index("tileRow", tileRow);
        long col = index("tileCol", tileCol);
        List<Limits> limits = tiles.limits(tileset);
        if (z < BoundaryTiles.MIN_ZOOM || z > BoundaryTiles.MAX_ZOOM || limits.isEmpty()
                || !limits.get((int) z - BoundaryTiles.MIN_ZOOM).contains(row, col)) {
            throw ApiProblem.notFound("unknown-tile", "Tile " + tileMatrix + "/" + tileRow + "/" + tileCol + " is outside this tileset: "
                    + "tile matrices " + BoundaryTiles.MIN_ZOOM + " to " + BoundaryTiles.MAX_ZOOM
                    + ", rows and columns as its tileMatrixSetLimits say (" + TilesetDocuments.tilesetUrl(base(), tileset) + ")");
        }
        byte[] tile;
        if (tileset.features() != null) {
            tile = tiles.featureTile(tileset.features(), (int) z, (int) row, (int) col);
            response.setHeader("Cache-Control", PRIVATE_CACHE_CONTROL);
            response.setHeader("Vary", "Cookie, Authorization");
        } else if (tileset.values() == null) {
            tile = tiles.tile(tileset, (int) z, (int) row, (int) col);
            response.setHeader("Cache-Control", CACHE_CONTROL);
        } else {
            TileLayer layer = tileset.layers().get(0);
            tile = tiles.valueTile(layer, (int) z, (int) row, (int) col, json.writeValueAsString(   // only the tile's areas' figures
                    tiles.figuresIn(layer, (int) z, (int) row, (int) col, tileset.values().byCode().get())));
            response.setHeader("Cache-Control", PRIVATE_CACHE_CONTROL);
            response.setHeader("Vary", "Cookie, Authorization");
        }
        if (new ServletWebRequest(request, response).checkNotModified(etag(tile))) {
            return;   // 304, ETag already set
        }
        if (tile.length == 0) {
            response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            return;
        }
        response.setContentType(TilesetDocuments.MVT);
        response.setContentLength(tile.length);
        response.getOutputStream().write(tile);
    }

    /** A tile matrix, row or column: a whole number, else 400 (an out-of-range one is 404 above). */
    private static long index(String name, String value) {
        if (!value.matches("-?\\d{1,18}")) {
            throw ApiProblem.badRequest("invalid-parameter", name + " must be a whole number; got '" + value + "'");
        }
        return Long.parseLong(value);
    }

    private Tileset collection(String collectionId) {
        Optional<Tileset> boundaries = Tileset.ofCollection(collectionId);
        if (boundaries.isPresent()) {
            return boundaries.get();
        }
        Optional<Tileset> features = featureSources.stream().filter(source -> source.serves(collectionId)).findFirst()
                .map(source -> Tileset.ofFeatures(collectionId, source.open(collectionId)));
        if (features.isPresent()) {
            return features.get();
        }
        return valueSources.stream().filter(source -> source.serves(collectionId)).findFirst()
                .map(source -> Tileset.ofValues(collectionId, source.open(collectionId)))
                .orElseThrow(() -> ApiProblem.notFound("unknown-tileset", "Collection '" + collectionId
                        + "' has no tiles. Tiled collections: lsoa, msoa, ward, district, the indicators (indicator-{id}) and the "
                        + "hotspot runs (hotspots-{id})"));
    }

    private static void requireWebMercatorQuad(String tileMatrixSetId) {
        if (!WebMercatorQuad.ID.equals(tileMatrixSetId)) {
            throw ApiProblem.notFound("unknown-tile-matrix-set", "There is no tile matrix set '" + tileMatrixSetId
                    + "'. Tiles are served in WebMercatorQuad only.");
        }
    }

    /** A strong ETag from the tile's content: it changes exactly when the bytes do. */
    static String etag(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return "\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private void writeJson(HttpServletRequest request, HttpServletResponse response, Object body) throws IOException {
        String f = request.getParameter("f");
        if (f != null && !f.equals("json")) {
            throw ApiProblem.badRequest("invalid-parameter", "f must be 'json' here; got '" + f + "'");
        }
        write(response, MediaType.APPLICATION_JSON_VALUE, body);
    }

    private void write(HttpServletResponse response, String mediaType, Object body) throws IOException {
        response.setContentType(mediaType);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter().write(json.writeValueAsString(body));
    }

    private static String base() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path("/ogc").build().toUriString();
    }
}
