package org.patchwork.indicators;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.patchwork.access.Access;
import org.patchwork.access.AccessLevel;
import org.patchwork.access.AccessPolicy;
import org.patchwork.access.Viewer;
import org.patchwork.layers.CollectionSource;
import org.patchwork.layers.FeatureCollection;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Each saved indicator as one OGC API Features collection ({@code indicator-{id}}): one feature per area of the
 * indicator's level with its value, intervals and comparisons, as {@code /api/indicators/{id}/values} gives them to
 * the same viewer. Listed for those whose agreement publishes figures at the indicator's level.
 */
@Component
@Order(5)
class IndicatorCollections implements CollectionSource {

    static final String PREFIX = "indicator-";

    private final IndicatorStore store;
    private final Indicators indicators;
    private final IndicatorValues values;
    private final IndicatorPages pages;
    private final AccessPolicy policy;

    IndicatorCollections(IndicatorStore store, Indicators indicators, IndicatorValues values, IndicatorPages pages, AccessPolicy policy) {
        this.store = store;
        this.indicators = indicators;
        this.values = values;
        this.pages = pages;
        this.policy = policy;
    }

    @Override
    public List<FeatureCollection> visible(Viewer viewer) {
        Map<Long, Access> access = new HashMap<>();
        return store.all().stream().filter(indicator -> {
            Access a = access.computeIfAbsent(indicator.datasetId(), d -> policy.decide(viewer, d));
            return a.allows(AccessLevel.PUBLIC) && AccessPolicy.allowedLevels(a).contains(indicator.level());
        }).sorted(java.util.Comparator.comparingLong(Indicator::id)).map(this::collection).toList();
    }

    @Override
    public Optional<Claim> claim(String id) {
        return idOf(id).flatMap(store::find).map(indicator -> new Claim(indicator.datasetId(), output -> {
            Indicators.Seen seen = indicators.require(indicator.id(), output);
            values.requireLevel(indicator, seen.access(), indicator.level(), output);
            return collection(indicator);
        }));
    }

    /** The indicator id a collection id names, if it names one. */
    static Optional<Long> idOf(String collectionId) {
        if (collectionId == null || !collectionId.matches(PREFIX + "\\d{1,18}")) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(collectionId.substring(PREFIX.length())));
    }

    private FeatureCollection collection(Indicator indicator) {
        return new FeatureCollection(PREFIX + indicator.id(), indicator.name() + " by " + indicator.level(), "Indicator '"
                + indicator.name() + "' (" + indicator.measure().key() + ") by " + indicator.level() + ": one feature per area with its "
                + "value, 95% and 99.8% intervals and comparisons with its district and the partnership (within: one district's areas). "
                + "Counts are adjusted by a small amount (cell-key method) to protect people unless your access is record-level, and "
                + "the intervals carry that adjustment.", IndicatorPages.PARAMETERS, indicator.datasetId(), pages.at(indicator));
    }
}
