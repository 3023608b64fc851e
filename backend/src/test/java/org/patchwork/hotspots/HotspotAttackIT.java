package org.patchwork.hotspots;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.patchwork.AdminApi;
import org.patchwork.AdminApi.Recipient;
import org.patchwork.ApiClient;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * An aggregate-only viewer tries to read small counts through hotspot layers: Gi* on LSOAs and top LSOAs by
 * count carry a count per area, which would be the exact small counts if the run used the events. They must
 * be exactly the counts the viewer is published anyway (cell-key perturbed), never the true ones where
 * those differ; and a KDE at the finest surface allowed must hold exactly the published total, not the true one.
 */
@PatchworkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HotspotAttackIT {

    static final String MONTH = "2022-03";
    static final String CATEGORY = "Burglary";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    AdminApi admin;
    long crime;
    long agreement;
    ApiClient council;

    @BeforeAll
    void aggregateViewer() {
        admin = new AdminApi(port);
        crime = jdbc.sql("select id from dataset where slug = 'merseyside-street-crime-2022'").query(Long.class).single();
        long councilId = admin.partner("Hotspot attack council", "council");
        LocalDate today = jdbc.sql("select current_date").query(LocalDate.class).single();
        agreement = admin.agreement(crime, today, today.plusDays(30), Recipient.partner(councilId, "aggregate", "lsoa"));
        council = admin.user(councilId, "analyst").basic(port);
    }

    @AfterAll
    void withdraw() {
        admin.withdraw(agreement);
    }

    Map<String, Long> trueCounts() {
        Map<String, Long> counts = new HashMap<>();
        jdbc.sql("""
                select a.code, count(e.id) from area a
                left join event e on e.lsoa_code = a.code and e.dataset_id = :dataset and e.category = :category
                     and to_char(e.month, 'YYYY-MM') = :month
                     and e.version_id = (select current_version_id from dataset where id = :dataset)
                where a.level = 'lsoa' group by a.code""")
                .param("dataset", crime).param("category", CATEGORY).param("month", MONTH)
                .query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    Map<String, Long> publishedCounts() {
        JsonNode body = council.getJson("/api/datasets/" + crime + "/counts?level=lsoa&category=" + CATEGORY + "&from=" + MONTH + "&to=" + MONTH);
        Map<String, Long> counts = new HashMap<>();
        body.path("areas").forEach(a -> counts.put(a.path("code").asString(), a.path("count").asLong()));
        return counts;
    }

    Map<String, Double> layerCounts(long run) {
        Map<String, Double> counts = new HashMap<>();
        JsonNode items = council.getJson("/ogc/collections/hotspots-" + run + "/items?limit=10000");
        items.path("features").forEach(f -> counts.put(f.path("properties").path("code").asString(), f.path("properties").path("events").asDouble()));
        return counts;
    }

    @Test
    void areaLayersCarryOnlyThePublishedCountsNeverTheTrueSmallOnes() {
        Map<String, Long> truth = trueCounts();
        Map<String, Long> published = publishedCounts();
        List<String> small = truth.entrySet().stream().filter(e -> e.getValue() >= 1 && e.getValue() <= 4).map(Map.Entry::getKey).toList();
        assertThat(small).as("the month has small counts to protect").hasSizeGreaterThan(50);
        assertThat(small.stream().filter(code -> !published.get(code).equals(truth.get(code))))
                .as("the published counts differ from the true ones for some small cells").isNotEmpty();

        JsonNode gi = HotspotRunClient.run(council, HotspotRunClient.body(crime, List.of(CATEGORY), MONTH, MONTH, "gistar",
                Map.of("grid", "areas", "level", "lsoa")));
        Map<String, Double> giCounts = layerCounts(gi.path("id").asLong());
        assertThat(giCounts).hasSize(truth.size());
        giCounts.forEach((code, events) -> assertThat(events).as("Gi* count of %s", code).isEqualTo(published.get(code).doubleValue()));

        JsonNode top = HotspotRunClient.run(council, HotspotRunClient.body(crime, List.of(CATEGORY), MONTH, MONTH, "top-areas",
                Map.of("share", 0.5)));
        Map<String, Double> topCounts = layerCounts(top.path("id").asLong());
        assertThat(topCounts).isNotEmpty();
        topCounts.forEach((code, events) -> assertThat(events).as("top-area count of %s", code).isEqualTo(published.get(code).doubleValue()));

        // the finest KDE the server allows: its surface holds the published total, however small the kernel
        JsonNode kde = HotspotRunClient.run(council, HotspotRunClient.body(crime, List.of(CATEGORY), MONTH, MONTH, "kde",
                Map.of("bandwidth", 50, "cellSize", 25)));
        double publishedTotal = published.values().stream().mapToLong(Long::longValue).sum();
        assertThat(kde.path("result").path("events").asDouble()).isEqualTo(publishedTotal);
    }
}
