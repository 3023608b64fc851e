package org.patchwork.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patchwork.AdminApi;
import org.patchwork.ApiClient;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Counts roll up LSOA → MSOA → ward (ONS best fit) → district → partnership consistently: for a record-level
 * user (Merseyside Police's analyst) on the real Merseyside 2022 street crime, every level's counts add up to
 * the same total, which is the number of source rows in a loaded LSOA counted here by SQL on {@code event};
 * each MSOA, ward and district is the sum of its LSOAs; and a custom area made of a district's LSOAs has
 * the district's count.
 */
@PatchworkIntegrationTest
class RollUpIT {

    static final String CRIME = "merseyside-street-crime-2022";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void totalsAreEqualAtEveryGeographyAndEqualTheSourceRows() {
        AdminApi admin = new AdminApi(port);
        long crime = jdbc.sql("select id from dataset where slug = :slug").param("slug", CRIME).query(Long.class).single();
        ApiClient police = admin.user(admin.partnerId("Merseyside Police"), "analyst").basic(port);
        long sourceRows = jdbc.sql("""
                        select count(*) from event e
                        where e.dataset_id = :dataset
                          and e.version_id = (select current_version_id from dataset where id = :dataset)
                          and exists (select 1 from area a where a.level = 'lsoa' and a.code = e.lsoa_code)""")
                .param("dataset", crime).query(Long.class).single();
        assertThat(sourceRows).as("Merseyside's 2022 street crime in its loaded LSOAs").isGreaterThan(150_000);

        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "All street crime 2022 (roll-up)");
        body.put("datasetId", crime);
        body.put("measure", "count");
        body.put("categories", List.of());
        body.put("level", "lsoa");
        long id = police.postJson("/api/indicators", body).path("id").asLong();

        Map<String, Map<String, Long>> byLevel = new HashMap<>();
        for (String level : List.of("lsoa", "msoa", "ward", "district")) {
            JsonNode values = police.getJson("/api/indicators/" + id + "/values?level=" + level);
            Map<String, Long> counts = new HashMap<>();
            values.path("areas").forEach(v -> counts.put(v.path("code").asString(), v.path("numerator").asLong()));
            byLevel.put(level, counts);
            assertThat(counts.values().stream().mapToLong(Long::longValue).sum()).as("total by %s", level).isEqualTo(sourceRows);
            assertThat(values.path("partnership").path("numerator").asLong()).as("partnership, asked by %s", level).isEqualTo(sourceRows);
        }
        // each area of a higher level is the sum of its best-fit LSOAs
        Map<String, String> column = Map.of("msoa", "msoa_code", "ward", "ward_code", "district", "lad_code");
        for (String level : List.of("msoa", "ward", "district")) {
            Map<String, Long> summed = new HashMap<>();
            jdbc.sql("select h.lsoa_code, h." + column.get(level) + " from lsoa_hierarchy h join area a on a.level = 'lsoa' and a.code = h.lsoa_code")
                    .query(rs -> {
                        summed.merge(rs.getString(2), byLevel.get("lsoa").getOrDefault(rs.getString(1), 0L), Long::sum);
                    });
            assertThat(byLevel.get(level)).as("%s = sum of its LSOAs", level).isEqualTo(summed);
        }
        // a custom area of a whole district counts what the district counts
        String liverpool = "E08000012";
        List<String> lsoas = jdbc.sql("select h.lsoa_code from lsoa_hierarchy h join area a on a.level = 'lsoa' and a.code = h.lsoa_code "
                + "where h.lad_code = :lad").param("lad", liverpool).query(String.class).list();
        String code = police.postJson("/api/custom-areas", Map.of("name", "All of Liverpool, as LSOAs", "lsoas", lsoas)).path("code").asString();
        JsonNode custom = police.getJson("/api/indicators/" + id + "/values?level=custom");
        JsonNode mine = custom.path("areas").valueStream().filter(v -> v.path("code").asString().equals(code)).findFirst().orElseThrow();
        assertThat(mine.path("numerator").asLong()).isEqualTo(byLevel.get("district").get(liverpool));
        assertThat(mine.path("district").asString()).isEqualTo(liverpool);
        assertThat(mine.path("comparison").path("district").asString()).isEqualTo("not-compared");
    }
}
