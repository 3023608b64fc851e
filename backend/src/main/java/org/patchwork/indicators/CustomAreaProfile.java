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
 * event indicator's series; the spread of the partnership's LSOAs' values for a spine chart (where the area's value
 * is comparable with an LSOA's: a rate or an averaged statistic, not a count); and the IMD domains as the
 * distribution of its LSOAs across national deciles ({@link CustomAreaDeprivation}). An area whose LSOAs lie in
 * several districts has no single parent district, and says so.
 */
@Component
class CustomAreaProfile {

    private final Indicators indicators;
    private final CustomAreaValues values;
    private final CustomAreas customAreas;
    private final AccessPolicy policy;
    private final IndicatorValues lsoaValues;
    private final CustomAreaDeprivation deprivation;

    CustomAreaProfile(Indicators indicators, CustomAreaValues values, CustomAreas customAreas, AccessPolicy policy,
                      IndicatorValues lsoaValues, CustomAreaDeprivation deprivation) {
        this.lsoaValues = lsoaValues;
        this.deprivation = deprivation;
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
                    if (comparableWithLsoas(seen.indicator(), table)) {
                        // the spine runs over the partnership's LSOAs, the blocks the area is made of, through the same
                        // decision; over the agreement's smallest level when its counts are not published by LSOA
                        String level = seen.indicator().measure().fromEvents() ? AccessPolicy.allowedLevels(seen.access()).get(0) : "lsoa";
                        IndicatorValues.Table blocks = lsoaValues.table(seen.indicator(), seen.access(), level, null, "area-profile");
                        entry.put("spread", blocks.kept() != null ? blocks.kept().derived("spread", whole -> AreaProfile.spread(blocks))
                                : AreaProfile.spread(blocks));
                        entry.put("spreadLevel", level);
                    }
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
        where.put("districts", area.districts());
        if (area.district() == null) {
            where.put("noParentDistrict", "Its LSOAs lie in " + area.districts().size() + " districts (" + String.join(", ", area.districts())
                    + "), so it has no single parent district and is compared with the partnership only.");
        }
        where.put("lsoas", area.lsoas());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("area", where);
        body.put("csv", "/api/areas/" + area.code() + "/profile?format=csv");
        body.put("indicators", entries);
        try {
            Map<String, Object> deciles = deprivation.distribution(area);
            if (deciles != null) {
                body.put("deprivationDeciles", deciles);
            }
        } catch (ApiProblem problem) {
            // the IMD refused to this viewer (refusal audited): the rest of the profile still stands
            body.put("deprivationUnavailable", problem.getMessage());
        }
        return body;
    }

    /**
     * Whether the area's value can be placed among single LSOAs': a rate or a population-weighted mean can, a
     * count (events, or a statistic summed over the LSOAs) cannot, being larger only because the area is.
     */
    private static boolean comparableWithLsoas(Indicator indicator, IndicatorValues.Table table) {
        return indicator.measure().isRate() || (!indicator.measure().fromEvents() && table.partnership().value() != null);
    }
}
