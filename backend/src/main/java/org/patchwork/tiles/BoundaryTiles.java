package org.patchwork.tiles;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.patchwork.sql.SqlScripts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads boundary tiles and extents from PostGIS. PostGIS builds each tile (ST_AsMVT); Java only checks
 * the tile is inside the tileset's limits. Extents are kept for a minute: they decide the limits, which
 * change only when boundaries are reloaded.
 */
@Component
class BoundaryTiles {

    static final int MIN_ZOOM = 0;
    static final int MAX_ZOOM = 18;
    private static final int EXTENT = 4096;   // tile units, ST_AsMVT's default
    private static final int BUFFER = 64;     // units clipped beyond each edge so strokes join across tiles
    private static final long EXTENT_LIFETIME_MS = 60_000;

    record Extent(double west, double south, double east, double north) {
    }

    /** The tiles with data at one zoom: rows and columns, inclusive. */
    record Limits(String tileMatrix, long minTileRow, long maxTileRow, long minTileCol, long maxTileCol) {
        boolean contains(long row, long col) {
            return row >= minTileRow && row <= maxTileRow && col >= minTileCol && col <= maxTileCol;
        }
    }

    private record Cached(Optional<Extent> extent, long expiresAt) {
    }

    private final JdbcClient jdbc;
    private final Map<TileLayer, Cached> extents = new ConcurrentHashMap<>();

    private final BoundaryTileCache cache;
    private final AreaBoxes boxes;

    BoundaryTiles(JdbcClient jdbc, BoundaryTileCache cache, AreaBoxes boxes) {
        this.jdbc = jdbc;
        this.cache = cache;
        this.boxes = boxes;
    }

    /** Longitude/latitude extent of the layer's areas; empty when none are loaded. */
    Optional<Extent> extent(TileLayer layer) {
        long now = System.currentTimeMillis();
        Cached cached = extents.get(layer);
        if (cached == null || cached.expiresAt() < now) {
            cached = new Cached(jdbc.sql(SqlScripts.load("tiles/extent")).param("level", layer.id())
                    .query(Extent.class).optional(), now + EXTENT_LIFETIME_MS);
            extents.put(layer, cached);
        }
        return cached.extent();
    }

    /** Longitude/latitude extent of all the tileset's layers; empty when none has areas. */
    Optional<Extent> extent(Tileset tileset) {
        if (tileset.features() != null) {
            List<Double> b = tileset.features().bounds();
            return b == null ? Optional.empty() : Optional.of(new Extent(b.get(0), b.get(1), b.get(2), b.get(3)));
        }
        return tileset.layers().stream().map(this::extent).flatMap(Optional::stream).reduce((a, b) -> new Extent(
                Math.min(a.west(), b.west()), Math.min(a.south(), b.south()), Math.max(a.east(), b.east()), Math.max(a.north(), b.north())));
    }

    /** The tile matrix set limits, zoom MIN_ZOOM to MAX_ZOOM: the tiles that cover the tileset's extent. */
    List<Limits> limits(Tileset tileset) {
        List<Limits> limits = new ArrayList<>();
        extent(tileset).ifPresent(e -> {
            for (int z = MIN_ZOOM; z <= MAX_ZOOM; z++) {
                limits.add(new Limits(String.valueOf(z), WebMercatorQuad.row(e.north(), z), WebMercatorQuad.row(e.south(), z),
                        WebMercatorQuad.column(e.west(), z), WebMercatorQuad.column(e.east(), z)));
            }
        });
        return limits;
    }

    /** The tileset's tile: its layers' tiles one after another (a tile is a list of layers, so they concatenate). */
    byte[] tile(Tileset tileset, int z, int row, int col) {
        java.io.ByteArrayOutputStream tile = new java.io.ByteArrayOutputStream();
        for (TileLayer layer : tileset.layers()) {
            tile.writeBytes(tile(layer, z, row, col));
        }
        return tile.toByteArray();
    }

    /** Of the figures by area code, those of the areas that may reach tile (z, row, col) of the layer (AreaBoxes). */
    <V> Map<String, V> figuresIn(TileLayer layer, int z, int row, int col, Map<String, V> figures) {
        return boxes.within(layer, cache.stamp(layer), z, row, col, figures);
    }

    /**
     * A tile of figures by area: the layer's areas at (z, row, col) that have figures ({@code figures}: a JSON
     * object of code to flat properties), cut as boundary tiles are; empty bytes when none reaches it.
     */
    byte[] valueTile(TileLayer layer, int z, int row, int col, String figures) {
        double tileWidth = 2 * WebMercatorQuad.HALF_WORLD / Math.pow(2, z);
        byte[] tile = jdbc.sql(SqlScripts.load("tiles/value_tile"))
                .param("z", z).param("x", col).param("y", row)
                .param("margin", (double) BUFFER / EXTENT)
                .param("segment", tileWidth / 8)
                .param("tolerance", tileWidth / EXTENT / 2)
                .param("buffer", BUFFER)
                .param("level", layer.id())
                .param("layer", layer.id())
                .param("figures", figures)
                .query(byte[].class).single();
        return tile == null ? new byte[0] : tile;
    }

    /** A tile of a collection's own features, cut by their owner with the same buffer and simplification as boundaries. */
    byte[] featureTile(FeatureTiles.Features features, int z, int row, int col) {
        double tileWidth = 2 * WebMercatorQuad.HALF_WORLD / Math.pow(2, z);
        byte[] tile = features.cutter().tile(new FeatureTiles.Cut(z, col, row, (double) BUFFER / EXTENT, BUFFER, tileWidth / 8,
                tileWidth / EXTENT / 2));
        return tile == null ? new byte[0] : tile;
    }

    /** The Mapbox Vector Tile of the layer at (z, row, col); empty bytes when no area reaches it (kept: BoundaryTileCache). */
    byte[] tile(TileLayer layer, int z, int row, int col) {
        return cache.tile(layer, z, row, col, () -> cut(layer, z, row, col));
    }

    private byte[] cut(TileLayer layer, int z, int row, int col) {
        double tileWidth = 2 * WebMercatorQuad.HALF_WORLD / Math.pow(2, z);
        double unit = tileWidth / EXTENT;
        byte[] tile = jdbc.sql(SqlScripts.load("tiles/boundary_tile", Map.of("lad_code", layer.ladCodeSql())))
                .param("z", z).param("x", col).param("y", row)
                .param("margin", (double) BUFFER / EXTENT)
                .param("segment", tileWidth / 8)
                // in British National Grid metres; Web Mercator stretches England by 1/cos(latitude),
                // 1.6 to 1.8, so this is under one tile unit (a sixteenth of a pixel): never visible.
                .param("tolerance", unit / 2)
                .param("buffer", BUFFER)
                .param("level", layer.id())
                .param("layer", layer.id())
                .query(byte[].class).single();
        return tile == null ? new byte[0] : tile;
    }
}
