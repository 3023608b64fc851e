package org.patchwork.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
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
 * A partnership for another police force area than Merseyside: Patchwork started with
 * {@code patchwork.area=South Yorkshire} in its own database (the second database test.sh creates in the same
 * throwaway cluster), so the shared Merseyside test database is untouched. Expected numbers come from the
 * national files themselves, read here with a CSV parser and ogrinfo, never from the application.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OtherAreaIT {

    /** The four metropolitan districts of South Yorkshire (ONS; the force area is made of them). */
    static final Set<String> SOUTH_YORKSHIRE = Set.of("E08000016", "E08000017", "E08000018", "E08000019");
    /** Bassetlaw, Nottinghamshire: borders Doncaster and Rotherham. */
    static final String BASSETLAW = "E07000171";
    static final String MONTH = "2022-05/2022-05-south-yorkshire-street.csv";

    static ConfigurableApplicationContext app;
    static int port;
    static JdbcClient db;
    static UploadClient police;
    static long datasetId;
    static Path work;

    @BeforeAll
    static void startForSouthYorkshire() throws IOException {
        String url = System.getenv("PATCHWORK_TEST_AREA_DATASOURCE_URL");
        assertThat(url).as("PATCHWORK_TEST_AREA_DATASOURCE_URL: a second PostGIS database (scripts/test.sh creates it)").isNotBlank();
        work = Files.createTempDirectory("patchwork-other-area-");
        long started = System.nanoTime();
        // command-line arguments, because they outrank SPRING_DATASOURCE_URL in the environment
        app = new SpringApplicationBuilder(PatchworkApplication.class).run("--spring.datasource.url=" + url, "--server.port=0",
                "--patchwork.area=South Yorkshire", "--patchwork.data.dir=" + SharedDataDirectory.locate(),
                "--patchwork.access.admin-password=" + SharedDataDirectory.ADMIN_PASSWORD,
                "--patchwork.uploads.dir=" + Files.createDirectories(work.resolve("uploads")));
        System.out.printf("OtherAreaIT: South Yorkshire started and loaded in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        port = app.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
        db = JdbcClient.create(app.getBean(DataSource.class));
    }

    @AfterAll
    static void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    @Order(1)
    void theAreaIsTheForceAreasDistrictsWithTheirBoundariesDeprivationAndPopulation() {
        JsonNode area = ApiClient.admin(port).getJson("/api/admin/area");
        assertThat(area.path("name").asString()).isEqualTo("South Yorkshire");
        Set<String> districts = new HashSet<>();
        area.path("districts").forEach(d -> districts.add(d.path("code").asString()));
        assertThat(districts).isEqualTo(SOUTH_YORKSHIRE);

        List<CSVRecord> lookup = csv("lookups/england_lsoa11_msoa11_ward17_lad21_lookup.csv",
                r -> SOUTH_YORKSHIRE.contains(r.get("lad21cd")));
        Set<String> lsoas = codes(lookup, "lsoa11cd");
        assertThat(lsoas).hasSize(853);   // the "South Yorkshire's 853 LSOAs"
        assertThat(levelCodes("lsoa")).isEqualTo(lsoas);
        assertThat(levelCodes("msoa")).isEqualTo(codes(lookup, "msoa11cd"));
        assertThat(levelCodes("ward")).isEqualTo(codes(lookup, "wd17cd"));
        assertThat(levelCodes("district")).isEqualTo(SOUTH_YORKSHIRE);
        // the national polygons themselves, counted by ogrinfo by their names (independent of the lookup)
        assertThat(ogrCount("boundaries/national/england_lsoa11_bsc_wgs84.gpkg", "select count(*) from lsoa11 where "
                + "lsoa11nm like 'Barnsley %' or lsoa11nm like 'Doncaster %' or lsoa11nm like 'Rotherham %' or lsoa11nm like 'Sheffield %'"))
                .isEqualTo(lsoas.size());

        // IMD 2019 File 1 by its own district column (LAD 2019 codes, unchanged in 2021 for these four)
        List<CSVRecord> file1 = csv("deprivation/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv",
                r -> SOUTH_YORKSHIRE.contains(r.get("Local Authority District code (2019)")));
        assertThat(db.sql("select count(*) from imd2019").query(Integer.class).single()).isEqualTo(file1.size());
        long decileOne = file1.stream().filter(r -> r.get("Index of Multiple Deprivation (IMD) Decile").equals("1")).count();
        assertThat(db.sql("select count(*) from imd2019 where imd_decile = 1").query(Long.class).single()).isEqualTo(decileOne);
        assertThat(db.sql("select count(*) from imd2019 where crime_decile is not null").query(Integer.class).single()).isEqualTo(file1.size());

        long population = csv("population/File_6_-_IoD2019_Population_Denominators.csv",
                r -> SOUTH_YORKSHIRE.contains(r.get("Local Authority District code (2019)"))).stream()
                .mapToLong(r -> Long.parseLong(r.get("Total population: mid 2015 (excluding prisoners)").replace(",", ""))).sum();
        assertThat(db.sql("select sum(total) from lsoa_population").query(Long.class).single()).isEqualTo(population);

        // every load in the catalogue: rows read = loaded + rejected
        for (Map<String, Object> row : db.sql("select slug, rows_read, rows_loaded, rows_rejected from dataset").query().listOfRows()) {
            assertThat(((Number) row.get("rows_read")).intValue())
                    .as("rows read of %s", row.get("slug"))
                    .isEqualTo(((Number) row.get("rows_loaded")).intValue() + ((Number) row.get("rows_rejected")).intValue());
        }
        assertThat(db.sql("select rows_loaded from dataset where slug = 'boundaries-lsoa-area'").query(Integer.class).single()).isEqualTo(853);
        // dissolved districts cover their LSOAs: same area to within 0.5% (slivers between generalised polygons)
        double lsoaArea = db.sql("select sum(ST_Area(geom)) from area where level = 'lsoa'").query(Double.class).single();
        double districtArea = db.sql("select sum(ST_Area(geom)) from area where level = 'district'").query(Double.class).single();
        assertThat(districtArea / lsoaArea).isBetween(0.995, 1.005);
    }

    @Test
    @Order(2)
    void itsPoliceUkMonthLoadsInsideTheArea() {
        Path csv = CrimeFiles.slice(CrimeFiles.NATIONAL_ZIP, MONTH, -1, work.resolve("south-yorkshire.csv"));
        Path zip = CrimeFiles.zip(work.resolve("south-yorkshire-2022-05.zip"), Map.of(MONTH, csv));
        police = UploadClient.newPartner(port, "South Yorkshire Police");

        JsonNode preview = police.api().json(201, police.inspect(zip));
        assertThat(preview.path("areaCheck").path("warning").isMissingNode()).as("preview %s", preview.path("areaCheck")).isTrue();

        JsonNode job = police.load(zip, Map.of("title", AdminApi.unique("South Yorkshire street crime"), "theme", "crime", "publishValidRows", true));
        assertThat(job.path("state").asString()).as("job %s", job).isEqualTo("succeeded");
        JsonNode result = job.path("result");
        datasetId = result.path("datasetId").asLong();
        assertThat(result.has("warning")).as("no warning for the partnership's own file").isFalse();

        List<Map<String, String>> rows = CrimeFiles.read(csv);
        long withPoint = rows.stream().filter(r -> !r.get("Longitude").isBlank()).count();
        JsonNode assignment = result.path("assignment");
        assertThat(assignment.path("points").asLong()).isEqualTo(withPoint);
        double inside = 1 - (double) assignment.path("outside_every_lsoa").asLong() / withPoint;
        double agreement = assignment.path("agreeing").asDouble() / assignment.path("compared").asDouble();
        System.out.printf("OtherAreaIT: South Yorkshire 2022-05: %d points, %.2f%% inside an LSOA polygon, police.uk LSOA code = point in "
                + "polygon for %.2f%% of %d compared%n", withPoint, 100 * inside, 100 * agreement, assignment.path("compared").asLong());
        assertThat(inside).isGreaterThanOrEqualTo(0.95);

        // counts by district against the file: rows naming a South Yorkshire LSOA, by the lookup's district; a few rows
        // naming LSOAs elsewhere are placed by their point, and those are counted separately here from the stored events
        Map<String, String> districtOf = new HashMap<>();
        csv("lookups/england_lsoa11_msoa11_ward17_lad21_lookup.csv", r -> SOUTH_YORKSHIRE.contains(r.get("lad21cd")))
                .forEach(r -> districtOf.put(r.get("lsoa11cd"), r.get("lad21cd")));
        Map<String, Long> expected = new TreeMap<>();
        rows.stream().filter(r -> !r.get("Longitude").isBlank() && districtOf.containsKey(r.get("LSOA code")))
                .forEach(r -> expected.merge(districtOf.get(r.get("LSOA code")), 1L, Long::sum));
        Map<String, Long> placedByPoint = new TreeMap<>();
        db.sql("select lad_code, count(*) from event where dataset_id = :id and lsoa_code is not null "
                        + "and source_lsoa_code is distinct from lsoa_code group by lad_code").param("id", datasetId)
                .query((rs, n) -> placedByPoint.put(rs.getString(1), rs.getLong(2))).list();
        UploadClient.Counts counts = police.counts(datasetId, "district");
        for (String district : SOUTH_YORKSHIRE) {
            assertThat(counts.areas().get(district)).as("events in %s", district)
                    .isEqualTo(expected.get(district) + placedByPoint.getOrDefault(district, 0L));
        }
        assertThat(placedByPoint.values().stream().mapToLong(Long::longValue).sum()).as("rows placed by point").isLessThan(withPoint / 100);
        assertThat(counts.total()).isEqualTo(withPoint);
    }

    @Test
    @Order(3)
    void anotherForcesFileIsWarnedAboutAndCountedNowhere() {
        Path csv = CrimeFiles.slice(CrimeFiles.NATIONAL_ZIP, "2022-05/2022-05-merseyside-street.csv", -1, work.resolve("merseyside.csv"));
        UploadClient manager = UploadClient.newPartner(port, "Wrong file partner");
        JsonNode preview = manager.api().json(201, manager.inspect(csv));
        assertThat(preview.path("areaCheck").path("warning").asString())
                .contains("of the first 2,000 points of the file fall outside South Yorkshire's 853 LSOAs").contains("Merseyside Police");

        JsonNode job = manager.load(csv, Map.of("title", AdminApi.unique("Merseyside in South Yorkshire"), "theme", "crime", "publishValidRows", true));
        JsonNode result = job.path("result");
        long points = result.path("assignment").path("points").asLong();
        assertThat(result.propertyNames().iterator().next()).as("the warning comes first").isEqualTo("warning");
        assertThat(result.path("warning").asString())
                .startsWith(String.format(java.util.Locale.UK, "%,d of %,d points fall outside South Yorkshire's 853 LSOAs", points, points));
        UploadClient.Counts counts = manager.counts(result.path("datasetId").asLong(), "lsoa");
        assertThat(counts.areas().values().stream().mapToLong(Long::longValue).sum()).as("counted in South Yorkshire").isZero();
        assertThat(counts.outside()).isEqualTo(points);
        assertThat(result.path("areaCheck").path("rowsOutsideArea").size()).isEqualTo((int) Math.min(points, 1000));
    }

    @Test
    @Order(4)
    void narrowingIsRefusedWhileADatasetHoldsRowsThere() {
        ApiClient.Reply reply = ApiClient.admin(port).put("/api/admin/area", Map.of("area", "E08000016,E08000017,E08000018"));
        assertThat(reply.status()).as("%s", reply).isEqualTo(409);
        assertThat(reply.json().path("type").asString()).endsWith("/problems/area-narrowing-refused");
        assertThat(reply.json().path("detail").asString()).contains("Sheffield").contains("South Yorkshire street crime");
        assertThat(levelCodes("district")).isEqualTo(SOUTH_YORKSHIRE);
        assertThat(levelCodes("lsoa")).hasSize(853);

        ApiClient.Reply unknown = ApiClient.admin(port).put("/api/admin/area", Map.of("area", "Atlantis"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("detail").asString()).contains("South Yorkshire").doesNotContain("staging");
    }

    @Test
    @Order(5)
    void wideningByANeighbouringDistrictKeepsEveryDatasetAndCount() {
        Map<String, Long> countsBefore = police.counts(datasetId, "lsoa").areas();
        List<Map<String, Object>> catalogueBefore = catalogue();
        long imdBefore = db.sql("select count(*) from imd2019").query(Long.class).single();

        JsonNode change = ApiClient.admin(port).json(200, ApiClient.admin(port).post("/api/admin/area/districts", Map.of("add", List.of(BASSETLAW))));
        assertThat(change.path("area").path("name").asString()).isEqualTo("South Yorkshire with Bassetlaw");
        assertThat(change.path("added").size()).isEqualTo(1);

        Set<String> bassetlaw = codes(csv("lookups/england_lsoa11_msoa11_ward17_lad21_lookup.csv",
                r -> r.get("lad21cd").equals(BASSETLAW)), "lsoa11cd");
        assertThat(levelCodes("lsoa")).hasSize(853 + bassetlaw.size()).containsAll(bassetlaw);
        assertThat(levelCodes("district")).hasSize(5).contains(BASSETLAW);
        assertThat(db.sql("select count(*) from imd2019").query(Long.class).single()).isEqualTo(imdBefore + bassetlaw.size());
        // everything loaded before is still there, with the same counts
        assertThat(catalogue()).containsAll(catalogueBefore);
        Map<String, Long> countsAfter = police.counts(datasetId, "lsoa").areas();
        countsBefore.forEach((lsoa, count) -> assertThat(countsAfter.get(lsoa)).as("events in %s", lsoa).isEqualTo(count));
    }

    /**
     * All of England, by widening South Yorkshire to {@code england} (the same load as a first start with
     * PATCHWORK_AREA=england, which scripts/bench.sh times): the national counts, the indexes used at that size,
     * and the national police.uk month counted by district against an independent GROUP BY of the file's own LSOA
     * codes over the England lookup, both copied into the database by ogr2ogr here. Heavy (380,370 rows; about
     * 6 minutes on a busy 2-core machine), so a developer's run skips it unless PATCHWORK_TEST_ENGLAND=true; CI
     * (CI=true) always runs it.
     */
    @Test
    @Order(6)
    @org.junit.jupiter.api.condition.EnabledIf("englandAsked")
    void englandLoadsAndCountsTheNationalMonthByDistrict() throws IOException {
        long started = System.nanoTime();
        JsonNode change = ApiClient.admin(port).json(200, ApiClient.admin(port).put("/api/admin/area", Map.of("area", "england")));
        System.out.printf("OtherAreaIT: widened to England in %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(change.path("area").path("name").asString()).isEqualTo("England");
        List<CSVRecord> lookup = csv("lookups/england_lsoa11_msoa11_ward17_lad21_lookup.csv", r -> true);
        assertThat(levelCodes("lsoa")).hasSize(32_844).isEqualTo(codes(lookup, "lsoa11cd"));
        assertThat(levelCodes("msoa")).hasSize(6_791).isEqualTo(codes(lookup, "msoa11cd"));
        assertThat(levelCodes("ward")).isEqualTo(codes(lookup, "wd17cd"));
        assertThat(levelCodes("district")).hasSize(309).isEqualTo(codes(lookup, "lad21cd"));
        assertThat(db.sql("select count(*) from imd2019").query(Integer.class).single()).isEqualTo(32_844);
        db.sql("analyze").update();

        // the spatial and code indexes answer bbox and code queries at national size
        assertThat(plan("select code from area where level = 'lsoa' and geom && ST_MakeEnvelope(340000, 380000, 345000, 385000, 27700)"))
                .contains("area_geom");
        assertThat(plan("select id from feature_lsoa where lad_code = 'E08000025'")).contains("lsoa_hierarchy_lad");
        assertThat(plan("select id from feature_district where code = 'E08000025'")).contains("area_pkey");

        // the national month, uploaded whole (40 force files)
        Path zip = SharedDataDirectory.locate().resolve(CrimeFiles.NATIONAL_ZIP);
        UploadClient manager = UploadClient.newPartner(port, "National IT");
        started = System.nanoTime();
        JsonNode job = manager.awaitJob(UploadClient.jobOf(manager.createDataset(zip, Map.of("title", AdminApi.unique("National month"),
                "theme", "crime", "publishValidRows", true))), java.time.Duration.ofMinutes(15));
        System.out.printf("OtherAreaIT: national month loaded in %d ms: %s%n", (System.nanoTime() - started) / 1_000_000,
                job.path("result").path("assignment"));
        assertThat(job.path("state").asString()).as("%s", job).isEqualTo("succeeded");
        long national = job.path("result").path("datasetId").asLong();

        // independent: the file's rows with a point, by the England lookup's district of their own LSOA code. A Crime ID
        // repeated in the file (586 of them) is published once; which copy depends on the order the files are read in,
        // so rows of repeated IDs only widen the expected range, by one per repeated ID in the district.
        String pg = "PG:host=127.0.0.1 port=" + dbPort() + " dbname=patchwork_area user=patchwork_owner password=patchwork_owner";
        ogr2ogr(pg, "/vsizip/" + zip + "/2022-05", "itest_national_month", "-oo", "AUTODETECT_TYPE=NO", "-append");
        ogr2ogr(pg, SharedDataDirectory.locate().resolve("lookups/england_lsoa11_msoa11_ward17_lad21_lookup.csv").toString(),
                "itest_england_lookup", "-oo", "AUTODETECT_TYPE=NO", "-overwrite");
        Map<String, long[]> expected = new TreeMap<>();
        db.sql("with repeated as (select \"crime id\" as id from itest_national_month where \"crime id\" <> '' "
                        + "group by 1 having count(*) > 1) "
                        + "select l.lad21cd, count(*) filter (where m.\"crime id\" not in (select id from repeated)) as sure, "
                        + "count(distinct m.\"crime id\") filter (where m.\"crime id\" in (select id from repeated)) as ambiguous "
                        + "from itest_national_month m join itest_england_lookup l on l.lsoa11cd = m.\"lsoa code\" "
                        + "where m.longitude <> '' group by l.lad21cd")
                .query((rs, n) -> expected.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)})).list();
        // rows naming no English LSOA (Welsh forces, a few others) are placed by their point: counted from the events
        Map<String, Long> placedByPoint = new TreeMap<>();
        db.sql("select h.lad_code, count(*) from event e join lsoa_hierarchy h on h.lsoa_code = e.lsoa_code where e.dataset_id = :id "
                        + "and e.source_lsoa_code is distinct from e.lsoa_code group by h.lad_code").param("id", national)
                .query((rs, n) -> placedByPoint.put(rs.getString(1), rs.getLong(2))).list();
        UploadClient.Counts counts = manager.counts(national, "district");
        assertThat(counts.areas()).hasSize(309);
        int exact = 0;
        for (Map.Entry<String, Long> district : counts.areas().entrySet()) {
            long[] range = expected.getOrDefault(district.getKey(), new long[2]);
            long low = range[0] + placedByPoint.getOrDefault(district.getKey(), 0L);
            assertThat(district.getValue()).as("events in %s", district.getKey()).isBetween(low, low + range[1]);
            exact += range[1] == 0 ? 1 : 0;
        }
        assertThat(counts.total()).isEqualTo(job.path("result").path("rowsPublished").asLong());
        long rows = db.sql("select count(*) from itest_national_month where longitude <> ''").query(Long.class).single();
        System.out.printf("OtherAreaIT: national month, %d rows with a point; %d of 309 districts compared exactly (no repeated "
                + "Crime ID), %d placed by point, %d outside England%n", rows, exact,
                placedByPoint.values().stream().mapToLong(Long::longValue).sum(), counts.outside());

    }

    private static String plan(String sql) {
        return String.join("\n", db.sql("explain " + sql).query(String.class).list());
    }

    static boolean englandAsked() {
        return "true".equals(System.getenv("CI")) || "true".equals(System.getenv("PATCHWORK_TEST_ENGLAND"));
    }

    private static int dbPort() {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile(":(\\d+)/").matcher(System.getenv("PATCHWORK_TEST_AREA_DATASOURCE_URL"));
        assertThat(m.find()).isTrue();
        return Integer.parseInt(m.group(1));
    }

    private static void ogr2ogr(String pg, String source, String table, String... options) {
        List<String> command = new java.util.ArrayList<>(List.of("ogr2ogr", "-f", "PostgreSQL", pg, source, "-nln", table, "-lco", "LAUNDER=YES"));
        command.addAll(List.of(options));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(process.waitFor()).as("ogr2ogr %s: %s", source, out).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Map<String, Object>> catalogue() {
        return db.sql("select slug, rows_read, rows_loaded, rows_rejected from dataset order by slug").query().listOfRows();
    }

    private static Set<String> levelCodes(String level) {
        return new HashSet<>(db.sql("select code from area where level = :level").param("level", level).query(String.class).list());
    }

    private static Set<String> codes(List<CSVRecord> rows, String column) {
        Set<String> codes = new HashSet<>();
        rows.forEach(r -> codes.add(r.get(column)));
        return codes;
    }

    /** The records of a shared CSV file (BOM and all) that pass {@code keep}. */
    static List<CSVRecord> csv(String relative, Predicate<CSVRecord> keep) {
        try (Reader in = Files.newBufferedReader(SharedDataDirectory.locate().resolve(relative), StandardCharsets.UTF_8)) {
            in.mark(1);
            if (in.read() != '\uFEFF') {
                in.reset();
            }
            return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in).getRecords().stream()
                    .filter(keep).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The single number an ogrinfo SQL query on a shared file answers. */
    static int ogrCount(String relative, String sql) {
        try {
            Process ogr = new ProcessBuilder("ogrinfo", "-ro", "-q", SharedDataDirectory.locate().resolve(relative).toString(), "-sql", sql)
                    .redirectErrorStream(true).start();
            String out = new String(ogr.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            ogr.waitFor();
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("= (\\d+)").matcher(out);
            assertThat(m.find()).as("ogrinfo said %s", out).isTrue();
            return Integer.parseInt(m.group(1));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
