package org.patchwork.events;

import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
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

    private static final class Entry {
        final CompletableFuture<Object> value = new CompletableFuture<>();
        volatile long usedAt = System.nanoTime();
    }

    private final JdbcClient jdbc;
    private final Map<Key, Entry> entries = new ConcurrentHashMap<>();

    CountCache(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The value for the dataset and filter in the current state of the data, loading it if not kept. */
    @SuppressWarnings("unchecked")
    <T> T get(String what, long datasetId, CountFilter filter, Supplier<T> load) {
        return get(what, datasetId, filter, stamp(datasetId), load);
    }

    /**
     * As above with the state already read by {@link #stamp} in this request, so that one request asking for
     * several parts (cells, names, the outside count) reads it once.
     */
    @SuppressWarnings("unchecked")
    <T> T get(String what, long datasetId, CountFilter filter, String stamp, Supplier<T> load) {
        Key key = new Key(what, datasetId, filter, stamp);
        Entry fresh = new Entry();
        Entry entry = entries.putIfAbsent(key, fresh);
        if (entry == null) {
            entry = fresh;
            try {
                fresh.value.complete(load.get());
            } catch (RuntimeException e) {
                entries.remove(key, fresh);
                fresh.value.completeExceptionally(e);
                throw e;
            }
            trim();
        }
        entry.usedAt = System.nanoTime();
        try {
            return (T) entry.value.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    String stamp(long datasetId) {
        return jdbc.sql(SqlScripts.load("events/count_cache_stamp")).param("dataset_id", datasetId).query(String.class).single();
    }

    private void trim() {
        while (entries.size() > MAX_ENTRIES) {
            entries.entrySet().stream().filter(e -> e.getValue().value.isDone())
                    .min((a, b) -> Long.compare(a.getValue().usedAt, b.getValue().usedAt))
                    .ifPresentOrElse(e -> entries.remove(e.getKey(), e.getValue()), () -> { });
            if (entries.values().stream().noneMatch(e -> e.value.isDone())) {
                return;
            }
        }
    }
}
