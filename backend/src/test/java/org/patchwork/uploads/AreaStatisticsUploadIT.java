package org.patchwork.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.AdminApi;
import org.patchwork.ApiClient;
import org.patchwork.ApiClient.Reply;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Statistics keyed by area code, from the real files: Census 2021 residents on 2021 LSOAs (translated to
 * the 2011 LSOAs through the ONS lookup: parts of split LSOAs added up, merged ones rejected), Census 2011
 * qualifications on 2011 LSOAs with a year, the same data as Excel, life expectancy by MSOA; every bad
 * row reported with its reason; and counts perturbed (cell-key method) for a partner with aggregate access.
 */
@PatchworkIntegrationTest
class AreaStatisticsUploadIT {

    static final Path CENSUS_2021 = CrimeFiles.shared("population/merseyside_census2021_usual_residents_by_age_lsoa21.csv");
    static final Path KS501 = CrimeFiles.shared("education/liverpool_census2011_KS501EW_lsoa11.csv");
    static final Path LSOA_LOOKUP = CrimeFiles.shared("lookups/england_lsoa11_to_lsoa21_lookup.csv");
    static final Path MERSEYSIDE_LOOKUP = CrimeFiles.shared("lookups/merseyside_lsoa11_msoa11_ward_lad_lookup.csv");

    @TempDir
    Path dir;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    org.patchwork.disclosure.DisclosureProperties disclosure;

    /** 2021 code -> [2011 code, change], and 2011 code -> number of its 2021 parts, read from the lookup file. */
    record Lookup(Map<String, List<String[]>> by2021, Map<String, Integer> parts) {
        static Lookup read() {
            Map<String, List<String[]>> by2021 = new HashMap<>();
            Map<String, Integer> parts = new HashMap<>();
            for (Map<String, String> row : CrimeFiles.read(LSOA_LOOKUP)) {
                by2021.computeIfAbsent(row.get("lsoa21cd"), k -> new java.util.ArrayList<>())
                        .add(new String[] {row.get("lsoa11cd"), row.get("chgind")});
                parts.merge(row.get("lsoa11cd"), 1, Integer::sum);
            }
            return new Lookup(by2021, parts);
        }
    }

    @Test
    void census2021OnLsoa21IsTranslatedToLsoa11WithSplitsAddedUpAndMergesRejected() {
        UploadClient manager = UploadClient.newPartner(port, "Area statistics IT census");
        JsonNode preview = manager.inspect(CENSUS_2021).json();
        assertThat(preview.path("suggestedKind").asString()).isEqualTo("area-statistics");
        JsonNode suggested = preview.path("suggestedMapping");
        assertThat(suggested.path("areaCode").asString()).isEqualTo("lsoa21_code");
        assertThat(suggested.path("areaLevel").asString()).isEqualTo("lsoa");
        assertThat(suggested.path("category").asString()).isEqualTo("age_group");
        assertThat(suggested.path("measures").valueStream().map(JsonNode::asString).toList()).containsExactly("usual_residents");
        assertThat(suggested.path("counts").valueStream().map(JsonNode::asString).toList()).containsExactly("usual_residents");

        // what the lookup says should happen to each row, worked out here from the files themselves
        Lookup lookup = Lookup.read();
        Set<String> loaded = CrimeFiles.read(MERSEYSIDE_LOOKUP).stream().map(r -> r.get("lsoa11cd")).collect(Collectors.toSet());
        List<Map<String, String>> rows = CrimeFiles.read(CENSUS_2021);
        Map<String, Long> expected = new HashMap<>();   // "2011 code|age group" -> residents
        int expectedRejected = 0;
        int combined = 0;
        for (Map<String, String> row : rows) {
            String code = row.get("lsoa21_code");
            String target;
            if (loaded.contains(code)) {
                target = code;
            } else {
                List<String[]> from = lookup.by2021().get(code);
                if (from.size() != 1 || !from.get(0)[1].equals("S")) {
                    expectedRejected++;
                    continue;
                }
                target = from.get(0)[0];
                combined++;
            }
            expected.merge(target + "|" + row.get("age_group"), Long.parseLong(row.get("usual_residents")), Long::sum);
        }
        assertThat(expectedRejected).as("merged 2021 LSOAs in Merseyside, 6 age bands each").isPositive();
        assertThat(combined).isPositive();

        String job = UploadClient.jobOf(manager.createDataset(CENSUS_2021, Map.of("title", "Census 2021 residents by age IT",
                "theme", "population", "publishValidRows", true)));
        JsonNode done = manager.awaitJob(job, Duration.ofMinutes(5));
        JsonNode result = done.path("result");
        assertThat(done.path("state").asString()).as("%s", done).isEqualTo("succeeded");
        assertThat(result.path("kind").asString()).isEqualTo("area-statistics");
        assertThat(result.path("rowsIn").asInt()).isEqualTo(rows.size()).isEqualTo(5_538);
        assertThat(result.path("rowsRejected").asInt()).isEqualTo(expectedRejected);
        assertThat(result.path("rowsPublished").asInt() + result.path("rowsRejected").asInt()).isEqualTo(result.path("rowsIn").asInt());
        assertThat(result.path("translated").path("lsoa21Combined").asInt()).isEqualTo(combined);
        assertThat(result.path("areas").asLong()).isEqualTo(expected.keySet().stream().map(k -> k.split("\\|")[0]).distinct().count());
        List<CSVRecord> report = manager.report(job);
        assertThat(report).hasSize(expectedRejected)
                .allSatisfy(r -> assertThat(r.get("reason")).contains("was formed by merging the 2011 LSOAs"));

        long datasetId = result.path("datasetId").asLong();
        JsonNode first = manager.api().getJson("/api/datasets/" + datasetId + "/statistics");
        assertThat(first.path("level").asString()).isEqualTo("lsoa");
        assertThat(first.path("categories").size()).isEqualTo(6);
        for (JsonNode category : first.path("categories")) {
            JsonNode values = manager.api().getJson("/api/datasets/" + datasetId + "/statistics?category="
                    + java.net.URLEncoder.encode(category.asString(), java.nio.charset.StandardCharsets.UTF_8)).path("values");
            Map<String, Long> served = new HashMap<>();
            values.forEach(v -> served.put(v.path("code").asString() + "|" + category.asString(), v.path("value").asLong()));
            Map<String, Long> wanted = expected.entrySet().stream().filter(e -> e.getKey().endsWith("|" + category.asString()))
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
            assertThat(served).as("owner's exact values for %s", category.asString()).isEqualTo(wanted);
        }
        assertThat(manager.dataset(datasetId).path("kind").asString()).isEqualTo("area-statistics");
    }

    @Test
    void census2011On2011LsoasWithAYearAndTheSameDataAsExcel() {
        UploadClient manager = UploadClient.newPartner(port, "Area statistics IT KS501");
        List<Map<String, String>> rows = CrimeFiles.read(KS501);
        JsonNode csv = manager.load(KS501, Map.of("title", "Qualifications 2011 IT", "theme", "education"));
        assertThat(csv.path("state").asString()).as("%s", csv).isEqualTo("succeeded");
        assertThat(csv.path("result").path("rowsIn").asInt()).isEqualTo(rows.size());
        assertThat(csv.path("result").path("rowsRejected").asInt()).isZero();
        long datasetId = csv.path("result").path("datasetId").asLong();
        String noQualifications = "Qualifications: No qualifications; measures: Value";
        JsonNode served = manager.api().getJson("/api/datasets/" + datasetId + "/statistics?measure="
                + java.net.URLEncoder.encode(noQualifications, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(served.path("periods").valueStream().map(JsonNode::asString).toList()).containsExactly("2011-01-01");
        assertThat(served.path("period").asString()).isEqualTo("2011-01-01");
        Map<String, Double> byCode = new HashMap<>();
        served.path("values").forEach(v -> byCode.put(v.path("code").asString(), v.path("value").asDouble()));
        assertThat(byCode).hasSize(rows.size());
        rows.forEach(row -> assertThat(byCode.get(row.get("lsoa11cd"))).as(row.get("lsoa11cd"))
                .isEqualTo(Double.parseDouble(row.get(noQualifications))));
        assertThat(manager.versions(datasetId).get(0).path("coverageStart").asString()).isEqualTo("2011-01-01");

        Path xlsx = Ogr2ogr.convert("XLSX", dir.resolve("ks501.xlsx"), KS501.toString(), "-oo", "AUTODETECT_TYPE=NO");
        JsonNode excel = manager.load(xlsx, Map.of("title", "Qualifications 2011 IT (Excel)", "theme", "education"));
        assertThat(excel.path("state").asString()).as("%s", excel).isEqualTo("succeeded");
        assertThat(excel.path("result").path("rowsPublished").asInt()).isEqualTo(rows.size());
        JsonNode fromExcel = manager.api().getJson("/api/datasets/" + excel.path("result").path("datasetId").asLong()
                + "/statistics?measure=" + java.net.URLEncoder.encode(noQualifications, java.nio.charset.StandardCharsets.UTF_8));
        assertThat(fromExcel.path("values")).isEqualTo(served.path("values"));
    }

    @Test
    void lifeExpectancyByMsoaIsNotACountAndMapsToMsoas() {
        UploadClient manager = UploadClient.newPartner(port, "Area statistics IT MSOA");
        Path csv = Ogr2ogr.convert("CSV", dir.resolve("life_expectancy.csv"),
                CrimeFiles.shared("boundaries/liverpool/liverpool_msoa11_life_expectancy.gpkg").toString(),
                "-sql", "SELECT msoa11cd, msoa11nm, leb_est FROM liv_msoa");
        JsonNode suggested = manager.inspect(csv).json().path("suggestedMapping");
        assertThat(suggested.path("areaLevel").asString()).isEqualTo("msoa");
        assertThat(suggested.path("measures").valueStream().map(JsonNode::asString).toList()).containsExactly("leb_est");
        assertThat(suggested.path("counts").isEmpty()).as("life expectancy is not a count").isTrue();
        JsonNode done = manager.load(csv, Map.of("title", "Life expectancy IT", "theme", "health"));
        assertThat(done.path("state").asString()).as("%s", done).isEqualTo("succeeded");
        assertThat(done.path("result").path("rowsPublished").asInt()).isEqualTo(61);
        JsonNode served = manager.api().getJson("/api/datasets/" + done.path("result").path("datasetId").asLong() + "/statistics");
        assertThat(served.path("level").asString()).isEqualTo("msoa");
        assertThat(served.path("values").size()).isEqualTo(61);
        Map<String, String> source = new HashMap<>();
        CrimeFiles.read(csv).forEach(r -> source.put(r.get("msoa11cd"), r.get("leb_est")));
        served.path("values").forEach(v -> assertThat(v.path("value").asDouble())
                .isEqualTo(Double.parseDouble(source.get(v.path("code").asString()))));
    }

    @Test
    void everyUnusableRowIsReportedWithItsReasonAndAllOrNothingPublishesNothing() {
        UploadClient manager = UploadClient.newPartner(port, "Area statistics IT bad rows");
        Lookup lookup = Lookup.read();
        String split2011 = "E01006441";   // split in two; the file gives one of its 2021 parts only
        List<String> splitParts = lookup.by2021().entrySet().stream().filter(e -> e.getValue().get(0)[0].equals(split2011))
                .map(Map.Entry::getKey).sorted().toList();
        assertThat(splitParts).as("2021 parts of %s in the lookup", split2011).hasSizeGreaterThan(1);
        String merged2021 = "E01034401";
        List<Map<String, String>> rows = List.of(
                row("E01006512", "12"), row("E01999999", "5"), row("E05000886", "7"), row("E01006513", "twelve"),
                row("E01006512", "13"), row(splitParts.get(0), "4"), row(merged2021, "9"), row("", "3"),
                row("e01006514", "1,204"), row("E01006515", "x"));
        Path file = CrimeFiles.write(dir.resolve("bad_rows.csv"), List.of("lsoa_code", "households"), rows);
        Map<String, Object> mapping = Map.of("kind", "area-statistics", "areaCode", "lsoa_code", "areaLevel", "lsoa",
                "measures", List.of("households"), "counts", List.of("households"));

        long datasetsBefore = jdbc.sql("select count(*) from dataset").query(Long.class).single();
        JsonNode strict = manager.load(file, Map.of("title", "Bad rows IT strict", "theme", "other", "mapping", mapping));
        assertThat(strict.path("state").asString()).isEqualTo("failed");
        assertThat(strict.path("problem").path("status").asInt()).isEqualTo(422);
        assertThat(strict.path("problem").path("errors").size()).isEqualTo(7);
        assertThat(jdbc.sql("select count(*) from dataset").query(Long.class).single()).isEqualTo(datasetsBefore);

        String job = UploadClient.jobOf(manager.createDataset(file, Map.of("title", "Bad rows IT", "theme", "other",
                "mapping", mapping, "publishValidRows", true)));
        JsonNode done = manager.awaitJob(job, Duration.ofMinutes(2));
        assertThat(done.path("state").asString()).as("%s", done).isEqualTo("succeeded");
        assertThat(done.path("result").path("rowsIn").asInt()).isEqualTo(10);
        assertThat(done.path("result").path("rowsPublished").asInt()).as("\"x\" is a value not available, not an error").isEqualTo(3);
        assertThat(done.path("result").path("rowsRejected").asInt()).isEqualTo(7);
        Map<String, String> reasons = new LinkedHashMap<>();
        manager.report(job).forEach(r -> reasons.put(r.get("row"), r.get("column") + " = " + r.get("value") + ": " + r.get("reason")));
        assertThat(reasons).containsOnlyKeys("3", "4", "5", "6", "7", "8", "9");
        assertThat(reasons.get("3")).contains("E01999999").contains("not a loaded lsoa code");
        assertThat(reasons.get("4")).contains("E05000886").contains("a code of another kind of area");
        assertThat(reasons.get("5")).isEqualTo("households = twelve: not a number");
        assertThat(reasons.get("6")).contains("appears more than once");
        assertThat(reasons.get("7")).contains("was split into " + splitParts.size() + " 2021 LSOAs but only 1");
        assertThat(reasons.get("8")).contains("formed by merging the 2011 LSOAs");
        assertThat(reasons.get("9")).contains("no area code");
        JsonNode values = manager.api().getJson("/api/datasets/" + done.path("result").path("datasetId").asLong() + "/statistics")
                .path("values");
        Map<String, String> served = new HashMap<>();
        values.forEach(v -> served.put(v.path("code").asString(), v.hasNonNull("value") ? v.path("value").asString() : "empty"));
        assertThat(served).containsExactlyInAnyOrderEntriesOf(Map.of("E01006512", "12.0", "E01006514", "1204.0", "E01006515", "empty"));
    }

    @Test
    void countsArePerturbedForAggregateAccessByTheCellKeyMethodAndOtherMeasuresAreNot() {
        UploadClient owner = UploadClient.newPartner(port, "Area statistics IT owner");
        Path file = CrimeFiles.write(dir.resolve("support.csv"), List.of("lsoa11cd", "service", "people", "rate"), List.of(
                Map.of("lsoa11cd", "E01006512", "service", "A", "people", "2", "rate", "1.5"),
                Map.of("lsoa11cd", "E01006512", "service", "B", "people", "10", "rate", "7.5"),
                Map.of("lsoa11cd", "E01006512", "service", "C", "people", "20", "rate", "15"),
                Map.of("lsoa11cd", "E01006513", "service", "A", "people", "3", "rate", "2"),
                Map.of("lsoa11cd", "E01006513", "service", "B", "people", "1", "rate", "0.5"),
                Map.of("lsoa11cd", "E01006513", "service", "C", "people", "0", "rate", "0"),
                Map.of("lsoa11cd", "E01006514", "service", "A", "people", "50", "rate", "30"),
                Map.of("lsoa11cd", "E01006514", "service", "B", "people", "6", "rate", "3")));
        JsonNode done = owner.load(file, Map.of("title", "Support IT", "theme", "health", "mapping", Map.of("kind", "area-statistics",
                "areaCode", "lsoa11cd", "areaLevel", "lsoa", "category", "service", "measures", List.of("people", "rate"),
                "counts", List.of("people"))));
        assertThat(done.path("state").asString()).as("%s", done).isEqualTo("succeeded");
        long datasetId = done.path("result").path("datasetId").asLong();

        AdminApi admin = new AdminApi(port);
        AdminApi.User analyst = admin.user(admin.partner(AdminApi.unique("Area statistics IT reader"), "council"), "analyst");
        ApiClient reader = analyst.basic(port);
        assertThat(reader.get("/api/datasets/" + datasetId + "/statistics").status()).as("no agreement yet").isEqualTo(404);
        admin.agreement(datasetId, LocalDate.now().minusDays(1), LocalDate.now().plusYears(1),
                AdminApi.Recipient.partner(analyst.partnerId(), "aggregate", "lsoa"));

        Map<String, String> a = served(reader, datasetId, "people", "A");
        Map<String, String> b = served(reader, datasetId, "people", "B");
        Map<String, String> c = served(reader, datasetId, "people", "C");
        // the true counts, as the owner uploaded them; a total category would be perturbed like any other,
        // so neither a small category nor the rest can be worked out from it
        Map<String, Map<String, Long>> truth = Map.of(
                "A", Map.of("E01006512", 2L, "E01006513", 3L, "E01006514", 50L),
                "B", Map.of("E01006512", 10L, "E01006513", 1L, "E01006514", 6L),
                "C", Map.of("E01006512", 20L, "E01006513", 0L));
        var aggregate = disclosure.aggregate();
        List<String> wrong = new java.util.ArrayList<>();
        Map.of("A", a, "B", b, "C", c).forEach((category, values) -> {
            assertThat(values.keySet()).as(category).isEqualTo(truth.get(category).keySet());
            values.forEach((code, text) -> {
                long published = Long.parseLong(text);
                long real = truth.get(category).get(code);
                if (published < 0 || Math.abs(published - real) > aggregate.maxAdjustment() || real == 0 && published != 0
                        || published >= 1 && published <= aggregate.threshold()) {
                    wrong.add(category + " " + code + " publishes " + published + " for a true " + real);
                }
            });
        });
        assertThat(wrong).isEmpty();
        assertThat(served(reader, datasetId, "people", "A")).as("the same cell, the same number, every time").isEqualTo(a);
        assertThat(reader.getJson("/api/datasets/" + datasetId + "/statistics?measure=people").path("disclosure").path("method").asString())
                .isEqualTo("cell-key");
        assertThat(owner.api().getJson("/api/datasets/" + datasetId + "/statistics?measure=people").path("disclosure").path("method").asString())
                .isEqualTo("none");
        assertThat(served(reader, datasetId, "rate", "A")).as("rates are not counts")
                .containsExactlyInAnyOrderEntriesOf(Map.of("E01006512", "1.5", "E01006513", "2.0", "E01006514", "30.0"));
        assertThat(served(owner.api(), datasetId, "people", "A")).as("the owner sees every count")
                .containsExactlyInAnyOrderEntriesOf(Map.of("E01006512", "2", "E01006513", "3", "E01006514", "50"));
        assertThat(jdbc.sql("select count(*) from audit_event where dataset_id = :id and output = 'statistics'")
                .param("id", datasetId).query(Long.class).single()).isGreaterThanOrEqualTo(5);

        // GIS clients get the same protected values through OGC API Features: one feature per area and category
        String slug = owner.dataset(datasetId).path("slug").asString();
        assertThat(reader.getJson("/ogc/collections").path("collections").valueStream().map(collection -> collection.path("id").asString())).contains(slug);
        JsonNode items = reader.getJson("/ogc/collections/" + slug + "/items?measure=people");
        assertThat(items.path("numberMatched").asInt()).isEqualTo(8);
        Map<String, String> viaOgc = new HashMap<>();
        items.path("features").forEach(f -> {
            JsonNode p = f.path("properties");
            assertThat(f.path("geometry").path("type").asString()).isEqualTo("MultiPolygon");
            viaOgc.put(p.path("code").asString() + "|" + p.path("category").asString(),
                    p.path("suppressed").asBoolean() ? "suppressed" : String.valueOf(p.path("value").asLong()));
        });
        Map<String, String> viaApi = new HashMap<>();
        Map.of("A", a, "B", b, "C", c).forEach((category, values) -> values.forEach((code, value) -> viaApi.put(code + "|" + category, value)));
        assertThat(viaOgc).isEqualTo(viaApi);
        assertThat(reader.get("/ogc/collections/" + slug + "/items?measure=weight").status()).isEqualTo(400);
    }

    @Test
    void aNewVersionsPreviewOffersTheMappingConfirmedForTheDatasetToItsOwnerOnly() {
        UploadClient owner = UploadClient.newPartner(port, "Area statistics IT remembered");
        Path file = CrimeFiles.write(dir.resolve("visits.csv"), List.of("lsoa11cd", "visits", "rate"), List.of(
                Map.of("lsoa11cd", "E01006512", "visits", "40", "rate", "3.5"),
                Map.of("lsoa11cd", "E01006513", "visits", "12", "rate", "1.25")));
        JsonNode done = owner.load(file, Map.of("title", "Visits IT", "theme", "health", "mapping", Map.of("kind", "area-statistics",
                "areaCode", "lsoa11cd", "areaLevel", "lsoa", "measures", List.of("visits"), "counts", List.of())));
        assertThat(done.path("state").asString()).as("%s", done).isEqualTo("succeeded");
        long datasetId = done.path("result").path("datasetId").asLong();

        JsonNode fresh = owner.inspect(file).json();
        assertThat(fresh.path("mappingSource").asString()).isEqualTo("suggested");
        assertThat(fresh.path("suggestedMapping").path("measures").size()).as("suggested from the file: both numbers").isEqualTo(2);
        JsonNode again = owner.multipart("/api/uploads?datasetId=" + datasetId, file, "visits.csv", null).json();
        assertThat(again.path("mappingSource").asString()).isEqualTo("remembered");
        assertThat(again.path("suggestedMapping").path("measures").valueStream().map(JsonNode::asString).toList()).containsExactly("visits");
        assertThat(again.path("suggestedMapping").path("counts").isEmpty()).as("the owner said visits is not a count").isTrue();

        UploadClient stranger = UploadClient.newPartner(port, "Area statistics IT stranger");
        JsonNode theirs = stranger.multipart("/api/uploads?datasetId=" + datasetId, file, "visits.csv", null).json();
        assertThat(theirs.path("mappingSource").asString()).as("another partner's dataset lends nothing").isEqualTo("suggested");

        // version 2 (loaded with the remembered mapping) replaces version 1's values; withdrawing it brings them back
        Path next = CrimeFiles.write(dir.resolve("visits-2.csv"), List.of("lsoa11cd", "visits", "rate"), List.of(
                Map.of("lsoa11cd", "E01006512", "visits", "41", "rate", "3.6")));
        JsonNode second = owner.awaitJob(UploadClient.jobOf(owner.addVersion(datasetId, next, null)), Duration.ofMinutes(2));
        assertThat(second.path("result").path("version").asInt()).as("%s", second).isEqualTo(2);
        assertThat(served(owner.api(), datasetId, "visits", null)).containsExactlyInAnyOrderEntriesOf(Map.of("E01006512", "41.0"));
        assertThat(owner.api().post("/api/datasets/" + datasetId + "/versions/2/withdraw", null).status()).isEqualTo(200);
        assertThat(served(owner.api(), datasetId, "visits", null))
                .containsExactlyInAnyOrderEntriesOf(Map.of("E01006512", "40.0", "E01006513", "12.0"));
    }

    private static Map<String, String> served(ApiClient client, long datasetId, String measure, String category) {
        JsonNode body = client.getJson("/api/datasets/" + datasetId + "/statistics?measure=" + measure
                + (category == null ? "" : "&category=" + category));
        Map<String, String> values = new HashMap<>();
        body.path("values").forEach(v -> values.put(v.path("code").asString(), v.path("suppressed").asBoolean() ? "suppressed"
                : v.path("value").isIntegralNumber() ? String.valueOf(v.path("value").asLong())
                : measure.equals("people") ? String.valueOf(Math.round(v.path("value").asDouble())) : String.valueOf(v.path("value").asDouble())));
        return values;
    }

    private static Map<String, String> row(String code, String households) {
        return Map.of("lsoa_code", code, "households", households);
    }
}
