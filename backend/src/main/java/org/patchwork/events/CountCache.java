package org.patchwork.events;

import java.util.function.Supplier;
import org.patchwork.kept.KeptValues;
import org.patchwork.sql.SqlScripts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Keeps the raw per-LSOA counts (and outside counts) of recent filters, so that the indicator values, profiles,
 * series and counts that a map session asks for again and again do not scan millions of events each time
 * (at national scale one crime type for a year is over a million rows: about a second of PostGIS work per
 * request, and a queue of them under load). What is kept is the exact count and record-key sum per LSOA, the
 * same for every viewer: each request still goes through the access decision and is protected (perturbed)
 * after, as before.
 *
 * <p>An entry is valid for one state of what the counts depend on, read with one cheap query per request
 * ({@code events/count_cache_stamp.sql}): the dataset's current version (a version's events never change once
 * published), the newest dataset and version ids (any load of boundaries or lookups makes one) and the
 * numbers of loaded LSOAs and lookup rows (areas added or removed directly). Concurrent requests for the same
 * entry wait for one query. At most {@link #MAX_ENTRIES} entries, the least recently used dropped first.
 */
@Component
class CountCache {

    static final int MAX_ENTRIES = 64;   // a table of cells is ~1 MB at national scale, its sums by level less

    private record Key(String what, long datasetId, CountFilter filter, String stamp) {
    }

    private final JdbcClient jdbc;
    private final KeptValues<Key, Object> kept = new KeptValues<>(MAX_ENTRIES);

    CountCache(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The value for the dataset and filter in the current state of the data, loading it if not kept. */
    <T> T get(String what, long datasetId, CountFilter filter, Supplier<T> load) {
        return get(what, datasetId, filter, stamp(datasetId), load);
    }

    /**
     * As above with the state already read by {@link #stamp} in this request, so that one request asking for
     * several parts (cells, names, the outside count) reads it once.
     */
    @SuppressWarnings("unchecked")
    <T> T get(String what, long datasetId, CountFilter filter, String stamp, Supplier<T> load) {
        return (T) kept.get(new Key(what, datasetId, filter, stamp), load);
    }

    String stamp(long datasetId) {
        return jdbc.sql(SqlScripts.load("events/count_cache_stamp")).param("dataset_id", datasetId).query(String.class).single();
    }
}
