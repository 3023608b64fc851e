package org.patchwork.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Merseyside Police's 2022 archive (11 monthly police.uk files), loaded at start-up through the upload
 * pipeline. Expected numbers are those ../shared/data/README.md gives for the files themselves.
 */
@PatchworkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MerseysideArchiveIT {

    static final String SLUG = "merseyside-street-crime-2022";
    /** README §4.1: rows in the 11 monthly files. */
    static final int ROWS = 173_287;
    /** README §4.1: rows by district of their LSOA code; the other 94 rows name 27 LSOAs outside Merseyside. */
    static final Map<String, Long> BY_DISTRICT = Map.of("E08000011", 16_803L, "E08000012", 74_824L, "E08000013", 21_964L,
            "E08000014", 27_368L, "E08000015", 32_234L);
    static final long NAMING_LSOAS_OUTSIDE = 94;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    UploadClient police;
    long datasetId;

    @BeforeAll
    void signInAsMerseysidePolice() {
        datasetId = jdbc.sql("select id from dataset where slug = :slug").param("slug", SLUG).query(Long.class).single();
        police = UploadClient.ofPartner(port, "Merseyside Police");
    }

    @Test
    void everyRowOfTheArchiveIsAccountedFor() {
        JsonNode dataset = police.dataset(datasetId);
        assertThat(dataset.path("ownerPartner").asString()).isEqualTo("Merseyside Police");
        assertThat(dataset.path("rowsRead").asInt()).isEqualTo(ROWS);
        assertThat(dataset.path("rowsLoaded").asInt() + dataset.path("rowsRejected").asInt()).isEqualTo(ROWS);
        assertThat(dataset.path("coverageStart").asString()).isEqualTo("2022-01-01");

        JsonNode current = currentVersion();
        assertThat(current.path("status").asString()).isEqualTo("published");
        assertThat(current.path("fileName").asString()).isEqualTo("merseyside-street-2022.zip");
        assertThat(current.path("rowsIn").asInt()).isEqualTo(ROWS);
        assertThat(current.path("rowsPublished").asInt() + current.path("rowsRejected").asInt()).isEqualTo(ROWS);
        assertThat(current.path("rowsPublished").asInt()).isEqualTo(dataset.path("rowsLoaded").asInt());
        assertThat(current.path("coverageStart").asString()).isEqualTo("2022-01-01");
        assertThat(current.path("coverageEnd").asString()).isEqualTo("2022-11-30");

        long events = jdbc.sql("select count(*) from event where version_id = :v").param("v", current.path("id").asLong())
                .query(Long.class).single();
        assertThat(events).isEqualTo(current.path("rowsPublished").asLong());
    }

    @Test
    void countsAddUpToTheFilesByDistrict() {
        UploadClient.Counts districts = police.counts(datasetId, "district");
        assertThat(districts.total()).isEqualTo(currentVersion().path("rowsPublished").asLong());
        long placedByPoint = 0;
        for (Map.Entry<String, Long> district : BY_DISTRICT.entrySet()) {
            long counted = districts.areas().get(district.getKey());
            assertThat(counted - district.getValue()).as("events in %s beyond the rows naming its LSOAs", district.getKey())
                    .isBetween(0L, NAMING_LSOAS_OUTSIDE);
            placedByPoint += counted - district.getValue();
        }
        assertThat(placedByPoint + districts.outside()).as("rows naming LSOAs outside Merseyside").isEqualTo(NAMING_LSOAS_OUTSIDE);

        UploadClient.Counts lsoas = police.counts(datasetId, "lsoa");
        assertThat(lsoas.areas().values()).as("README §5: every Merseyside LSOA has at least one crime").allMatch(n -> n >= 1);
        assertThat(lsoas.total()).isEqualTo(districts.total());
    }

    @Test
    void agreementOfPoliceUkLsoaCodesWithPointInPolygonIsReportedAndPlausible() {
        JsonNode result = UploadClient.JSON.readTree(jdbc.sql("select result::text from upload_job where dataset_id = :id "
                + "and state = 'succeeded' and result->>'version' = '1' and result->'assignment' is not null order by created_at limit 1")
                .param("id", datasetId).query(String.class).single());
        assertThat(result.path("rowsIn").asInt()).isEqualTo(ROWS);
        JsonNode assignment = result.path("assignment");
        long points = assignment.path("points").asLong();
        long compared = assignment.path("compared").asLong();
        long agreeing = assignment.path("agreeing").asLong();
        long outside = assignment.path("outside_every_lsoa").asLong();
        assertThat(points).isEqualTo(result.path("rowsPublished").asLong());
        assertThat(compared + outside).as("every point either falls in an LSOA or outside all").isEqualTo(points);
        // README §4.2: 83.6% agree with the super-generalised polygons alone; Liverpool's full-resolution ones raise it
        assertThat((double) agreeing / compared).as("share of police.uk LSOA codes that point in polygon confirms").isGreaterThan(0.80);
        assertThat(agreeing).isLessThan(compared);
    }

    @Test
    void categoriesAreThoseOfTheFiles() {
        JsonNode categories = police.api().getJson("/api/datasets/" + datasetId + "/categories").path("categories");
        Map<String, Long> byName = new java.util.HashMap<>();
        categories.forEach(c -> byName.put(c.path("code").asString(), c.path("count").asLong()));
        assertThat(byName).hasSize(14);
        // README §4.1 profile
        assertThat(byName).containsEntry("Violence and sexual offences", 68_768L).containsEntry("Public order", 25_162L)
                .containsEntry("Anti-social behaviour", 15_593L);
    }

    @Test
    void theDatasetsCoverageIsItsCurrentVersions() {
        JsonNode current = currentVersion();
        JsonNode dataset = police.dataset(datasetId);
        assertThat(dataset.path("coverageStart").asString()).isEqualTo(current.path("coverageStart").asString());
        assertThat(dataset.path("coverageEnd").asString()).isEqualTo(current.path("coverageEnd").asString());
    }

    private JsonNode currentVersion() {
        for (JsonNode version : police.versions(datasetId)) {
            if (version.path("current").asBoolean()) {
                return version;
            }
        }
        throw new AssertionError("dataset " + SLUG + " has no current version");
    }
}
