package org.patchwork.indicators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patchwork.access.AccessLevel;
import org.patchwork.access.AccessPolicy;
import org.patchwork.web.ApiProblem;
import org.springframework.stereotype.Component;

/**
 * An area's profile: every indicator the viewer may see, computed at the area's level, with its value,
 * intervals and comparisons; and, for an LSOA, its IMD 2019 domains. An indicator that cannot be shown
 * for this area to this viewer (a statistic by another level, a geography or filter their agreement does
 * not publish) is listed with the reason instead of a value.
 */
@Component
class AreaProfile {

    private final Indicators indicators;
    private final IndicatorValues values;
    private final IndicatorStore store;
    private final AccessPolicy policy;

    AreaProfile(Indicators indicators, IndicatorValues values, IndicatorStore store, AccessPolicy policy) {
        this.indicators = indicators;
        this.values = values;
        this.store = store;
        this.policy = policy;
    }

    Map<String, Object> profile(String code) {
        IndicatorStore.Area area = store.area(code == null ? "" : code.strip()).orElseThrow(() -> ApiProblem.notFound("unknown-area",
                "There is no loaded LSOA, MSOA, ward or district with code '" + code + "'"));
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Indicator visible : indicators.visible()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("indicator", visible.json());
            try {
                Indicators.Seen seen = indicators.require(visible.id(), "area-profile");
                // every area of the level, not only the district's: the spine chart shows the partnership's spread
                IndicatorValues.Table table = values.table(seen.indicator(), seen.access(), area.level(), null, "area-profile");
                IndicatorValues.Value value = table.kept() != null ? table.kept().byCode.get(area.code())
                        : table.areas().stream().filter(v -> v.code().equals(area.code())).findFirst().orElse(null);
                entry.put("spread", table.kept() != null ? table.kept().derived("spread", whole -> spread(table)) : spread(table));
                if (seen.indicator().measure().fromEvents()) {
                    entry.put("series", "/api/indicators/" + seen.indicator().id() + "/series?area=" + area.code());
                }
                if (value == null) {
                    entry.put("unavailable", "the indicator has no value for this area");
                } else {
                    Map<String, Object> figures = ValueJson.area(table, value);
                    IndicatorValues.Value district = table.districts().get(area.district());
                    figures.put("districtValue", district == null ? null : ValueJson.finite(district.value()));
                    figures.put("partnershipValue", ValueJson.finite(table.partnership().value()));
                    entry.put("value", figures);
                }
            } catch (ApiProblem problem) {
                entry.put("unavailable", problem.getMessage());
            }
            entries.add(entry);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, Object> where = new LinkedHashMap<>();
        where.put("code", area.code());
        where.put("name", area.name());
        where.put("level", area.level());
        where.put("district", area.district());
        body.put("area", where);
        body.put("csv", "/api/areas/" + area.code() + "/profile?format=csv");
        body.put("indicators", entries);
        if (area.level().equals("lsoa")) {
            store.deprivation(area.code()).ifPresent(imd -> {
                policy.require(imd.datasetId(), AccessLevel.PUBLIC, "area-profile");
                policy.audit("aggregate-access", imd.datasetId(), "area-profile", 1, "area=" + area.code());
                body.put("deprivation", imd.domains());
            });
        }
        return body;
    }

    /**
     * The spread of the level's values across the partnership, for the spine chart: how many areas have a
     * value, the lowest, the quartiles (linear interpolation between order statistics, R's type 7) and the highest.
     */
    static Map<String, Object> spread(IndicatorValues.Table table) {
        double[] sorted = table.areas().stream().map(IndicatorValues.Value::value).map(ValueJson::finite)
                .filter(java.util.Objects::nonNull).mapToDouble(Double::doubleValue).sorted().toArray();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("n", sorted.length);
        if (sorted.length > 0) {
            json.put("min", sorted[0]);
            json.put("q25", quantile(sorted, 0.25));
            json.put("median", quantile(sorted, 0.5));
            json.put("q75", quantile(sorted, 0.75));
            json.put("max", sorted[sorted.length - 1]);
        }
        return json;
    }

    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int below = (int) Math.floor(h);
        int above = Math.min(below + 1, sorted.length - 1);
        return sorted[below] + (h - below) * (sorted[above] - sorted[below]);
    }
}
