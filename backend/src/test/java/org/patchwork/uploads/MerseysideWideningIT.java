package org.patchwork.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.patchwork.AdminApi;
import org.patchwork.ApiClient;
import org.patchwork.PatchworkApplication;
import org.patchwork.SharedDataDirectory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The default partnership (Merseyside, with Merseyside Police's 2022 street crime loaded on first start) widened by a
 * neighbouring district, Halton (E06000006, Cheshire), in its own database (the third one test.sh creates), so the
 * shared test database is untouched. Widening keeps every dataset, every polygon and every count, by every level,
 * compared with SQL on the stored events before and after; Halton's reference data is checked against the national
 * files; Cheshire Police's May 2022 file then counts in Halton as its own LSOA codes say; and a narrowing that would
 * drop a district holding rows is refused, naming the district and the dataset.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MerseysideWideningIT {

    static final String HALTON = "E06000006";
    static final String WIRRAL = "E08000015";
    static final Set<String> MERSEYSIDE = Set.of("E08000011", "E08000012", "E08000013", "E08000014", WIRRAL);
    static final List<String> LEVELS = List.of("lsoa", "msoa", "ward", "district");

    static ConfigurableApplicationContext app;
    static int port;
    static JdbcClient db;
    static long crime;
    static Map<String, Map<String, Long>> apiBefore = new HashMap<>();
    static Map<String, Map<String, Long>> sqlBefore = new HashMap<>();
    static long outsideBefore;
    static Path work;
    static UploadClient police;

    @BeforeAll
    static void startMerseyside() throws IOException {
        String url = System.getenv("PATCHWORK_TEST_WIDEN_DATASOURCE_URL");
        assertThat(url).as("PATCHWORK_TEST_WIDEN_DATASOURCE_URL: a third PostGIS database (scripts/test.sh creates it)").isNotBlank();
        work = Files.createTempDirectory("patchwork-widening-");
        long started = System.nanoTime();
        app = new SpringApplicationBuilder(PatchworkApplication.class).run("--spring.datasource.url=" + url, "--server.port=0",
                "--patchwork.data.dir=" + SharedDataDirectory.locate(),
                "--patchwork.access.admin-password=" + SharedDataDirectory.ADMIN_PASSWORD,
                "--patchwork.uploads.dir=" + Files.createDirectories(work.resolve("uploads")));
        System.out.printf("MerseysideWideningIT: Merseyside started and loaded in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        db = JdbcClient.create(app.getBean(DataSource.class));
        crime = db.sql("select id from dataset where slug = 'merseyside-street-crime-2022'").query(Long.class).single();
        AdminApi admin = new AdminApi(port);
        AdminApi.User analyst = admin.user(admin.partnerId("Merseyside Police"), "analyst");
        police = new UploadClient(port, analyst.username(), analyst.password());
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void theDefaultAreaIsMerseysideWithItsCrime() {
        JsonNode area = ApiClient.admin(port).getJson("/api/admin/area");
        assertThat(area.path("name").asString()).isEqualTo("Merseyside");
        assertThat(levelCodes("district")).isEqualTo(MERSEYSIDE);
        assertThat(levelCodes("lsoa")).hasSize(910);
        for (String level : LEVELS) {
            apiBefore.put(level, apiCounts(level));
            sqlBefore.put(level, sqlCounts(level));
            assertThat(apiBefore.get(level)).as("the owner's counts by %s are the events' own", level).isEqualTo(sqlBefore.get(level));
        }
        outsideBefore = outside();
        assertThat(apiBefore.get("district").values().stream().mapToLong(Long::longValue).sum()).isGreaterThan(100_000);
    }

    @Test
    @Order(2)
    void wideningByHaltonKeepsEveryDatasetPolygonAndCount() {
        List<Map<String, Object>> catalogueBefore = catalogue();
        Map<String, String> polygonsBefore = polygons();
        long imdBefore = db.sql("select count(*) from imd2019").query(Long.class).single();
        long populationBefore = db.sql("select sum(total) from lsoa_population").query(Long.class).single();

        ApiClient admin = ApiClient.admin(port);
        JsonNode change = admin.json(200, admin.post("/api/admin/area/districts", Map.of("add", List.of(HALTON))));
        assertThat(change.path("area").path("name").asString()).isEqualTo("Merseyside with Halton");
        assertThat(change.path("added").size()).isEqualTo(1);

        // Halton's reference data, against the national files read here
        Set<String> halton = new HashSet<>();
        OtherAreaIT.csv("lookups/england_lsoa11_msoa11_ward17_lad21_lookup.csv", r -> r.get("lad21cd").equals(HALTON))
                .forEach(r -> halton.add(r.get("lsoa11cd")));
        assertThat(halton).hasSize(79);
        assertThat(levelCodes("lsoa")).hasSize(910 + 79).containsAll(halton);
        assertThat(levelCodes("district")).hasSize(6).contains(HALTON);
        assertThat(db.sql("select count(*) from imd2019").query(Long.class).single()).isEqualTo(imdBefore + 79);
        long haltonPopulation = OtherAreaIT.csv("population/File_6_-_IoD2019_Population_Denominators.csv",
                        r -> r.get("Local Authority District code (2019)").equals(HALTON)).stream()
                .mapToLong(r -> Long.parseLong(r.get("Total population: mid 2015 (excluding prisoners)").replace(",", ""))).sum();
        assertThat(db.sql("select sum(total) from lsoa_population").query(Long.class).single()).isEqualTo(populationBefore + haltonPopulation);

        // everything there before is still there: catalogue rows, Merseyside's own polygons (Liverpool at full resolution), counts
        assertThat(catalogue()).containsAll(catalogueBefore);
        Map<String, String> polygonsAfter = polygons();
        polygonsBefore.forEach((key, hash) -> assertThat(polygonsAfter.get(key)).as("polygon of %s", key).isEqualTo(hash));
        for (String level : LEVELS) {
            Map<String, Long> api = apiCounts(level);
            Map<String, Long> sql = sqlCounts(level);
            assertThat(sql).as("SQL counts by %s after widening", level).containsAllEntriesOf(sqlBefore.get(level));
            assertThat(api).as("API counts by %s after widening", level).isEqualTo(sql);
            assertThat(api).as("API counts by %s: before and after", level).containsAllEntriesOf(apiBefore.get(level));
        }
        assertThat(apiCounts("district").get(HALTON)).as("Merseyside's crime in Halton").isZero();
        assertThat(outside()).as("events outside every area").isEqualTo(outsideBefore);
    }

    @Test
    @Order(3)
    void cheshireCrimeCountsInHaltonAsItsOwnLsoaCodesSay() {
        Path csv = CrimeFiles.slice(CrimeFiles.NATIONAL_ZIP, "2022-05/2022-05-cheshire-street.csv", -1, work.resolve("cheshire.csv"));
        UploadClient cheshire = UploadClient.newPartner(port, "Cheshire Constabulary");
        JsonNode job = cheshire.load(csv, Map.of("title", AdminApi.unique("Cheshire street crime"), "theme", "crime", "publishValidRows", true));
        assertThat(job.path("state").asString()).as("%s", job).isEqualTo("succeeded");
        long dataset = job.path("result").path("datasetId").asLong();

        Set<String> halton = new HashSet<>();
        OtherAreaIT.csv("lookups/england_lsoa11_msoa11_ward17_lad21_lookup.csv", r -> r.get("lad21cd").equals(HALTON))
                .forEach(r -> halton.add(r.get("lsoa11cd")));
        // A Crime ID repeated in the file is published once, so its rows bound an LSOA's count from both sides:
        // at least the rows naming it whose Crime ID is unique (or empty), at most every row naming it, plus rows
        // placed there by their point (their own code names no loaded LSOA), counted from the stored events.
        List<Map<String, String>> rows = CrimeFiles.read(csv).stream().filter(r -> !r.get("Longitude").isBlank()).toList();
        Map<String, Long> ids = new HashMap<>();
        rows.stream().filter(r -> !r.get("Crime ID").isBlank()).forEach(r -> ids.merge(r.get("Crime ID"), 1L, Long::sum));
        Map<String, Long> all = new TreeMap<>();
        Map<String, Long> unique = new TreeMap<>();
        rows.stream().filter(r -> halton.contains(r.get("LSOA code"))).forEach(r -> {
            all.merge(r.get("LSOA code"), 1L, Long::sum);
            if (r.get("Crime ID").isBlank() || ids.get(r.get("Crime ID")) == 1) {
                unique.merge(r.get("LSOA code"), 1L, Long::sum);
            }
        });
        Map<String, Long> placedByPoint = new TreeMap<>();
        db.sql("select lsoa_code, count(*) from event where dataset_id = :id and lsoa_code is not null "
                        + "and source_lsoa_code is distinct from lsoa_code group by lsoa_code").param("id", dataset)
                .query((rs, n) -> placedByPoint.put(rs.getString(1), rs.getLong(2))).list();
        Map<String, Long> counts = cheshire.counts(dataset, "lsoa").areas();
        for (String lsoa : halton) {
            long placed = placedByPoint.getOrDefault(lsoa, 0L);
            assertThat(counts.getOrDefault(lsoa, 0L)).as("Cheshire's events in %s", lsoa)
                    .isBetween(unique.getOrDefault(lsoa, 0L) + placed, all.getOrDefault(lsoa, 0L) + placed);
        }
        assertThat(halton.stream().mapToLong(l -> counts.getOrDefault(l, 0L)).sum()).as("Cheshire's events in Halton").isPositive();
    }

    @Test
    @Order(4)
    void narrowingIsRefusedNamingTheDistrictsAndDatasets() {
        ApiClient admin = ApiClient.admin(port);
        ApiClient.Reply withoutWirral = admin.put("/api/admin/area", Map.of("area", "E08000011,E08000012,E08000013,E08000014," + HALTON));
        assertThat(withoutWirral.status()).as("%s", withoutWirral).isEqualTo(409);
        assertThat(withoutWirral.json().path("type").asString()).endsWith("/problems/area-narrowing-refused");
        assertThat(withoutWirral.json().path("detail").asString()).contains("Wirral").contains("Street crime, Merseyside 2022");
        assertThat(withoutWirral.json().path("droppedDistricts").has(WIRRAL)).isTrue();

        ApiClient.Reply merseysideOnly = admin.put("/api/admin/area", Map.of("area", "Merseyside"));
        assertThat(merseysideOnly.status()).as("%s", merseysideOnly).isEqualTo(409);
        assertThat(merseysideOnly.json().path("detail").asString()).contains("Halton").contains("Cheshire street crime");

        // nothing changed
        assertThat(admin.getJson("/api/admin/area").path("name").asString()).isEqualTo("Merseyside with Halton");
        assertThat(levelCodes("district")).hasSize(6);
        assertThat(levelCodes("lsoa")).hasSize(989);
        assertThat(apiCounts("district")).containsAllEntriesOf(apiBefore.get("district"));
    }

    /** The crime dataset's counts by area as its owner (Merseyside Police, record level) reads them through the API. */
    private static Map<String, Long> apiCounts(String level) {
        return police.counts(crime, level).areas();
    }

    /** The same from the stored events and the lookup, every loaded area (zeros included). */
    private static Map<String, Long> sqlCounts(String level) {
        String column = level.equals("district") ? "lad_code" : level + "_code";
        Map<String, Long> counts = new TreeMap<>();
        db.sql("""
                select a.code, count(e.id) from area a
                left join lsoa_hierarchy h on h.%1$s = a.code
                left join event e on e.lsoa_code = h.lsoa_code and e.dataset_id = :dataset
                    and e.version_id = (select current_version_id from dataset where id = :dataset)
                    and exists (select 1 from area l where l.level = 'lsoa' and l.code = e.lsoa_code)
                where a.level = :level group by a.code""".formatted(column))
                .param("dataset", crime).param("level", level)
                .query((rs, n) -> counts.put(rs.getString(1), rs.getLong(2))).list();
        return counts;
    }

    private static long outside() {
        return police.counts(crime, "district").outside();
    }

    private static Map<String, String> polygons() {
        Map<String, String> hashes = new HashMap<>();
        db.sql("select level || ':' || code, md5(ST_AsBinary(geom)) from area").query((rs, n) -> hashes.put(rs.getString(1), rs.getString(2)))
                .list();
        return hashes;
    }

    private static List<Map<String, Object>> catalogue() {
        return db.sql("select slug, rows_read, rows_loaded, rows_rejected from dataset order by slug").query().listOfRows();
    }

    private static Set<String> levelCodes(String level) {
        return new HashSet<>(db.sql("select code from area where level = :level").param("level", level).query(String.class).list());
    }
}
