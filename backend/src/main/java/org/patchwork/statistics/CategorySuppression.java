package org.patchwork.statistics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.patchwork.disclosure.DisclosureRule;

/**
 * Which counts of an area-statistics measure to withhold. Primary: counts from 1 to the rule's maximum.
 * Secondary, within each area: categories (age bands, say) usually add up to a total that is known from
 * elsewhere, or is itself a category of the file, so a single suppressed category could be found by
 * subtraction; when an area has exactly one suppressed category, its smallest other non-zero category is
 * suppressed too. Areas are not combined: only the file's own level is published.
 */
final class CategorySuppression {

    private CategorySuppression() {
    }

    static Set<AreaStatistics.AreaValue> suppressed(List<AreaStatistics.AreaValue> values, DisclosureRule rule) {
        Set<AreaStatistics.AreaValue> suppressed = new HashSet<>();
        if (rule.maxSuppressed() == 0) {
            return suppressed;
        }
        Map<String, List<AreaStatistics.AreaValue>> byArea = new LinkedHashMap<>();
        values.forEach(v -> byArea.computeIfAbsent(v.code(), code -> new ArrayList<>()).add(v));
        for (List<AreaStatistics.AreaValue> area : byArea.values()) {
            List<AreaStatistics.AreaValue> small = area.stream().filter(v -> v.value() != null && rule.isSmall(Math.round(v.value()))).toList();
            suppressed.addAll(small);
            if (small.size() == 1 && area.size() > 1) {
                area.stream().filter(v -> !small.contains(v) && v.value() != null && Math.round(v.value()) != 0)
                        .min(Comparator.comparingDouble(AreaStatistics.AreaValue::value)).ifPresent(suppressed::add);
            }
        }
        return suppressed;
    }
}
