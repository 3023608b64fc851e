package org.patchwork.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.patchwork.AdminApi;
import org.patchwork.AdminApi.Recipient;
import org.patchwork.ApiClient;
import org.patchwork.ApiClient.Reply;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The differencing attack on saved custom areas: two custom areas that differ by one LSOA holding a small
 * count (the planted cell: 3 events of one category in one month, see {@link CrimeData#plantedCell}),
 * saved by the attacker and read through an indicator's values and the area profiles. A record-level user
 * gets both exactly (their difference is the small count); an aggregate user gets a number for at most one
 * of them, whichever path and order they use, so the small count is never the difference of two answers.
 */
@PatchworkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomAreaDifferencingIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    AdminApi admin;
    CrimeData crime;
    CrimeData.PlantedCell planted;
    long agreement;
    ApiClient police;
    ApiClient council;
    ApiClient colleague;
    Set<String> a;
    Set<String> b;

    @BeforeAll
    void twoAreasDifferingByTheSmallCell() {
        admin = new AdminApi(port);
        crime = new CrimeData(jdbc);
        planted = crime.plantedCell();
        police = admin.user(admin.partnerId(CrimeData.OWNER), "analyst").basic(port);
        long councilId = admin.partner(AdminApi.unique("Differencing council"), "council");
        LocalDate today = jdbc.sql("select current_date").query(LocalDate.class).single();
        agreement = admin.agreement(crime.datasetId, today.minusDays(1), today.plusDays(30), Recipient.partner(councilId, "aggregate", "lsoa"));
        council = admin.user(councilId, "analyst").basic(port);
        colleague = admin.user(councilId, "analyst").basic(port);
        a = baseArea();
        b = new TreeSet<>(a);
        b.add(planted.lsoa());
    }

    @AfterAll
    void withdraw() {
        admin.withdraw(agreement);
    }

    /**
     * Two MSOAs of the planted LSOA's district, away from it, whose union differs from every standard area by
     * at least three LSOAs (so the ledger lets it through on its own).
     */
    private Set<String> baseArea() {
        List<Set<String>> standard = new ArrayList<>();
        CrimeData.LEVELS.forEach(level -> standard.addAll(crime.areas(level).values()));
        List<Set<String>> msoas = crime.areas("msoa").entrySet().stream()
                .filter(e -> !e.getKey().equals(planted.msoa()))
                .filter(e -> crime.lsoasOf("district", planted.district()).containsAll(e.getValue()))
                .map(Map.Entry::getValue).toList();
        for (int i = 0; i + 1 < msoas.size(); i++) {
            Set<String> union = new TreeSet<>(msoas.get(i));
            union.addAll(msoas.get(i + 1));
            if (standard.stream().allMatch(s -> difference(s, union) >= 3 && difference(s, with(union)) >= 3)) {
                return union;
            }
        }
        throw new IllegalStateException("no pair of MSOAs fits");
    }

    private Set<String> with(Set<String> area) {
        Set<String> more = new TreeSet<>(area);
        more.add(planted.lsoa());
        return more;
    }

    private static int difference(Set<String> x, Set<String> y) {
        Set<String> union = new TreeSet<>(x);
        union.addAll(y);
        Set<String> common = new TreeSet<>(x);
        common.retainAll(y);
        return union.size() - common.size();
    }

    private String save(ApiClient client, String name, Set<String> lsoas) {
        Reply reply = client.post("/api/custom-areas", Map.of("name", name, "lsoas", List.copyOf(lsoas)));
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply.json().path("code").asString();
    }

    private long indicator(ApiClient client) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Planted category in the planted month, by custom area");
        body.put("datasetId", crime.datasetId);
        body.put("measure", "count");
        body.put("categories", List.of(planted.category()));
        body.put("from", planted.month());
        body.put("to", planted.month());
        body.put("level", "custom");
        Reply reply = client.post("/api/indicators", body);
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply.json().path("id").asLong();
    }

    private static JsonNode value(JsonNode values, String code) {
        return values.path("areas").valueStream().filter(v -> v.path("code").asString().equals(code)).findFirst().orElseThrow();
    }

    @Test
    void twoSavedCustomAreasDifferingByOneLsoaNeverRevealItsSmallCountToAnAggregateUser() {
        long truthA = crime.counts("lsoa", planted.filter()).entrySet().stream().filter(e -> a.contains(e.getKey()))
                .mapToLong(Map.Entry::getValue).sum();
        String codeA = save(council, "Attack base", a);
        String codeB = save(council, "Attack base and one LSOA", b);
        long id = indicator(council);

        // a record-level user sees both exactly: the difference is the small count
        JsonNode exact = police.getJson("/api/indicators/" + id + "/values");
        assertThat(exact.path("level").asString()).isEqualTo("custom");
        assertThat(value(exact, codeA).path("numerator").asLong()).isEqualTo(truthA);
        assertThat(value(exact, codeB).path("numerator").asLong() - value(exact, codeA).path("numerator").asLong()).isEqualTo(3);

        // the aggregate user: the base area first, through its profile (it is counted), then the other (refused)
        JsonNode profileA = council.getJson("/api/areas/" + codeA + "/profile");
        JsonNode entryA = profileA.path("indicators").valueStream().filter(e -> e.path("indicator").path("id").asLong() == id)
                .findFirst().orElseThrow();
        assertThat(entryA.path("value").path("numerator").isNumber()).as("%s", entryA).isTrue();
        assertThat(Math.abs(entryA.path("value").path("numerator").asLong() - truthA)).isLessThanOrEqualTo(5);
        JsonNode profileB = council.getJson("/api/areas/" + codeB + "/profile");
        JsonNode entryB = profileB.path("indicators").valueStream().filter(e -> e.path("indicator").path("id").asLong() == id)
                .findFirst().orElseThrow();
        assertThat(entryB.has("value")).as("%s", entryB).isFalse();
        assertThat(entryB.path("unavailable").asString()).contains("differs from a custom area already counted");

        // nor through the values table, nor by a colleague (pooling), nor through the custom counts API
        for (ApiClient client : List.of(council, colleague)) {
            JsonNode values = client.getJson("/api/indicators/" + id + "/values");
            assertThat(value(values, codeB).path("numerator").isNumber()).as("%s", value(values, codeB)).isFalse();
            assertThat(value(values, codeB).path("disclosure").path("suppressed").asBoolean()).isTrue();
        }
        Reply direct = colleague.post("/api/datasets/" + crime.datasetId + "/counts/custom", planted.filter().customBody(b));
        assertThat(direct.status()).as("%s", direct).isEqualTo(400);
        assertThat(direct.json().path("type").asString()).isEqualTo("/problems/custom-area-refused");
    }

    @Test
    void theReverseOrderIsRefusedToo() {
        Set<String> c = new TreeSet<>(a);
        c.removeAll(crime.areas("msoa").values().stream().filter(a::containsAll).findFirst().orElseThrow());
        // c: one MSOA of the base; c ∪ {L} first, then c: the second is refused, whichever comes first
        Set<String> cWithL = with(c);
        String first = save(colleague, "Reverse: with the LSOA", cWithL);
        String second = save(colleague, "Reverse: without it", c);
        long id = indicator(colleague);
        JsonNode one = colleague.getJson("/api/areas/" + first + "/profile");
        JsonNode two = colleague.getJson("/api/areas/" + second + "/profile");
        long numbers = java.util.stream.Stream.of(one, two).map(p -> p.path("indicators").valueStream()
                .filter(e -> e.path("indicator").path("id").asLong() == id).findFirst().orElseThrow())
                .filter(e -> e.has("value")).count();
        assertThat(numbers).as("at most one of two areas differing by one LSOA has a number").isLessThanOrEqualTo(1);
    }
}
