package org.patchwork.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
import org.patchwork.access.AttackHarnessIT.Period;
import org.patchwork.disclosure.CellKeyPerturbation;
import org.patchwork.disclosure.DisclosureProperties;
import org.patchwork.disclosure.Protection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The attack harness on custom-area series ({@code GET /api/indicators/{id}/series?area=custom-…}, each period
 * counted through the custom-area ledger and perturbed from its own events), aimed at the planted small cell (an
 * LSOA L, crime type and month with exactly 3 crimes, see {@link CrimeData#plantedCell}). Four analysts of four
 * partners, each with an aggregate agreement by LSOA, save custom areas and read each one's series of a count
 * indicator of that type by month, quarter and year, until their allowance is used:
 * <ul>
 * <li>differencing (two of them, pooling): L's MSOA and then its ward with a neighbour, each also without L and
 *     with two LSOAs published as 0 that month instead (three LSOAs apart: the least the ledger allows), the
 *     district less L and two such LSOAs. With the LSOA, MSOA, ward and district counts of the type for the same
 *     periods, the outside count and the type's total, everything is attacked with {@link BoundsAttack} (a custom
 *     area is the sum of its LSOAs in each period; a quarter the sum of its months, the year of its months and of its
 *     quarters; areas nest as in {@link AttackHarnessIT}), for one analyst and for both: every interval holds the
 *     truth, no true count of 1 to 4 is pinned, L's month keeps at least two possible values;</li>
 * <li>averaging (the other two, pooling): a standard area W (free) with L and two such LSOAs, for as many W as the
 *     allowance lets them count, each a fresh measurement of L by month and by quarter; their pooled estimate's ± 2
 *     standard errors must span at least one whole count either side, whatever the draw of keys;</li>
 * <li>the same area asked again, by another analyst, or saved again under another name gives the same numbers (no
 *     fresh noise to average), in its series, profile and values alike;</li>
 * <li>a record-level user's series are the exact counts (counted here in SQL), and the same interval attack on exact
 *     numbers pins the planted cell: the harness can fail.</li>
 * </ul>
 * Standard cells are computed as the server does (its {@link CellKeyPerturbation} on each cell's count and record-key
 * sum) and checked against the API on a sample; the custom areas' numbers all come from the API.
 */
@PatchworkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CustomAreaSeriesAttackIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DisclosureProperties disclosure;

    @Autowired
    CellKeyPerturbation perturbation;

    AdminApi admin;
    CrimeData crime;
    CrimeData.PlantedCell planted;
    ApiClient police;
    final List<ApiClient> attackers = new ArrayList<>();
    final List<Long> agreements = new ArrayList<>();
    long indicator;
    final List<Period> periods = new ArrayList<>();
    final Map<String, Period> periodByRange = new HashMap<>();
    /** The planted type's true events and their record-key sums per LSOA and month; outside the loaded areas per month. */
    final Map<String, long[]> byLsoaMonth = new HashMap<>();
    final Map<String, long[]> outsideByMonth = new HashMap<>();
    /** The standard cells (level|code|period, outside|outside|period, total) as published to an aggregate viewer. */
    Map<String, Long> standard;
    /** The custom areas the ledger let through, by LSOA set: the code each attacker saved it under and its series. */
    final Map<Set<String>, String> codes = new LinkedHashMap<>();
    final Map<Set<String>, Integer> countedFor = new LinkedHashMap<>();
    final Map<Set<String>, Map<String, Long>> series = new LinkedHashMap<>();
    /** LSOAs of the planted district (other than the planted one) published as 0 in the planted month, and in a fixed random order. */
    final Set<String> zeros = new TreeSet<>();
    final List<String> shuffledZeros = new ArrayList<>();
    int nextZero;

    @BeforeAll
    void attackersCollectEverythingTheLimitsAllow() {
        admin = new AdminApi(port);
        crime = new CrimeData(jdbc);
        planted = crime.plantedCell();
        police = admin.user(admin.partnerId(CrimeData.OWNER), "analyst").basic(port);
        LocalDate today = jdbc.sql("select current_date").query(LocalDate.class).single();
        for (String name : List.of("Series council", "Series trust", "Averaging council", "Averaging trust")) {
            long partner = admin.partner(name, "council");
            agreements.add(admin.agreement(crime.datasetId, today.minusDays(1), today.plusDays(30), Recipient.partner(partner, "aggregate", "lsoa")));
            attackers.add(admin.user(partner, "analyst").basic(port));
        }
        for (String month : AttackHarnessIT.MONTHS) {
            periods.add(new Period(month, month, month, List.of(month)));
        }
        for (int q = 0; q < 4; q++) {
            List<String> months = AttackHarnessIT.MONTHS.subList(3 * q, 3 * q + 3);
            periods.add(new Period("Q" + (q + 1), months.get(0), months.get(2), months));
        }
        periods.add(new Period("2022", "2022-01", "2022-12", AttackHarnessIT.MONTHS));
        periods.forEach(p -> periodByRange.put(p.from() + "|" + p.to(), p));
        jdbc.sql("""
                select e.lsoa_code, to_char(e.month, 'YYYY-MM') as month, count(*) as n, sum(e.record_key) as keys,
                       exists (select 1 from area a where a.level = 'lsoa' and a.code = e.lsoa_code) as inside
                from event e
                where e.dataset_id = :id and e.version_id = (select current_version_id from dataset where id = :id)
                  and e.category = :category
                group by 1, 2, 5""").param("id", crime.datasetId).param("category", planted.category()).query(rs -> {
            long[] v = {rs.getLong("n"), rs.getLong("keys")};
            if (rs.getBoolean("inside")) {
                byLsoaMonth.merge(rs.getString("lsoa_code") + "|" + rs.getString("month"), v, CustomAreaSeriesAttackIT::plus);
            } else {
                outsideByMonth.merge(rs.getString("month"), v, CustomAreaSeriesAttackIT::plus);
            }
        });
        standard = standardCells();
        indicator = countIndicator(attackers.get(0));

        zeros.addAll(crime.lsoasOf("district", planted.district()).stream().filter(l -> !l.equals(planted.lsoa()))
                .filter(l -> standard.get("lsoa|" + l + "|" + planted.month()) == 0).toList());
        shuffledZeros.addAll(zeros);
        java.util.Collections.shuffle(shuffledZeros, new java.util.Random(11));
        collect(0, differencingCandidates());
        collect(2, averagingCandidates());
    }

    /**
     * Attackers {@code first} and {@code first + 1} take turns through the candidate areas, saving each and asking its
     * series, until both have used their allowance (or the candidates run out).
     */
    private void collect(int first, List<Set<String>> candidates) {
        boolean[] done = new boolean[2];
        int tried = 0;
        int notCounted = 0;
        for (Set<String> candidate : candidates) {
            if (done[0] && done[1]) {
                break;
            }
            int turn = tried % 2 == 0 && !done[0] || done[1] ? 0 : 1;
            int who = first + turn;
            tried++;
            String code = save(attackers.get(who), "Series attack " + who + "." + tried, candidate);
            JsonNode body = attackers.get(who).getJson("/api/indicators/" + indicator + "/series?area=" + code);
            Map<String, Long> cells = cells(body);
            if (cells.isEmpty()) {
                // the series withholds every period without saying why; the custom counts API says (the same ledger)
                Reply why = attackers.get(who).post("/api/datasets/" + crime.datasetId + "/counts/custom", planted.filter().customBody(candidate));
                assertThat(why.status()).as("%s", why).isIn(400, 429);
                notCounted++;
                done[turn] |= why.status() == 429;
                continue;
            }
            assertThat(cells).as("a counted area has a number for every period").hasSize(periods.size());
            codes.putIfAbsent(candidate, code);
            countedFor.putIfAbsent(candidate, who);
            series.putIfAbsent(candidate, cells);
        }
        System.out.printf("Custom-area series attack, analysts %d and %d: %d areas tried, %d counted (%d and %d), %d not counted%n", first,
                first + 1, tried, tried - notCounted, countedFor.values().stream().filter(w -> w == first).count(),
                countedFor.values().stream().filter(w -> w == first + 1).count(), notCounted);
    }

    /** The areas the given analysts counted, with their series. */
    private Map<Set<String>, Map<String, Long>> countedBy(int... who) {
        Map<Set<String>, Map<String, Long>> counted = new LinkedHashMap<>();
        series.forEach((area, cells) -> {
            if (java.util.Arrays.stream(who).anyMatch(w -> w == countedFor.get(area))) {
                counted.put(area, cells);
            }
        });
        return counted;
    }

    @AfterAll
    void withdraw() {
        agreements.forEach(admin::withdraw);
    }

    @Test
    void oneAggregateUserPinsNoSmallCountFromCustomAreaSeries() {
        Map<Set<String>, Map<String, Long>> own = countedBy(0);
        assertThat(own).as("areas the first analyst counted").hasSizeGreaterThanOrEqualTo(disclosure.customAreas().perPerson());
        attack("one aggregate analyst", own, disclosure.aggregate().maxAdjustment(), true);
    }

    @Test
    void twoAggregateUsersOfDifferentPartnersPoolingPinNoSmallCount() {
        Map<Set<String>, Map<String, Long>> pooled = countedBy(0, 1);
        assertThat(pooled).as("areas counted by the two").hasSizeGreaterThanOrEqualTo(2 * disclosure.customAreas().perPerson());
        // the naive pair: a counted area with L, and the same without it (one LSOA apart): its series has no number at all
        Set<String> with = pooled.keySet().stream().filter(a -> a.contains(planted.lsoa()) && a.size() > 3).findFirst().orElseThrow();
        Set<String> without = new TreeSet<>(with);
        without.remove(planted.lsoa());
        String code = save(attackers.get(1), "Naive pair: without the LSOA", without);
        JsonNode naive = attackers.get(1).getJson("/api/indicators/" + indicator + "/series?area=" + code);
        assertThat(cells(naive)).as("the series of an area one LSOA from a counted one").isEmpty();
        assertThat(naive.path("months").valueStream().allMatch(m -> m.path("suppressed").asBoolean())).isTrue();
        Reply why = attackers.get(1).post("/api/datasets/" + crime.datasetId + "/counts/custom", planted.filter().customBody(without));
        assertThat(why.json().path("type").asString()).as("%s", why).isEqualTo("/problems/custom-area-refused");
        attack("two aggregate analysts pooling", pooled, disclosure.aggregate().maxAdjustment(), true);
    }

    /**
     * Asked again, by the other analyst, or for the same LSOAs saved under another name (in another order), an
     * area's series is the same, number for number; and its profile and values give its year as the series does.
     */
    @Test
    void theSameCustomAreaGivesTheSameNumbersHoweverItIsAskedFor() {
        Set<String> area = countedBy(0, 1).keySet().stream().filter(a -> a.contains(planted.lsoa())).findFirst().orElseThrow();
        Map<String, Long> first = series.get(area);
        ApiClient owner = attackers.get(countedFor.get(area));
        ApiClient other = attackers.get(1 - countedFor.get(area));
        List<String> reversed = new ArrayList<>(area);
        java.util.Collections.reverse(reversed);
        String resaved = save(other, "The same LSOAs, another name", new java.util.LinkedHashSet<>(reversed));
        assertThat(resaved).isNotEqualTo(codes.get(area));
        for (int i = 0; i < 3; i++) {
            assertThat(cells(owner.getJson("/api/indicators/" + indicator + "/series?area=" + codes.get(area)))).as("asked again").isEqualTo(first);
        }
        assertThat(cells(other.getJson("/api/indicators/" + indicator + "/series?area=" + codes.get(area)))).as("by the other analyst")
                .isEqualTo(first);
        assertThat(cells(other.getJson("/api/indicators/" + indicator + "/series?area=" + resaved)))
                .as("saved again under another name (counted freely, though the allowance is used)").isEqualTo(first);
        assertThat(cells(owner.getJson("/api/indicators/" + indicator + "/series?area=" + resaved))).isEqualTo(first);

        JsonNode profile = other.getJson("/api/areas/" + resaved + "/profile");
        JsonNode entry = profile.path("indicators").valueStream().filter(e -> e.path("indicator").path("id").asLong() == indicator)
                .findFirst().orElseThrow();
        assertThat(entry.path("value").path("numerator").asLong()).as("the profile's year: %s", entry).isEqualTo(first.get("2022"));
        JsonNode values = owner.getJson("/api/indicators/" + indicator + "/values?level=custom&within=" + planted.district());
        Map<String, Long> years = new HashMap<>();
        values.path("areas").forEach(v -> {
            if (v.path("numerator").isNumber()) {
                years.put(v.path("code").asString(), v.path("numerator").asLong());
            }
        });
        int compared = 0;
        for (Map.Entry<Set<String>, String> counted : codes.entrySet()) {
            if (years.containsKey(counted.getValue())) {
                assertThat(years.get(counted.getValue())).as("values for %s", counted.getValue()).isEqualTo(series.get(counted.getKey()).get("2022"));
                compared++;
            }
        }
        assertThat(years.get(resaved)).as("values for the area saved again").isEqualTo(first.get("2022"));
        assertThat(compared).as("counted areas the values table gives").isPositive();
    }

    /**
     * The averaging attack (Asghar and Kaafar) with series: every pair of areas the attackers have — standard ones,
     * counted custom ones, and the empty area — that differ by L and LSOAs published as 0 in the planted month (taken
     * as empty) gives a measurement of L's count in that month from the months (A − B), and another from the quarter
     * (A − B over the quarter, less the same over its other two months); the year would reuse those months, so it is
     * left out rather than counted as independent. Each area is used once (the empty one, which carries no noise, as
     * often as it fits), and a measurement made of the very same events as an earlier one (an MSOA whose other LSOAs
     * are empty that month is L again: the same number) is not counted twice. Pooled by inverse variance, each
     * published term weighted by the variance the ptable really gives its true count (V for all but small counts,
     * which must jump to 0 or past the threshold and vary more) — the best weighting an attacker who knew the ptable
     * and the true counts' sizes could use — the mean ± 2 standard errors must still hold at least two possible counts.
     */
    @Test
    void averagingTheDifferencesOfManyCustomAreasByMonthAndQuarterLeavesTwoPossibleCounts() {
        String month = planted.month();
        Period quarter = periods.stream().filter(p -> p.months().size() == 3 && p.months().contains(month)).findFirst().orElseThrow();
        Map<Set<String>, Map<String, Long>> known = new LinkedHashMap<>();
        known.put(Set.of(), new HashMap<>());
        for (String level : CrimeData.LEVELS) {
            crime.areas(level).forEach((code, lsoas) -> {
                Map<String, Long> cells = new HashMap<>();
                periods.forEach(p -> cells.put(p.name(), standard.get(level + "|" + code + "|" + p.name())));
                known.putIfAbsent(lsoas, cells);
            });
        }
        Map<Set<String>, Map<String, Long>> theirs = countedBy(2, 3);
        theirs.forEach(known::putIfAbsent);
        Set<String> allowed = new TreeSet<>(zeros);
        allowed.add(planted.lsoa());
        Set<Set<String>> used = new java.util.HashSet<>();
        Set<List<String>> seen = new java.util.HashSet<>();
        List<double[]> byMonth = new ArrayList<>();     // {value, variance}
        List<double[]> byQuarter = new ArrayList<>();
        for (Map.Entry<Set<String>, Map<String, Long>> a : known.entrySet()) {
            if (!a.getKey().contains(planted.lsoa())) {
                continue;
            }
            for (Map.Entry<Set<String>, Map<String, Long>> b : known.entrySet()) {
                if (b.getKey().contains(planted.lsoa()) || used.contains(b.getKey()) || !allowed.containsAll(symmetricDifference(a.getKey(), b.getKey()))) {
                    continue;
                }
                Measurement m = new Measurement();
                m.add(+1, a, month).add(-1, b, month);
                Measurement q = new Measurement();
                q.add(+1, a, quarter.name()).add(-1, b, quarter.name());
                for (String other : quarter.months()) {
                    if (!other.equals(month)) {
                        q.add(-1, a, other).add(+1, b, other);
                    }
                }
                if (seen.add(m.identity)) {
                    byMonth.add(new double[] {m.value, m.variance});
                }
                if (seen.add(q.identity)) {
                    byQuarter.add(new double[] {q.value, q.variance});
                }
                used.add(a.getKey());
                if (!b.getKey().isEmpty()) {
                    used.add(b.getKey());
                }
                break;
            }
        }
        long customAreas = used.stream().filter(theirs::containsKey).count();
        double[] months = pooled("months alone (as the custom counts API gives)", byMonth);
        List<double[]> all = new ArrayList<>(byMonth);
        all.addAll(byQuarter);
        double[] withSeries = pooled("months and quarters (with the series)", all);
        System.out.printf("Custom-area series averaging: %d counted custom areas used%n", customAreas);
        assertThat(customAreas).as("counted custom areas the attack used").isGreaterThanOrEqualTo(2L * disclosure.customAreas().perPerson() - 1);
        // ± 2 standard errors of at least 1 leaves at least two whole counts whatever the draw of record keys (the standard
        // errors depend on the true counts alone); what this draw leaves is printed
        assertThat(months[2]).as("2 standard errors from the months").isGreaterThanOrEqualTo(1);
        assertThat(withSeries[2]).as("2 standard errors from the months and quarters").isGreaterThanOrEqualTo(1);
    }

    /** The inverse-variance mean of the measurements ± 2 standard errors: the whole counts it leaves and its half width {low, high, 2 SE}. */
    private static double[] pooled(String what, List<double[]> measurements) {
        List<double[]> noisy = measurements.stream().filter(m -> m[1] > 0).toList();
        double weights = noisy.stream().mapToDouble(m -> 1 / m[1]).sum();
        double mean = noisy.stream().mapToDouble(m -> m[0] / m[1]).sum() / weights;
        double halfWidth = 2 * Math.sqrt(1 / weights);
        long low = Math.max(0, (long) Math.ceil(mean - halfWidth));
        long high = (long) Math.floor(mean + halfWidth);
        System.out.printf("Custom-area series averaging, %s: %d measurements %s, pooled %.2f ± %.2f (true 3): %d to %d%n", what, noisy.size(),
                noisy.stream().map(m -> String.format("%.0f/%.1f", m[0], m[1])).toList(), mean, halfWidth, low, high);
        return new double[] {low, high, halfWidth};
    }

    /** Σ ± published terms, the variance the ptable gives their true counts, and which events they are (to spot repeats). */
    private final class Measurement {
        long value;
        double variance;
        final List<String> identity = new ArrayList<>();

        Measurement add(int sign, Map.Entry<Set<String>, Map<String, Long>> area, String period) {
            Period p = periods.stream().filter(x -> x.name().equals(period)).findFirst().orElseThrow();
            long[] events = new long[2];
            for (String lsoa : area.getKey()) {
                for (String m : p.months()) {
                    long[] v = byLsoaMonth.get(lsoa + "|" + m);
                    if (v != null) {
                        plus(events, v);
                    }
                }
            }
            value += sign * area.getValue().getOrDefault(period, 0L);
            if (events[0] > 0) {
                variance += ptableVariance(events[0]);
                identity.add(sign + ":" + events[0] + ":" + events[1]);
                java.util.Collections.sort(identity);
            }
            return this;
        }
    }

    /** The variance of the aggregate ptable's adjustment of a true count n over its 256 cell keys. */
    private double ptableVariance(long n) {
        Protection aggregate = new Protection(Protection.Tier.AGGREGATE, 1);
        double sum = 0;
        for (int k = 0; k < 256; k++) {
            double d = perturbation.events(aggregate, n, k) - n;
            sum += d * d;
        }
        return sum / 256;
    }

    private static Set<String> symmetricDifference(Set<String> x, Set<String> y) {
        Set<String> difference = new TreeSet<>(x);
        difference.addAll(y);
        Set<String> common = new TreeSet<>(x);
        common.retainAll(y);
        difference.removeAll(common);
        return difference;
    }

    /** The owner's analyst gets every area's series exactly (counted here in SQL); the same attack on those numbers pins the small cell. */
    @Test
    void aRecordLevelUserGetsTheExactSeriesAndTheAttackOnThemPinsTheSmallCell() {
        Map<Set<String>, Map<String, Long>> exact = new LinkedHashMap<>();
        for (Map.Entry<Set<String>, String> area : codes.entrySet()) {
            Map<String, Long> published = cells(police.getJson("/api/indicators/" + indicator + "/series?area=" + area.getValue()));
            assertThat(published).as("the record-level series of %s", area.getValue()).isEqualTo(sqlSeries(area.getKey()));
            exact.put(area.getKey(), published);
        }
        Map<String, Long> pinned = attack("record-level analyst (exact counts)", exact, 0, false);
        assertThat(pinned).as("the planted cell, known exactly").containsEntry("lsoa|" + planted.lsoa() + "|" + planted.month(), 3L);
    }

    /**
     * Runs the interval attack on the standard cells and the given custom-area series (every value within
     * {@code slack} of the truth); returns the pinned cells with their true counts. With {@code protectedCounts},
     * asserts what disclosure control must hold.
     */
    private Map<String, Long> attack(String who, Map<Set<String>, Map<String, Long>> custom, long slack, boolean protectedCounts) {
        BoundsAttack attack = new BoundsAttack();
        relations(attack, custom.keySet());
        Map<String, Long> truth = truth(custom.keySet());
        if (protectedCounts) {
            standard.forEach((cell, value) -> attack.published(cell, value, slack));
        } else {
            truth.forEach((cell, value) -> {
                if (!cell.startsWith("custom|")) {
                    attack.published(cell, value, 0);
                }
            });
        }
        custom.forEach((lsoas, cells) -> cells.forEach((period, value) -> attack.published(customCell(lsoas, period), value, slack)));
        int passes = attack.propagate(200);
        List<String> missed = new ArrayList<>();
        List<String> pinnedSmall = new ArrayList<>();
        Map<String, Long> pinned = new TreeMap<>();
        int bounded = 0;
        int customCells = 0;
        for (int id = 0; id < attack.size(); id++) {
            String name = attack.name(id);
            long real = truth.getOrDefault(name, 0L);
            if (real < attack.lo(id) || real > attack.hi(id)) {
                missed.add(name + " = " + real + " not in [" + attack.lo(id) + ", " + attack.hi(id) + "]");
            }
            bounded += attack.hi(id) < BoundsAttack.UNBOUNDED ? 1 : 0;
            customCells += name.startsWith("custom|") ? 1 : 0;
            if (attack.lo(id) == attack.hi(id)) {
                pinned.put(name, real);
                if (real >= 1 && real <= 4) {
                    pinnedSmall.add(name + " = " + real);
                }
            }
        }
        int target = attack.cell("lsoa|" + planted.lsoa() + "|" + planted.month());
        System.out.printf("Custom-area series attack, %s: %d cells (%d of %d custom areas, %d bounded), %d passes, %d pinned, %d of them 1 to 4, "
                        + "%d of %d intervals hold the truth; the planted 3 lies in [%d, %d]%n", who, attack.size(), customCells, custom.size(),
                bounded, passes, pinned.size(), pinnedSmall.size(), attack.size() - missed.size(), attack.size(), attack.lo(target),
                attack.hi(target));
        assertThat(missed).as("%s: cells whose interval misses the true count", who).isEmpty();
        if (protectedCounts) {
            assertThat(pinnedSmall).as("%s: true counts of 1 to 4 pinned to one value", who).isEmpty();
            assertThat(attack.hi(target) - attack.lo(target)).as("%s: the planted cell's interval", who).isGreaterThanOrEqualTo(1);
            assertThat((double) pinned.size() / attack.size()).as("%s: fraction of cells pinned", who).isLessThan(0.001);
        }
        return pinned;
    }

    /** What the attackers know adds up: levels nest, periods are sums of months, a custom area is the sum of its LSOAs. */
    private void relations(BoundsAttack attack, Set<Set<String>> custom) {
        Map<String, Map<String, Set<String>>> byLevel = new LinkedHashMap<>();
        CrimeData.LEVELS.forEach(level -> byLevel.put(level, crime.areas(level)));
        List<String> areaCells = new ArrayList<>();
        byLevel.forEach((level, areas) -> areas.keySet().forEach(code -> areaCells.add(level + "|" + code)));
        areaCells.add("outside|outside");
        custom.forEach(lsoas -> areaCells.add(customCell(lsoas, "").replaceAll("\\|$", "")));
        for (Period period : periods) {
            String slice = "|" + period.name();
            for (String level : List.of("msoa", "ward", "district")) {
                byLevel.get(level).forEach((code, lsoas) -> attack.relate(level + "|" + code + slice, lsoas.stream().map(l -> "lsoa|" + l + slice).toList()));
            }
            for (String part : List.of("msoa", "ward")) {
                byLevel.get("district").forEach((district, lsoas) -> {
                    List<Map.Entry<String, Set<String>>> inside = byLevel.get(part).entrySet().stream()
                            .filter(e -> lsoas.containsAll(e.getValue())).toList();
                    if (inside.stream().mapToLong(e -> e.getValue().size()).sum() == lsoas.size()) {
                        attack.relate("district|" + district + slice, inside.stream().map(e -> part + "|" + e.getKey() + slice).toList());
                    }
                });
            }
            custom.forEach(lsoas -> attack.relate(customCell(lsoas, period.name()), lsoas.stream().map(l -> "lsoa|" + l + slice).toList()));
        }
        for (String area : areaCells) {
            String prefix = area + "|";
            for (Period period : periods) {
                if (period.months().size() > 1) {
                    attack.relate(prefix + period.name(), period.months().stream().map(m -> prefix + m).toList());
                }
            }
            attack.relate(prefix + "2022", List.of(prefix + "Q1", prefix + "Q2", prefix + "Q3", prefix + "Q4"));
        }
        List<String> parts = new ArrayList<>(byLevel.get("district").keySet().stream().map(d -> "district|" + d + "|2022").toList());
        parts.add("outside|outside|2022");
        attack.relate("total", parts);
    }

    private static String customCell(Set<String> lsoas, String period) {
        return "custom|" + String.join("+", new TreeSet<>(lsoas)) + "|" + period;
    }

    /** The true count of every standard cell and of the custom areas' cells. */
    private Map<String, Long> truth(Set<Set<String>> custom) {
        Map<String, Long> truth = new HashMap<>();
        sums(CrimeData.LEVELS).forEach((cell, v) -> truth.put(cell, v[0]));
        custom.forEach(lsoas -> sqlSeries(lsoas).forEach((period, n) -> truth.put(customCell(lsoas, period), n)));
        return truth;
    }

    /** Counts and record-key sums of every standard cell of the planted type (every level and period, outside, total). */
    private Map<String, long[]> sums(List<String> levels) {
        Map<String, long[]> sums = new HashMap<>();
        for (CrimeData.Lsoa lsoa : crime.lsoas) {
            for (String level : levels) {
                for (Period period : periods) {
                    long[] cell = sums.computeIfAbsent(level + "|" + lsoa.in(level) + "|" + period.name(), c -> new long[2]);
                    for (String month : period.months()) {
                        long[] v = byLsoaMonth.get(lsoa.in("lsoa") + "|" + month);
                        if (v != null) {
                            plus(cell, v);
                        }
                    }
                }
            }
        }
        long[] total = new long[2];
        for (Period period : periods) {
            long[] cell = sums.computeIfAbsent("outside|outside|" + period.name(), c -> new long[2]);
            period.months().forEach(m -> plus(cell, outsideByMonth.getOrDefault(m, new long[2])));
        }
        Set<String> placed = new java.util.HashSet<>();
        crime.lsoas.forEach(l -> placed.add(l.in("lsoa")));
        byLsoaMonth.forEach((key, v) -> {
            if (placed.contains(key.substring(0, key.indexOf('|')))) {
                plus(total, v);
            }
        });
        outsideByMonth.values().forEach(v -> plus(total, v));
        sums.put("total", total);
        return sums;
    }

    /**
     * The standard cells as published to an aggregate viewer, computed as the server does (each cell perturbed
     * from its own count and record-key sum by the server's {@link CellKeyPerturbation}) and checked cell for cell
     * against the API on the LSOAs in the planted month, the wards in its quarter, the districts and outside count in
     * the year, and the type's total.
     */
    private Map<String, Long> standardCells() {
        Protection aggregate = new Protection(Protection.Tier.AGGREGATE, 1);
        Map<String, Long> cells = new HashMap<>();
        sums(CrimeData.LEVELS).forEach((cell, v) -> cells.put(cell, perturbation.events(aggregate, v[0], v[1])));
        ApiClient analyst = attackers.get(0);
        List<String> mismatched = new ArrayList<>();
        Period quarter = periods.stream().filter(p -> p.months().size() == 3 && p.months().contains(planted.month())).findFirst().orElseThrow();
        for (Object[] table : new Object[][] {{"lsoa", periods.get(AttackHarnessIT.MONTHS.indexOf(planted.month()))}, {"ward", quarter},
                {"district", periods.get(periods.size() - 1)}}) {
            Period period = (Period) table[1];
            JsonNode body = analyst.getJson("/api/datasets/" + crime.datasetId + "/counts?level=" + table[0] + "&category="
                    + ApiClient.encode(planted.category()) + "&from=" + period.from() + "&to=" + period.to());
            body.path("areas").forEach(a -> compare(mismatched, cells, table[0] + "|" + a.path("code").asString() + "|" + period.name(),
                    a.path("count").asLong()));
            compare(mismatched, cells, "outside|outside|" + period.name(), body.path("outside").path("count").asLong());
        }
        analyst.getJson("/api/datasets/" + crime.datasetId + "/categories").path("categories").forEach(c -> {
            if (c.path("code").asString().equals(planted.category())) {
                compare(mismatched, cells, "total", c.path("count").asLong());
            }
        });
        assertThat(mismatched).as("what the API published and what the test computed").isEmpty();
        return cells;
    }

    private static void compare(List<String> mismatched, Map<String, Long> cells, String cell, long published) {
        if (!cells.containsKey(cell) || cells.get(cell) != published) {
            mismatched.add(cell + ": API " + published + ", computed " + cells.get(cell));
        }
    }

    /** Two LSOAs published as 0 in the planted month, outside {@code area} (the next in a fixed random order). */
    private List<String> twoZerosOutside(Set<String> area) {
        List<String> two = new ArrayList<>();
        for (int tries = 0; two.size() < 2 && tries < shuffledZeros.size(); tries++) {
            String z = shuffledZeros.get(nextZero++ % shuffledZeros.size());
            if (!area.contains(z) && !two.contains(z)) {
                two.add(z);
            }
        }
        return two;
    }

    /** The other MSOAs or wards of the planted district (not the planted LSOA's own), by code. */
    private List<Set<String>> neighbours(String level) {
        String own = level.equals("msoa") ? planted.msoa() : planted.ward();
        Set<String> district = crime.lsoasOf("district", planted.district());
        return crime.areas(level).entrySet().stream().filter(e -> !e.getKey().equals(own)).filter(e -> district.containsAll(e.getValue()))
                .map(Map.Entry::getValue).toList();
    }

    /**
     * The differencing attackers' areas around the planted LSOA L: its MSOA, then its ward, with a neighbour, each
     * also without L and with two LSOAs published as 0 that month instead (a difference of three LSOAs: the least the
     * ledger allows); the district less L and two such LSOAs; then the same pairs with further neighbours.
     */
    private List<Set<String>> differencingCandidates() {
        List<Set<String>> candidates = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            for (String level : List.of("msoa", "ward")) {
                List<Set<String>> neighbours = neighbours(level);
                if (i >= neighbours.size()) {
                    continue;
                }
                Set<String> with = new TreeSet<>(crime.lsoasOf(level, level.equals("msoa") ? planted.msoa() : planted.ward()));
                with.addAll(neighbours.get(i));
                candidates.add(with);
                Set<String> without = new TreeSet<>(with);
                without.remove(planted.lsoa());
                without.addAll(twoZerosOutside(with));
                candidates.add(without);
            }
            if (i == 0) {
                Set<String> less = new TreeSet<>(crime.lsoasOf("district", planted.district()));
                less.remove(planted.lsoa());
                twoZerosOutside(Set.of(planted.lsoa())).forEach(less::remove);
                candidates.add(less);
            }
        }
        return candidates;
    }

    /**
     * The averaging attackers' areas, the best use of the allowance for averaging: for every other ward and MSOA W of
     * the district, W with L and two LSOAs published as 0 that month (W is counted for free, so each area is one more
     * measurement of L), wards and MSOAs alternately.
     */
    private List<Set<String>> averagingCandidates() {
        List<Set<String>> others = new ArrayList<>();
        List<Set<String>> msoas = neighbours("msoa").stream().filter(n -> !n.contains(planted.lsoa())).toList();
        List<Set<String>> wards = neighbours("ward").stream().filter(n -> !n.contains(planted.lsoa())).toList();
        for (int i = 0; i < Math.max(msoas.size(), wards.size()); i++) {
            if (i < wards.size()) {
                others.add(wards.get(wards.size() - 1 - i));
            }
            if (i < msoas.size()) {
                others.add(msoas.get(msoas.size() - 1 - i));
            }
        }
        List<Set<String>> candidates = new ArrayList<>();
        for (Set<String> w : others) {
            Set<String> padded = new TreeSet<>(w);
            padded.add(planted.lsoa());
            padded.addAll(twoZerosOutside(padded));
            candidates.add(padded);
        }
        return candidates;
    }

    /** The area's true count of the planted type per period, counted in SQL from its events. */
    private Map<String, Long> sqlSeries(Set<String> lsoas) {
        Map<String, Long> months = new HashMap<>();
        jdbc.sql("""
                select to_char(e.month, 'YYYY-MM'), count(*) from event e
                where e.dataset_id = :id and e.version_id = (select current_version_id from dataset where id = :id)
                  and e.category = :category and e.lsoa_code = any(:lsoas)
                group by 1""").param("id", crime.datasetId).param("category", planted.category())
                .param("lsoas", lsoas.toArray(String[]::new)).query(rs -> {
                    months.put(rs.getString(1), rs.getLong(2));
                });
        Map<String, Long> series = new HashMap<>();
        periods.forEach(p -> series.put(p.name(), p.months().stream().mapToLong(m -> months.getOrDefault(m, 0L)).sum()));
        return series;
    }

    /** A series' counted periods by name (month, Q1 to Q4, 2022); none when its counts are withheld. */
    private Map<String, Long> cells(JsonNode body) {
        Map<String, Long> cells = new TreeMap<>();
        for (String granularity : List.of("months", "quarters", "years")) {
            body.path(granularity).forEach(p -> {
                Period period = periodByRange.get(p.path("from").asString() + "|" + p.path("to").asString());
                if (period != null && p.path("numerator").isNumber()) {
                    cells.put(period.name(), p.path("numerator").asLong());
                }
            });
        }
        return cells;
    }

    private String save(ApiClient client, String name, Set<String> lsoas) {
        Reply reply = client.post("/api/custom-areas", Map.of("name", AdminApi.unique(name), "lsoas", List.copyOf(lsoas)));
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply.json().path("code").asString();
    }

    private long countIndicator(ApiClient analyst) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", AdminApi.unique("Custom-area series attack"));
        body.put("datasetId", crime.datasetId);
        body.put("measure", "count");
        body.put("categories", List.of(planted.category()));
        body.put("from", "2022-01");
        body.put("to", "2022-12");
        body.put("level", "lsoa");
        Reply reply = analyst.post("/api/indicators", body);
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply.json().path("id").asLong();
    }

    private static long[] plus(long[] into, long[] v) {
        into[0] += v[0];
        into[1] += v[1];
        return into;
    }
}
