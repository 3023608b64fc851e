package org.patchwork.indicators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patchwork.access.AccessPolicy;
import org.patchwork.customareas.CustomArea;
import org.patchwork.customareas.CustomAreas;
import org.patchwork.web.ApiProblem;
import org.springframework.stereotype.Component;

/**
 * A custom area's profile, shaped like a standard area's ({@link AreaProfile}): every indicator the viewer
 * may see with the area's value, intervals and comparisons (counted from its own LSOAs through the custom-area
 * ledger; area statistics as {@link CustomAreaStatistics} combines them), or why it has none, with a link to each
 * event indicator's series. It has no IMD domains: those are given per LSOA.
 */
@Component
class CustomAreaProfile {

    private final Indicators indicators;
    private final CustomAreaValues values;
    private final CustomAreas customAreas;
    private final AccessPolicy policy;

    CustomAreaProfile(Indicators indicators, CustomAreaValues values, CustomAreas customAreas, AccessPolicy policy) {
        this.indicators = indicators;
        this.values = values;
        this.customAreas = customAreas;
        this.policy = policy;
    }

    static boolean isCustom(String code) {
        return code != null && code.strip().startsWith(CustomArea.CODE_PREFIX);
    }

    Map<String, Object> profile(String code) {
        CustomArea area = customAreas.find(code.strip(), policy.currentViewer()).orElseThrow(() -> ApiProblem.notFound("unknown-area",
                "There is no custom area with code '" + code + "'"));
        List<Map<String, Object>> entries = new ArrayList<>();
        for (Indicator visible : indicators.visible()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("indicator", visible.json());
            try {
                Indicators.Seen seen = indicators.require(visible.id(), "area-profile");
                IndicatorValues.Table table = values.table(seen.indicator(), seen.access(), null, List.of(area), "area-profile");
                IndicatorValues.Value value = table.areas().get(0);
                // an event indicator without a count, or an area statistic without a value (an LSOA's withheld or missing)
                if (seen.indicator().measure().fromEvents() ? value.numerator() == null : value.value() == null) {
                    entry.put("unavailable", value.reason() == null ? "the indicator has no value for this area" : value.reason());
                } else {
                    Map<String, Object> figures = ValueJson.area(table, value);
                    IndicatorValues.Value district = area.district() == null ? null : table.districts().get(area.district());
                    figures.put("districtValue", district == null ? null : ValueJson.finite(district.value()));
                    figures.put("partnershipValue", ValueJson.finite(table.partnership().value()));
                    entry.put("value", figures);
                    if (seen.indicator().measure().fromEvents()) {
                        entry.put("series", "/api/indicators/" + seen.indicator().id() + "/series?area=" + area.code());
                    }
                }
            } catch (ApiProblem problem) {
                entry.put("unavailable", problem.getMessage());
            }
            entries.add(entry);
        }
        Map<String, Object> where = new LinkedHashMap<>();
        where.put("code", area.code());
        where.put("name", area.name());
        where.put("level", CustomAreaValues.LEVEL);
        where.put("district", area.district());
        where.put("lsoas", area.lsoas());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("area", where);
        body.put("csv", "/api/areas/" + area.code() + "/profile?format=csv");
        body.put("indicators", entries);
        return body;
    }
}
