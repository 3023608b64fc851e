package org.patchwork.indicators;

import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patchwork.layers.AreaItems;
import org.springframework.stereotype.Component;

/**
 * Items of an indicator collection: each area's figures flattened into feature properties (GIS clients read
 * flat attributes), computed by the same access decision and the same code as the values API.
 */
@Component
class IndicatorPages {

    static final List<String> PARAMETERS = List.of("within");

    private final Indicators indicators;

    IndicatorPages(Indicators indicators) {
        this.indicators = indicators;
    }

    AreaItems at(Indicator indicator) {
        return new AreaItems(indicator.level(), (collection, request) -> features(indicator, request));
    }

    private AreaItems.Features features(Indicator indicator, HttpServletRequest request) {
        IndicatorValues.Table table = indicators.values(indicator.id(), indicator.level(), request.getParameter("within"), "ogc-indicator");
        List<AreaItems.AreaFeature> features = new ArrayList<>();
        table.areas().forEach(value -> features.add(new AreaItems.AreaFeature(value.code(), value.code(), properties(table, value))));
        return new AreaItems.Features(features, table.areas().size() + " areas. Counts are adjusted by a small amount (cell-key method) "
                + "to protect people unless your access is record-level.", served -> { });
    }

    /**
     * One area's figures as flat properties: code, name, district, numerator, denominator, value, lower95, upper95,
     * lower998, upper998, comparison_district, comparison_partnership (95%), suppressed.
     */
    static Map<String, Object> properties(IndicatorValues.Table table, IndicatorValues.Value value) {
        Map<String, Object> area = ValueJson.area(table, value);
        Map<String, Object> flat = new LinkedHashMap<>();
        for (String key : List.of("code", "name", "district", "numerator", "denominator", "value", "lower95", "upper95", "lower998", "upper998")) {
            flat.put(key, area.get(key));
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> comparison = (Map<String, Object>) area.get("comparison");
        flat.put("comparison_district", comparison.get("district"));
        flat.put("comparison_partnership", comparison.get("partnership"));
        flat.put("suppressed", value.suppressed());
        return flat;
    }
}
