package org.patchwork.indicators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patchwork.access.AccessLevel;
import org.patchwork.access.AccessPolicy;
import org.patchwork.customareas.CustomArea;
import org.patchwork.sql.SqlScripts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A custom area's IMD 2019 domains, as Local Insight and OCSI show them for areas the IMD does not rank: the
 * loaded IMD gives each LSOA a rank and decile, not a score, so a combined area has no decile of its own. For
 * each domain: how many of the area's LSOAs (and how many of their residents, mid-2015) fall in each national
 * decile, and the share in England's 10% (decile 1) and 20% (deciles 1 and 2) most deprived LSOAs. Shares are
 * of the LSOAs that have the domain's decile (and, for people, a population too), so an LSOA missing either is
 * counted apart rather than silently shrinking a share.
 */
@Component
class CustomAreaDeprivation {

    static final List<String> DOMAINS = List.of("imd", "income", "employment", "education", "health", "crime", "housing",
            "living_environment");

    private final JdbcClient jdbc;
    private final AccessPolicy policy;

    CustomAreaDeprivation(JdbcClient jdbc, AccessPolicy policy) {
        this.jdbc = jdbc;
        this.policy = policy;
    }

    private record Lsoa(String code, Long datasetId, Long population, Map<String, Integer> deciles) {
    }

    /**
     * The distribution, or null when none of the area's LSOAs is in the loaded IMD. The caller has already
     * found the area for this viewer (CustomAreas#find); the IMD is checked like any dataset (public open data).
     */
    Map<String, Object> distribution(CustomArea area) {
        List<Lsoa> lsoas = jdbc.sql(SqlScripts.load("indicators/imd_deciles_of_lsoas"))
                .param("lsoas", area.lsoas().toArray(String[]::new)).query((rs, n) -> {
                    Map<String, Integer> deciles = new LinkedHashMap<>();
                    for (String domain : DOMAINS) {
                        deciles.put(domain, rs.getObject(domain + "_decile", Integer.class));
                    }
                    Number population = (Number) rs.getObject("population");   // int4
                    return new Lsoa(rs.getString("lsoa_code"), rs.getObject("dataset_id", Long.class),
                            population == null ? null : population.longValue(), deciles);
                }).list();
        Long datasetId = lsoas.stream().map(Lsoa::datasetId).filter(id -> id != null).findFirst().orElse(null);
        if (datasetId == null) {
            return null;
        }
        policy.require(datasetId, AccessLevel.PUBLIC, "area-profile");
        policy.audit("aggregate-access", datasetId, "area-profile", lsoas.size(), "area=" + area.code() + " imd-deciles");

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("lsoas", lsoas.size());
        body.put("population", lsoas.stream().map(Lsoa::population).filter(p -> p != null).mapToLong(Long::longValue).sum());
        body.put("lsoasWithoutImd", lsoas.stream().filter(l -> l.datasetId() == null).count());
        body.put("lsoasWithoutPopulation", lsoas.stream().filter(l -> l.population() == null).count());
        body.put("method", "For each domain, the area's LSOAs and their mid-2015 residents by the LSOA's national decile "
                + "(1 = England's most deprived tenth of 32,844 LSOAs); a combined area has no decile of its own.");
        Map<String, Object> domains = new LinkedHashMap<>();
        for (String domain : DOMAINS) {
            domains.put(domain, domain(lsoas, domain));
        }
        body.put("domains", domains);
        return body;
    }

    private static Map<String, Object> domain(List<Lsoa> lsoas, String domain) {
        long[] count = new long[11];
        long[] people = new long[11];
        long ranked = 0;
        long rankedPeople = 0;
        for (Lsoa lsoa : lsoas) {
            Integer decile = lsoa.deciles().get(domain);
            if (decile == null || decile < 1 || decile > 10) {
                continue;
            }
            count[decile]++;
            ranked++;
            if (lsoa.population() != null) {
                people[decile] += lsoa.population();
                rankedPeople += lsoa.population();
            }
        }
        List<Map<String, Object>> deciles = new ArrayList<>();
        for (int d = 1; d <= 10; d++) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("decile", d);
            row.put("lsoas", count[d]);
            row.put("population", people[d]);
            deciles.add(row);
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("lsoas", ranked);
        json.put("population", rankedPeople);
        json.put("deciles", deciles);
        json.put("mostDeprived10", share(count[1], ranked, people[1], rankedPeople));
        json.put("mostDeprived20", share(count[1] + count[2], ranked, people[1] + people[2], rankedPeople));
        return json;
    }

    private static Map<String, Object> share(long lsoas, long ofLsoas, long population, long ofPopulation) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("lsoas", lsoas);
        json.put("lsoaShare", ofLsoas == 0 ? null : (double) lsoas / ofLsoas);
        json.put("population", population);
        json.put("populationShare", ofPopulation == 0 ? null : (double) population / ofPopulation);
        return json;
    }
}
