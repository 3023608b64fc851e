package org.patchwork.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.ApiClient.Reply;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Indicator values are kept between requests (indicators.IndicatorTables): a new version published, and a
 * version withdrawn, must show at once in the next read, never the figures of the version before. Expected
 * counts are SQL on the event table's current version; the reader is the owner's data manager (record level).
 */
@PatchworkIntegrationTest
class IndicatorValuesAfterNewVersionIT {

    @TempDir
    Path dir;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aKeptIndicatorFollowsANewVersionAndAWithdrawal() {
        UploadClient manager = UploadClient.newPartner(port, "Indicator versions IT");
        Path march = CrimeFiles.slice(CrimeFiles.MERSEYSIDE_ZIP, CrimeFiles.merseysideMonth("2022-03"), 1_500, dir.resolve("march.csv"));
        Path april = CrimeFiles.slice(CrimeFiles.MERSEYSIDE_ZIP, CrimeFiles.merseysideMonth("2022-04"), 3_000, dir.resolve("april.csv"));
        JsonNode first = manager.load(march, Map.of("title", "Indicator versions IT", "theme", "crime"));
        assertThat(first.path("state").asString()).as("%s", first).isEqualTo("succeeded");
        long datasetId = first.path("result").path("datasetId").asLong();

        Map<String, Object> definition = new LinkedHashMap<>();
        definition.put("name", "All crime, March-April 2022 (versions IT)");
        definition.put("datasetId", datasetId);
        definition.put("measure", "count");
        definition.put("categories", List.of());
        definition.put("from", "2022-03");
        definition.put("to", "2022-04");
        definition.put("level", "lsoa");
        Reply defined = manager.api().post("/api/indicators", definition);
        assertThat(defined.status()).as("%s", defined).isEqualTo(201);
        String values = "/api/indicators/" + defined.json().path("id").asLong() + "/values";

        Map<String, Long> v1 = truth(datasetId);
        assertThat(v1.values().stream().mapToLong(Long::longValue).sum()).isPositive();
        assertThat(numerators(manager.api().getJson(values))).isEqualTo(v1);
        assertThat(numerators(manager.api().getJson(values))).as("read again (kept)").isEqualTo(v1);
        String liverpool = "E08000012";
        assertThat(numerators(manager.api().getJson(values + "?within=" + liverpool))).as("one district of the kept table")
                .isEqualTo(truthWithin(datasetId, liverpool));

        JsonNode second = manager.awaitJob(UploadClient.jobOf(manager.addVersion(datasetId, april, null)), Duration.ofMinutes(5));
        assertThat(second.path("state").asString()).as("%s", second).isEqualTo("succeeded");
        assertThat(second.path("result").path("version").asInt()).isEqualTo(2);
        Map<String, Long> v2 = truth(datasetId);
        assertThat(v2).isNotEqualTo(v1);
        assertThat(numerators(manager.api().getJson(values))).as("after version 2 was published").isEqualTo(v2);
        assertThat(numerators(manager.api().getJson(values + "?within=" + liverpool))).as("a district after version 2")
                .isEqualTo(truthWithin(datasetId, liverpool));

        Reply withdrawn = manager.api().post("/api/datasets/" + datasetId + "/versions/2/withdraw", null);
        assertThat(withdrawn.status()).as("%s", withdrawn).isEqualTo(200);
        assertThat(truth(datasetId)).isEqualTo(v1);
        assertThat(numerators(manager.api().getJson(values))).as("after version 2 was withdrawn").isEqualTo(v1);
    }

    /** Non-zero numerators by LSOA code. */
    private static Map<String, Long> numerators(JsonNode body) {
        Map<String, Long> byCode = new HashMap<>();
        body.path("areas").forEach(a -> {
            if (a.path("numerator").asLong() > 0) {
                byCode.put(a.path("code").asString(), a.path("numerator").asLong());
            }
        });
        return byCode;
    }

    /** Events of the dataset's current version in each loaded LSOA, by SQL. */
    private Map<String, Long> truth(long datasetId) {
        return truthWithin(datasetId, null);
    }

    private Map<String, Long> truthWithin(long datasetId, String district) {
        Map<String, Long> byCode = new HashMap<>();
        jdbc.sql("select e.lsoa_code, count(*) as n from event e join area a on a.level = 'lsoa' and a.code = e.lsoa_code "
                        + "join lsoa_hierarchy h on h.lsoa_code = e.lsoa_code "
                        + "where e.dataset_id = :id and e.version_id = (select current_version_id from dataset where id = :id) "
                        + "and e.month between date '2022-03-01' and date '2022-04-01' "
                        + "and (cast(:district as text) is null or h.lad_code = :district) group by e.lsoa_code")
                .param("id", datasetId).param("district", district)
                .query((rs, n) -> byCode.put(rs.getString("lsoa_code"), rs.getLong("n"))).list();
        return byCode;
    }
}
