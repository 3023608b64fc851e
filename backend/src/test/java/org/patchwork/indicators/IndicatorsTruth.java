package org.patchwork.indicators;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Events and population by area straight from the source tables ({@code feature_event}, {@code lsoa_hierarchy}, {@code lsoa_population}). */
record IndicatorsTruth(JdbcClient jdbc, long dataset) {

    /** Code -> {events, population} for every loaded area of the level. */
    Map<String, long[]> truth(String level, List<String> categories, String from, String to) {
        String column = level.equals("district") ? "lad_code" : level + "_code";
        Map<String, long[]> truth = new HashMap<>();
        jdbc.sql("""
                with lsoa as (
                    select h.lsoa_code, h.%1$s as code from lsoa_hierarchy h join area a on a.level = 'lsoa' and a.code = h.lsoa_code),
                events as (
                    select e.lsoa_code, count(*) as n from feature_event e
                    where e.dataset_id = :dataset and e.category = any(cast(:categories as text[]))
                      and e.month between :from and :to group by e.lsoa_code)
                select l.code, coalesce(sum(ev.n), 0), sum(p.total)
                from lsoa l left join events ev on ev.lsoa_code = l.lsoa_code left join lsoa_population p on p.lsoa_code = l.lsoa_code
                group by l.code""".formatted(column))
                .param("dataset", dataset).param("categories", "{" + String.join(",", categories.stream().map(c -> "\"" + c + "\"").toList()) + "}")
                .param("from", from).param("to", to)
                .query(rs -> {
                    truth.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
                });
        return truth;
    }

    /**
     * The chi-square test for trend in rates over periods with equal denominators, written out (not the code under
     * test): E = the mean count, scores 1..n; chi^2 = (sum t(O - E))^2 / (sum t^2 E - (sum t E)^2 / sum E).
     */
    static double chiSquareForTrend(double[] counts) {
        double mean = java.util.Arrays.stream(counts).average().orElseThrow();
        double score = 0;
        double te = 0;
        double tte = 0;
        for (int t = 1; t <= counts.length; t++) {
            score += t * (counts[t - 1] - mean);
            te += t * mean;
            tte += t * t * mean;
        }
        return score * score / (tte - te * te / (counts.length * mean));
    }
}
