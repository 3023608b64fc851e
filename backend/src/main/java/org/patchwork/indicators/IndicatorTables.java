package org.patchwork.indicators;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.patchwork.access.Access;
import org.patchwork.access.AccessLevel;
import org.patchwork.catalogue.VersionPublished;
import org.patchwork.catalogue.VersionWithdrawn;
import org.patchwork.disclosure.DisclosureRule;
import org.patchwork.kept.KeptValues;
import org.patchwork.sql.SqlScripts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Keeps an event indicator's values for every area of a level, computed once per (indicator, level, access
 * tier, state of the data) and sliced by district per request: at national scale one table is 32,844 areas,
 * and a map session asks for it (or one district of it) again and again.
 *
 * <p>What is kept is exactly what {@link IndicatorValues} computes for a viewer of that tier, so nothing a
 * viewer gets from the cache differs from a fresh computation: the key holds the indicator's definition, the
 * level, the access tier (level, smallest geography, disclosure rule: all that decides protection, allowed
 * levels and releasable periods) and the stamp of the data ({@code indicators/values_stamp.sql}: the dataset's
 * current version and the reference data). Cell-key perturbation is deterministic, so a kept perturbed table
 * is the same noise a recomputation gives: averaging repeated requests learns nothing new. The access decision,
 * the level check and the audit still run on every request (IndicatorValues#table).
 *
 * <p>Entries of a dataset are dropped when a version of it is published or withdrawn (catalogue events, after
 * commit); the stamp alone already keeps a request from reading an entry of an earlier version. At most
 * {@link #MAX_ENTRIES}, the least recently used dropped first. Concurrent requests for the same entry wait
 * for one computation.
 */
@Component
class IndicatorTables {

    static final int MAX_ENTRIES = 12;   // a national LSOA table with its rendered JSON is ~25 MB

    /** The part of an {@link Access} that decides what numbers a viewer gets (not its basis in words). */
    record Tier(AccessLevel level, String minGeography, DisclosureRule rule) {
        static Tier of(Access access) {
            return new Tier(access.level(), access.minGeography(), access.rule());
        }
    }

    /** The state of the data: the reference data (areas, lookup, population) and the dataset's current version. */
    record Stamp(String reference, String version) {
    }

    private record Key(Indicator indicator, String level, Tier tier, Stamp stamp) {
    }

    /** A whole level's values, with its areas by district and by code; the rendered JSON is kept with it. */
    static final class Whole {
        final IndicatorValues.Table table;
        final Map<String, List<IndicatorValues.Value>> byDistrict;
        final Map<String, IndicatorValues.Value> byCode;
        final Map<String, Object> rendered = new ConcurrentHashMap<>();

        Whole(IndicatorValues.Table table) {
            this.table = table;
            Map<String, List<IndicatorValues.Value>> districts = new LinkedHashMap<>();
            Map<String, IndicatorValues.Value> codes = new java.util.HashMap<>();
            for (IndicatorValues.Value value : table.areas()) {
                if (value.district() != null) {
                    districts.computeIfAbsent(value.district(), d -> new ArrayList<>()).add(value);
                }
                codes.put(value.code(), value);
            }
            districts.replaceAll((d, values) -> List.copyOf(values));
            this.byDistrict = Collections.unmodifiableMap(districts);
            this.byCode = Collections.unmodifiableMap(codes);
        }

        /** Something derived from the whole table (JSON, a spread), made once. */
        @SuppressWarnings("unchecked")
        <T> T derived(String what, java.util.function.Function<Whole, T> make) {
            return (T) rendered.computeIfAbsent(what, w -> make.apply(this));
        }
    }

    private final JdbcClient jdbc;
    private final KeptValues<Key, Whole> kept = new KeptValues<>(MAX_ENTRIES);

    IndicatorTables(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The state of the data the indicator's values depend on (one query). */
    Stamp stamp(long datasetId) {
        return jdbc.sql(SqlScripts.load("indicators/values_stamp")).param("dataset_id", datasetId)
                .query((rs, n) -> new Stamp(rs.getString("reference"), rs.getString("version"))).single();
    }

    /** The whole table for this viewer's tier in this state of the data, computing it if not kept. */
    Whole get(Indicator indicator, String level, Access access, Stamp stamp, Supplier<IndicatorValues.Table> compute) {
        return kept.get(new Key(indicator, level, Tier.of(access), stamp), () -> new Whole(compute.get()));
    }

    @TransactionalEventListener(fallbackExecution = true)
    void published(VersionPublished event) {
        forget(event.datasetId());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void withdrawn(VersionWithdrawn event) {
        forget(event.datasetId());
    }

    /** Drops every kept table of the dataset. */
    void forget(long datasetId) {
        kept.removeIf(key -> key.indicator().datasetId() == datasetId);
    }

    int size() {
        return kept.size();
    }
}
