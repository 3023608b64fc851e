package org.patchwork.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.ApiClient.Reply;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Day/month order decided per date column from its values. The files are 30 real Merseyside crimes
 * (March 2022, their category and place) with a reference and a date written by the test; the expected
 * date of each row is worked out here from how the test wrote it, not by the code under test.
 */
@PatchworkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DateOrderIT {

    private static final int ROWS = 30;
    private static final List<String> HEADER = List.of("Ref", "Date", "Crime type", "Longitude", "Latitude");

    @TempDir
    static Path dir;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    UploadClient manager;
    List<Map<String, String>> crimes;

    @BeforeAll
    void setUp() {
        manager = UploadClient.newPartner(port, "Date order IT");
        crimes = CrimeFiles.read(CrimeFiles.slice(CrimeFiles.MERSEYSIDE_ZIP, CrimeFiles.merseysideMonth("2022-03"), ROWS,
                dir.resolve("march.csv")));
    }

    /** Row i (0-based) is 2023, month i % 12 + 1, day i + 1: rows 12 to 29 have a day above 12. Row 0 is 2 October, 14:30. */
    private static LocalDate usDate(int i) {
        return i == 0 ? LocalDate.of(2023, 10, 2) : LocalDate.of(2023, i % 12 + 1, i + 1);
    }

    @Test
    void usStyleDatesAreAllReadMonthFirstWithTheirTime() {
        Path file = file("us-dates.csv", i -> i == 0 ? "10/02/2023 14:30" : String.format("%02d/%02d/%d", usDate(i).getMonthValue(),
                usDate(i).getDayOfMonth(), 2023));
        Reply preview = manager.inspect(file);
        assertThat(preview.status()).as("%s", preview).isEqualTo(201);
        JsonNode order = preview.json().path("dateOrder");
        assertThat(order.path("column").asString()).isEqualTo("Date");
        assertThat(order.path("verdict").asString()).isEqualTo("month-first");
        assertThat(order.path("asks").asBoolean()).isFalse();
        assertThat(preview.json().path("suggestedMapping").path("dateOrder").asString()).isEqualTo("month-first");

        JsonNode job = manager.load(file, Map.of("title", "Date order IT US", "theme", "crime", "publishValidRows", false,
                "mapping", mapping(null)));
        assertThat(job.path("state").asString()).as("%s", job).isEqualTo("succeeded");
        assertThat(job.path("result").path("rowsPublished").asInt()).isEqualTo(ROWS);
        long datasetId = job.path("result").path("datasetId").asLong();

        Map<String, LocalDate> dates = new LinkedHashMap<>();
        jdbc.sql("select source_id, occurred_on from event where dataset_id = :id").param("id", datasetId)
                .query((rs, n) -> dates.put(rs.getString(1), rs.getObject(2, LocalDate.class))).list();
        Map<String, LocalDate> expected = new LinkedHashMap<>();
        for (int i = 0; i < ROWS; i++) {
            expected.put("US-" + i, usDate(i));
        }
        assertThat(dates).isEqualTo(expected);
        assertThat(jdbc.sql("select occurred_at from event where dataset_id = :id and source_id = 'US-0'").param("id", datasetId)
                .query(LocalTime.class).single()).isEqualTo(LocalTime.of(14, 30));
        assertThat(jdbc.sql("select count(*) from event where dataset_id = :id and month = date_trunc('month', occurred_on)")
                .param("id", datasetId).query(Long.class).single()).as("months agree with the dates").isEqualTo(ROWS);

        // the points (record level, for the owner) carry the full date and the time
        Map<String, JsonNode> points = new LinkedHashMap<>();
        manager.points(datasetId).forEach(f -> points.put(f.path("properties").path("source_id").asString(), f.path("properties")));
        assertThat(points.get("US-0").path("date").asString()).isEqualTo("2023-10-02");
        assertThat(points.get("US-0").path("time").asString()).isEqualTo("14:30:00");
        assertThat(points.get("US-0").path("month").asString()).isEqualTo("2023-10");
        assertThat(points.get("US-20").path("date").asString()).isEqualTo("2023-09-21");
        assertThat(points.get("US-20").path("time").isNull()).isTrue();

        assertThat(jdbc.sql("select mapping ->> 'dateOrder' from column_mapping where dataset_id = :id").param("id", datasetId)
                .query(String.class).single()).as("remembered with the mapping").isEqualTo("month-first");
    }

    /** Both parts 12 or less in every row: row i is day i % 12 + 1 and month (i + 5) % 12 + 1, or the other way round. */
    @Test
    void anAmbiguousColumnIsAskedAboutAndTheAnswerIsRemembered() {
        IntFunction<String> written = i -> String.format("%02d/%02d/2022", i % 12 + 1, (i + 5) % 12 + 1);
        Path file = file("ambiguous.csv", written);
        Reply preview = manager.inspect(file);
        JsonNode order = preview.json().path("dateOrder");
        assertThat(order.path("verdict").asString()).isEqualTo("ambiguous");
        assertThat(order.path("asks").asBoolean()).isTrue();
        assertThat(order.path("detail").asString()).contains("could be day/month or month/day");
        assertThat(preview.json().path("suggestedMapping").path("dateOrder").asString("")).as("no order suggested").isEmpty();

        long before = jdbc.sql("select count(*) from dataset").query(Long.class).single();
        JsonNode refused = manager.load(file, Map.of("title", "Date order IT ambiguous, unanswered", "theme", "crime", "mapping", mapping(null)));
        assertThat(refused.path("state").asString()).isEqualTo("failed");
        assertThat(refused.path("problem").path("status").asInt()).isEqualTo(422);
        assertThat(refused.path("problem").path("detail").asString()).startsWith("Every date in Date could be day/month or month/day (e.g. "
                + written.apply(0) + " (row 2 of ambiguous.csv)").contains("\"day-first\"", "\"month-first\"");
        assertThat(jdbc.sql("select count(*) from dataset").query(Long.class).single()).as("nothing created").isEqualTo(before);

        JsonNode job = manager.load(file, Map.of("title", "Date order IT ambiguous, month first", "theme", "crime",
                "mapping", mapping("month-first")));
        assertThat(job.path("state").asString()).as("%s", job).isEqualTo("succeeded");
        long datasetId = job.path("result").path("datasetId").asLong();
        List<LocalDate> read = jdbc.sql("select occurred_on from event where dataset_id = :id order by substr(source_id, 4)::integer")
                .param("id", datasetId).query(LocalDate.class).list();
        List<LocalDate> expected = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            expected.add(LocalDate.of(2022, i % 12 + 1, (i + 5) % 12 + 1));   // month first, as chosen
        }
        assertThat(read).isEqualTo(expected);

        // the next version's preview offers the remembered answer
        Reply next = manager.multipart("/api/uploads?datasetId=" + datasetId, file, "ambiguous.csv", null);
        assertThat(next.json().path("mappingSource").asString()).isEqualTo("remembered");
        assertThat(next.json().path("suggestedMapping").path("dateOrder").asString()).isEqualTo("month-first");
    }

    @Test
    void aColumnWithBothOrdersIsRefusedNamingAnExampleOfEach() {
        // rows 0-9 day first (25/02/2022), rows 10-19 month first (02/25/2022), the rest either
        IntFunction<String> written = i -> i < 10 ? "25/02/2022" : i < 20 ? "02/25/2022" : "03/04/2022";
        Path file = file("mixed.csv", written);
        assertThat(manager.inspect(file).json().path("dateOrder").path("verdict").asString()).isEqualTo("mixed");
        DatabaseCounts before = DatabaseCounts.of(jdbc);

        JsonNode job = manager.load(file, Map.of("title", "Date order IT mixed", "theme", "crime", "publishValidRows", true,
                "mapping", mapping(null)));
        assertThat(job.path("state").asString()).isEqualTo("failed");
        JsonNode problem = job.path("problem");
        assertThat(problem.path("status").asInt()).isEqualTo(422);
        assertThat(problem.path("type").asString()).isEqualTo("/problems/upload-rejected");
        assertThat(problem.path("detail").asString()).isEqualTo("The dates in Date are written in both orders: 25/02/2022 (row 2 of "
                + "mixed.csv) can only be day first (10 such dates) and 02/25/2022 (row 12 of mixed.csv) only month first (10 such dates), "
                + "so no one order reads them all. Write every date the same way, best as YYYY-MM-DD.");
        assertThat(problem.path("errors").valueStream().map(e -> e.path("row").asLong()).toList()).containsExactly(2L, 12L);
        assertThat(DatabaseCounts.of(jdbc)).isEqualTo(before);
    }

    private Path file(String name, IntFunction<String> date) {
        List<Map<String, String>> rows = new ArrayList<>();
        for (int i = 0; i < ROWS; i++) {
            Map<String, String> crime = crimes.get(i);
            rows.add(Map.of("Ref", "US-" + i, "Date", date.apply(i), "Crime type", crime.get("Crime type"),
                    "Longitude", crime.get("Longitude"), "Latitude", crime.get("Latitude")));
        }
        return CrimeFiles.write(dir.resolve(name), HEADER, rows);
    }

    private static Map<String, Object> mapping(String dateOrder) {
        Map<String, Object> mapping = new LinkedHashMap<>(Map.of("kind", "events", "x", "Longitude", "y", "Latitude", "xyEpsg", 4326,
                "date", "Date", "category", "Crime type", "id", "Ref"));
        if (dateOrder != null) {
            mapping.put("dateOrder", dateOrder);
        }
        return mapping;
    }
}
