package org.patchwork.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
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
import org.patchwork.disclosure.DisclosureProperties;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Averaging attacks (Asghar and Kaafar, PETS 2020) on the planted small count (an LSOA, crime type and
 * month with exactly 3 crimes): consistent noise means asking for the same cell again, or in other
 * words, gives the same number; and building many different custom areas whose difference is the small
 * cell, to average their noise away, runs into the custom-area ledger (no two released areas differ by
 * fewer than k LSOAs; each person has a small allowance per dataset version). Two analysts of different
 * partners pool everything the limits let them have; their average must not pin the cell.
 */
@PatchworkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AveragingAttackIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DisclosureProperties disclosure;

    CrimeData crime;
    CrimeData.PlantedCell planted;
    AdminApi admin;
    final List<Long> agreements = new ArrayList<>();
    final List<ApiClient> attackers = new ArrayList<>();

    @BeforeAll
    void twoAnalystsOfDifferentPartners() {
        crime = new CrimeData(jdbc);
        planted = crime.plantedCell();
        admin = new AdminApi(port);
        LocalDate today = jdbc.sql("select current_date").query(LocalDate.class).single();
        for (String name : List.of("Wirral Council", "St Helens Council")) {
            long partner = admin.partner(AdminApi.unique(name), "council");
            agreements.add(admin.agreement(crime.datasetId, today, today.plusDays(30), Recipient.partner(partner, "aggregate", "lsoa")));
            attackers.add(admin.user(partner, "analyst").basic(port));
        }
    }

    @AfterAll
    void withdraw() {
        agreements.forEach(admin::withdraw);
    }

    @Test
    void theSameCellGetsTheSameNumberHoweverItIsAskedFor() {
        ApiClient analyst = attackers.get(0);
        CrimeData.Filter slice = planted.filter();
        Map<String, PublishedCounts.Cell> lsoas = PublishedCounts.fromApi(analyst.getJson(counts("lsoa", slice)), "areas");
        assertThat(PublishedCounts.fromApi(analyst.getJson(counts("lsoa", slice)), "areas")).as("asked again").isEqualTo(lsoas);
        assertThat(PublishedCounts.fromApi(attackers.get(1).getJson(counts("lsoa", slice)), "areas")).as("asked by someone else").isEqualTo(lsoas);
        assertThat(lsoas.get(planted.lsoa()).count()).as("the planted 3 is never published as itself").isNotEqualTo(3L);

        CrimeData.Filter year = new CrimeData.Filter(planted.category(), "2022-01", "2022-12");
        CrimeData.Filter allMonths = new CrimeData.Filter(planted.category(), null, null);
        assertThat(PublishedCounts.fromApi(analyst.getJson(counts("district", year)), "areas"))
                .as("the year and all months are the same events (all of 2022)")
                .isEqualTo(PublishedCounts.fromApi(analyst.getJson(counts("district", allMonths)), "areas"));

        Map<String, PublishedCounts.Cell> msoas = PublishedCounts.fromApi(analyst.getJson(counts("msoa", slice)), "areas");
        Set<String> msoa = crime.lsoasOf("msoa", planted.msoa());
        List<String> reversed = new ArrayList<>(msoa);
        java.util.Collections.reverse(reversed);
        for (List<String> phrasing : List.of(List.copyOf(msoa), reversed)) {
            Reply custom = analyst.post("/api/datasets/" + crime.datasetId + "/counts/custom", Map.of("lsoas", phrasing,
                    "category", planted.category(), "from", planted.month(), "to", planted.month()));
            assertThat(custom.status()).as("%s", custom).isEqualTo(200);
            assertThat(custom.json().path("area").path("count").asLong()).as("the MSOA's LSOAs as a custom area, in any order")
                    .isEqualTo(msoas.get(planted.msoa()).count());
        }
        assertThat(PublishedCounts.fromOgc(analyst.getJson("/ogc/collections/" + CrimeData.SLUG + "-by-msoa/items?f=json&limit=10000"
                + slice.query()))).as("OGC API Features").isEqualTo(msoas);
    }

    /**
     * The attack: target the planted LSOA L. Differencing a custom area with L from the same area
     * without it is refused (they differ by one LSOA). So each attacker, alternately, takes a standard
     * area W (a ward or MSOA away from L: counted for free) and asks for W ∪ {L} ∪ Z, with Z two LSOAs
     * published as 0 that month (likely empty), the smallest padding the ledger accepts; each answer
     * minus W's count is a fresh noisy measurement of L's count (plus Z's). They go on until both have
     * used their allowance. The pooled average, with the interval the attackers would put on it (mean ± 2
     * standard errors), must still hold at least two possible counts.
     */
    @Test
    void manyDifferentCustomAreasAroundTheSmallCellDoNotAverageItOut() {
        CrimeData.Filter slice = planted.filter();
        String custom = "/api/datasets/" + crime.datasetId + "/counts/custom";
        ApiClient first = attackers.get(0);
        Map<String, PublishedCounts.Cell> lsoaCounts = PublishedCounts.fromApi(first.getJson(counts("lsoa", slice)), "areas");
        List<String> zeros = lsoaCounts.entrySet().stream().filter(e -> e.getValue().count() == 0 && !e.getKey().equals(planted.lsoa()))
                .map(Map.Entry::getKey).toList();

        // the naive pair first: a custom area, then the same with L
        Set<String> base = new TreeSet<>(zeros.subList(0, 6));
        Reply without = first.post(custom, slice.customBody(base));
        Set<String> with = new TreeSet<>(base);
        with.add(planted.lsoa());
        Reply withL = first.post(custom, slice.customBody(with));
        assertThat(without.status() == 200 && withL.status() == 200).as("a pair differing by L alone is never both counted: %s / %s",
                without, withL).isFalse();

        List<Long> measurements = new ArrayList<>();
        Map<String, Set<String>> standard = new java.util.LinkedHashMap<>();
        crime.areas("ward").forEach((code, lsoas) -> standard.put("ward|" + code, lsoas));
        crime.areas("msoa").forEach((code, lsoas) -> standard.put("msoa|" + code, lsoas));
        standard.values().removeIf(lsoas -> lsoas.contains(planted.lsoa()));
        Random random = new Random(9);
        int refusedForAllowance = 0;
        int attempts = 0;
        boolean[] done = new boolean[attackers.size()];
        List<String> areas = new ArrayList<>(standard.keySet());
        Set<Set<String>> tried = new java.util.HashSet<>();
        while (attempts < 200 && !(done[0] && done[1])) {
            int who = attempts % 2;
            attempts++;
            if (done[who]) {
                continue;
            }
            String area = areas.get(random.nextInt(areas.size()));
            Set<String> w = standard.get(area);
            Set<String> a = new TreeSet<>(w);
            a.add(planted.lsoa());
            zeros.stream().filter(z -> !w.contains(z)).skip(random.nextInt(Math.max(1, zeros.size() - 2))).limit(2).forEach(a::add);
            if (!tried.add(a)) {
                continue;   // the same area again would only repeat the same number
            }
            Reply reply = attackers.get(who).post(custom, slice.customBody(a));
            if (reply.status() == 429) {
                refusedForAllowance++;
                done[who] = true;
                continue;
            }
            if (reply.status() != 200) {
                assertThat(reply.json().path("type").asString()).as("%s", reply).isEqualTo("/problems/custom-area-refused");
                continue;
            }
            String[] level = area.split("\\|");
            long wCount = PublishedCounts.fromApi(attackers.get(who).getJson(counts(level[0], slice)), "areas").get(level[1]).count();
            measurements.add(reply.json().path("area").path("count").asLong() - wCount);
        }
        assertThat(refusedForAllowance).as("both attackers ran out of allowance").isEqualTo(2);
        assertThat(measurements.size()).as("measurements the limits allowed two people")
                .isLessThanOrEqualTo(2 * disclosure.customAreas().perPerson());
        // Each measurement is the planted count (plus the padding's, if not empty) plus the difference of two
        // independent adjustments, of variance 2V. The attackers' best interval for the cell is their mean
        // ± 2 standard errors; taking the standard error from V itself (not from their sample) gives them
        // the benefit of knowing the ptable, and makes the verdict independent of this run's draw of keys.
        double mean = measurements.stream().mapToLong(Long::longValue).average().orElseThrow();
        double halfWidth = 2 * Math.sqrt(2 * disclosure.aggregate().variance() / measurements.size());
        long low = Math.max(0, (long) Math.ceil(mean - halfWidth));
        long high = (long) Math.floor(mean + halfWidth);
        System.out.printf("Averaging attack: %d measurements, mean %.2f (true 3)%n", measurements.size(), mean);
        assertThat(high - low + 1).as("possible counts the attackers' interval leaves").isGreaterThanOrEqualTo(2);
    }

    /**
     * An aggregate viewer combining indicators, their series and the counts: a count indicator of the planted
     * category (every month, by LSOA) and a rate indicator of the planted month give the planted cell's published
     * count again (the same events: the same number, so nothing to average), and its OGC collection too. The series
     * add differences of periods: the quarter less its other two months, the year less its other eleven, each a
     * fresh measurement of the cell with the noise of every non-zero term. Pooled by inverse variance (V per noisy
     * term, at least one: the attackers' best use of the ptable they know), mean ± 2 standard errors must still hold
     * at least two possible counts.
     */
    @Test
    void indicatorValuesSeriesAndCountsTogetherDoNotPinTheSmallCell() {
        ApiClient analyst = attackers.get(0);
        long direct = PublishedCounts.fromApi(analyst.getJson(counts("lsoa", planted.filter())), "areas").get(planted.lsoa()).count();
        long everyMonth = define(analyst, "count", null, null);
        long rate = define(analyst, "rate-per-1000", planted.month(), planted.month());

        JsonNode rateValues = analyst.getJson("/api/indicators/" + rate + "/values?within=" + planted.district());
        long rateNumerator = rateValues.path("areas").valueStream().filter(a -> a.path("code").asString().equals(planted.lsoa()))
                .findFirst().orElseThrow().path("numerator").asLong();
        assertThat(rateNumerator).as("the rate's numerator is the published count").isEqualTo(direct);
        JsonNode items = analyst.getJson("/ogc/collections/indicator-" + rate + "/items?limit=10000&within=" + planted.district());
        assertThat(items.path("features").valueStream().filter(f -> f.path("id").asString().equals(planted.lsoa())).findFirst()
                .orElseThrow().path("properties").path("numerator").asLong()).as("its OGC collection").isEqualTo(direct);

        JsonNode series = analyst.getJson("/api/indicators/" + everyMonth + "/series?area=" + planted.lsoa());
        Map<String, Long> months = new java.util.TreeMap<>();
        series.path("months").forEach(m -> months.put(m.path("period").asString(), m.path("numerator").asLong()));
        assertThat(months.get(planted.month())).as("the series' month is the published count").isEqualTo(direct);
        java.time.YearMonth month = java.time.YearMonth.parse(planted.month());
        int quarterStart = (month.getMonthValue() - 1) / 3 * 3 + 1;
        // the whole quarter and year of the month, where the series has them (periods the data does not cover whole are not given)
        List<JsonNode> wider = new ArrayList<>();
        series.path("quarters").valueStream()
                .filter(q -> q.path("from").asString().equals(java.time.YearMonth.of(month.getYear(), quarterStart).toString()))
                .findFirst().ifPresent(wider::add);
        series.path("years").valueStream().filter(y -> y.path("from").asString().startsWith(month.getYear() + "-"))
                .findFirst().ifPresent(wider::add);

        // measurements of the cell and how many noisy terms each carries
        List<double[]> measurements = new ArrayList<>();
        measurements.add(new double[] {direct, 1});
        for (JsonNode period : wider) {
            java.time.YearMonth from = java.time.YearMonth.parse(period.path("from").asString());
            java.time.YearMonth to = java.time.YearMonth.parse(period.path("to").asString());
            long total = period.path("numerator").asLong();
            long others = 0;
            int noisy = total == 0 ? 0 : 1;
            for (java.time.YearMonth m = from; !m.isAfter(to); m = m.plusMonths(1)) {
                if (!m.equals(month)) {
                    long published = months.getOrDefault(m.toString(), 0L);
                    others += published;
                    noisy += published == 0 ? 0 : 1;
                }
            }
            measurements.add(new double[] {total - others, Math.max(1, noisy)});
        }
        double variance = disclosure.aggregate().variance();
        double weights = measurements.stream().mapToDouble(m -> 1 / (m[1] * variance)).sum();
        double mean = measurements.stream().mapToDouble(m -> m[0] / (m[1] * variance)).sum() / weights;
        double halfWidth = 2 * Math.sqrt(1 / weights);
        long low = Math.max(0, (long) Math.ceil(mean - halfWidth));
        long high = (long) Math.floor(mean + halfWidth);
        System.out.printf("Indicator averaging: measurements %s, pooled %.2f ± %.2f (true 3)%n",
                measurements.stream().map(m -> (long) m[0] + "/" + (long) m[1]).toList(), mean, halfWidth);
        assertThat(high - low + 1).as("possible counts the pooled interval leaves").isGreaterThanOrEqualTo(2);
    }

    private long define(ApiClient analyst, String measure, String from, String to) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("name", AdminApi.unique("Averaging " + measure));
        body.put("datasetId", crime.datasetId);
        body.put("measure", measure);
        body.put("categories", List.of(planted.category()));
        body.put("from", from);
        body.put("to", to);
        body.put("level", "lsoa");
        Reply reply = analyst.post("/api/indicators", body);
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply.json().path("id").asLong();
    }

    private String counts(String level, CrimeData.Filter filter) {
        return "/api/datasets/" + crime.datasetId + "/counts?level=" + level + filter.query();
    }
}
