package org.patchwork.indicators;

import java.util.LinkedHashMap;
import java.util.Map;
import org.patchwork.tiles.ValueTiles;
import org.springframework.stereotype.Component;

/**
 * Indicators as vector tiles with their figures as properties ({@code /ogc/collections/indicator-{id}/tiles}), for
 * GIS clients: each tile asks the access decision again and carries what the values API gives the same viewer
 * (perturbed counts and their widened intervals for aggregate and public viewers).
 */
@Component
class IndicatorTiles implements ValueTiles {

    private static final String OUTPUT = "indicator-tiles";

    private final IndicatorStore store;
    private final Indicators indicators;
    private final IndicatorValues values;

    IndicatorTiles(IndicatorStore store, Indicators indicators, IndicatorValues values) {
        this.store = store;
        this.indicators = indicators;
        this.values = values;
    }

    @Override
    public boolean serves(String collectionId) {
        return IndicatorCollections.idOf(collectionId).flatMap(store::find).isPresent();
    }

    @Override
    public Values open(String collectionId) {
        long id = IndicatorCollections.idOf(collectionId).orElseThrow();
        Indicators.Seen seen = indicators.require(id, OUTPUT);
        Indicator indicator = seen.indicator();
        values.requireLevel(indicator, seen.access(), indicator.level(), OUTPUT);
        return new Values(indicator.name() + " by " + indicator.level(), indicator.level(), () -> {
            IndicatorValues.Table table = indicators.values(id, indicator.level(), null, OUTPUT);
            java.util.function.Supplier<Map<String, Map<String, Object>>> properties = () -> {
                Map<String, Map<String, Object>> byCode = new LinkedHashMap<>();
                table.areas().forEach(value -> byCode.put(value.code(), IndicatorPages.properties(table, value)));
                return java.util.Collections.unmodifiableMap(byCode);
            };
            // a kept table's properties are made once, not for every tile (IndicatorTables)
            return table.kept() != null ? table.kept().derived("tile/properties", whole -> properties.get()) : properties.get();
        });
    }
}
