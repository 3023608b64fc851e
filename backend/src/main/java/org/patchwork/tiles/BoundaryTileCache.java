package org.patchwork.tiles;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.patchwork.sql.SqlScripts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps recently served boundary tiles (the same bytes for everyone: boundaries are public), so that a map
 * session's tiles are not cut again by PostGIS for every viewer. A tile is kept under the state of its level's
 * boundaries ({@code tiles/boundary_stamp.sql}, one cheap query per tile request): any load of boundaries or
 * lookups, or areas added or removed, gives a new state and the tile is cut afresh. At most {@link #MAX_BYTES}
 * of tiles, the least recently used dropped first. Tiles of figures (indicator tiles) differ by viewer and are
 * never kept here.
 */
@Component
class BoundaryTileCache {

    static final long MAX_BYTES = 48L * 1024 * 1024;

    private record Key(TileLayer layer, int z, int row, int col, String stamp) {
    }

    private final JdbcClient jdbc;
    private final LinkedHashMap<Key, byte[]> tiles = new LinkedHashMap<>(256, 0.75f, true);
    private long bytes;

    BoundaryTileCache(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The state of the level's boundaries (one query). */
    String stamp(TileLayer layer) {
        return jdbc.sql(SqlScripts.load("tiles/boundary_stamp")).param("level", layer.id()).query(String.class).single();
    }

    byte[] tile(TileLayer layer, int z, int row, int col, Supplier<byte[]> cut) {
        String stamp = stamp(layer);
        Key key = new Key(layer, z, row, col, stamp);
        synchronized (tiles) {
            byte[] kept = tiles.get(key);
            if (kept != null) {
                return kept;
            }
        }
        byte[] tile = cut.get();   // outside the lock: two first requests for one tile may both cut it, harmlessly
        synchronized (tiles) {
            if (tiles.put(key, tile) == null) {
                bytes += tile.length;
            }
            var oldest = tiles.entrySet().iterator();
            while (bytes > MAX_BYTES && oldest.hasNext()) {
                bytes -= oldest.next().getValue().length;
                oldest.remove();
            }
        }
        return tile;
    }
}
