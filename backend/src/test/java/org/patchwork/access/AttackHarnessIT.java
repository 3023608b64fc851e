package org.patchwork.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.patchwork.AdminApi;
import org.patchwork.ApiClient;
import org.patchwork.PatchworkIntegrationTest;
import org.patchwork.access.PublishedCounts.Rule;
import org.patchwork.disclosure.CellKeyPerturbation;
import org.patchwork.disclosure.DisclosureProperties;
import org.patchwork.disclosure.Protection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The attack harness on the real Merseyside 2022 street crime: everything a user may ask for — counts by
 * LSOA, MSOA, ward and district (as their agreement allows), for every crime type and all types together,
 * for every month, quarter and the year, the outside count, and every type's total — as published to
 * them (computed as the server does and checked against the API on a sample, see {@link #published}),
 * is attacked with {@link BoundsAttack}: every nesting and differencing relation between those
 * tables (levels, months in quarters and years, types in all types, totals) propagates the interval each
 * published value allows. Asserted, for one aggregate user, one public user, and two users of different
 * partners pooling (an aggregate one from MSOA up with the LSOA one; a public one with the LSOA one):
 * <ul>
 * <li>every interval holds the true count (the model of what a number allows is right);</li>
 * <li>no true count of 1 to 4 is pinned to one value;</li>
 * <li>fewer than 1 in 1,000 cells of any true count are pinned. Why that threshold: a pinned cell is
 *     one whose true count the user knows for certain; the cell-key method gives every released
 *     count noise up to D, so pinning needs the parts to be forced to their extreme values, which
 *     happens (if at all) for large areas whose parts are all 0 with large published totals — the
 *     fraction measured on this data is printed, and a tenth of a percent is the level above which the
 *     pinned cells would be a pattern to study rather than an accident.</li>
 * </ul>
 * (Interval propagation, not linear programming: the LP bound for each of ~300,000 cells is not cheap.)
 * Nothing here prints the method's parameters. Every crime type is attacked unless the system property
 * {@code attack.categories} names a few (a quicker run; "all types" is then unknown to the relations
 * and its relation to the types is left out).
 */
@PatchworkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttackHarnessIT {

    static final List<String> MONTHS = List.of("2022-01", "2022-02", "2022-03", "2022-04", "2022-05", "2022-06", "2022-07",
            "2022-08", "2022-09", "2022-10", "2022-11", "2022-12");
    static final String ALL = "*";

    /** A releasable period: a month, a quarter or the year, with the months it is made of. */
    record Period(String name, String from, String to, List<String> months) {
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DisclosureProperties disclosure;

    @Autowired
    CellKeyPerturbation perturbation;

    CrimeData crime;
    Partnership partnership;
    List<String> categories;
    long indicator;
    boolean everyType = true;
    final List<Period> periods = new ArrayList<>();
    /** True events per LSOA, category and month. */
    final Map<String, Long> truthByLsoa = new HashMap<>();
    /** True events outside the loaded areas per category and month. */
    final Map<String, Long> truthOutside = new HashMap<>();
    /** The sums of the record keys of the same events (LSOA|category|month, or category|month outside). */
    final Map<String, Long> keysByLsoa = new HashMap<>();
    final Map<String, Long> keysOutside = new HashMap<>();
    /** What each person was published, cell name → value, fetched once. */
    final Map<String, Map<String, Long>> fetched = new HashMap<>();

    @BeforeAll
    void setUp() {
        crime = new CrimeData(jdbc);
        partnership = new Partnership(new AdminApi(port), crime.datasetId, jdbc.sql("select current_date").query(LocalDate.class).single(), jdbc);
        categories = new ArrayList<>(crime.categoryTotals().keySet());
        String only = System.getProperty("attack.categories", "").strip();
        if (!only.isEmpty()) {
            // a quicker run on a busy machine: the types named (comma-separated); all types together stay in
            categories.retainAll(List.of(only.split("\\s*,\\s*")));
            everyType = false;
            assertThat(categories).as("attack.categories names crime types of the data").isNotEmpty();
        }
        for (String month : MONTHS) {
            periods.add(new Period(month, month, month, List.of(month)));
        }
        for (int q = 0; q < 4; q++) {
            periods.add(new Period("Q" + (q + 1), MONTHS.get(3 * q), MONTHS.get(3 * q + 2), MONTHS.subList(3 * q, 3 * q + 3)));
        }
        periods.add(new Period("2022", "2022-01", "2022-12", MONTHS));
        indicator = definedIndicator();
        assertThat(jdbc.sql("select count(*) from event e where e.dataset_id = :id and e.version_id = (select current_version_id from dataset "
                + "where id = :id) and extract(year from e.month) <> 2022").param("id", crime.datasetId).query(Long.class).single())
                .as("every event is in 2022, so a type's total is its year").isZero();
        jdbc.sql("""
                select e.lsoa_code, e.category, to_char(e.month, 'YYYY-MM') as month, count(*) as n, sum(e.record_key) as keys,
                       exists (select 1 from area a where a.level = 'lsoa' and a.code = e.lsoa_code) as inside
                from event e
                where e.dataset_id = :id and e.version_id = (select current_version_id from dataset where id = :id)
                group by 1, 2, 3, 6""").param("id", crime.datasetId).query(rs -> {
            String key = rs.getString("category") + "|" + rs.getString("month");
            if (rs.getBoolean("inside")) {
                truthByLsoa.merge(rs.getString("lsoa_code") + "|" + key, rs.getLong("n"), Long::sum);
                keysByLsoa.merge(rs.getString("lsoa_code") + "|" + key, rs.getLong("keys"), Long::sum);
            } else {
                truthOutside.merge(key, rs.getLong("n"), Long::sum);
                keysOutside.merge(key, rs.getLong("keys"), Long::sum);
            }
        });
    }

    @AfterAll
    void withdraw() {
        partnership.withdrawAgreements();
    }

    @Test
    void oneAggregateUserPinsNoSmallCount() {
        attack("council analyst (aggregate, LSOA)", Map.of("council analyst", Rule.aggregate(disclosure)));
    }

    @Test
    void onePublicUserPinsNoSmallCount() {
        attack("voluntary viewer (public)", Map.of("voluntary viewer", Rule.publicLevel(disclosure)));
    }

    @Test
    void twoAggregateUsersOfDifferentPartnersPoolingPinNoSmallCount() {
        Map<String, Long> council = published("council analyst");
        Map<String, Long> nhs = published("nhs analyst");
        List<String> differ = new ArrayList<>();
        nhs.forEach((cell, value) -> {
            if (!value.equals(council.get(cell))) {
                differ.add(cell + ": " + value + " to one, " + council.get(cell) + " to the other");
            }
        });
        assertThat(differ).as("the same cell has the same key, so the same number, for everyone").isEmpty();
        attack("council analyst + nhs analyst", Map.of("council analyst", Rule.aggregate(disclosure), "nhs analyst", Rule.aggregate(disclosure)));
    }

    @Test
    void anAggregateAndAPublicUserOfDifferentPartnersPoolingPinNoSmallCount() {
        attack("council analyst + voluntary viewer", Map.of("council analyst", Rule.aggregate(disclosure),
                "voluntary viewer", Rule.publicLevel(disclosure)));
    }

    private void attack(String who, Map<String, Rule> people) {
        BoundsAttack attack = new BoundsAttack();
        relations(attack);
        people.forEach((person, rule) -> published(person).forEach((cell, value) -> attack.published(cell, value, rule.slack())));
        int passes = attack.propagate(200);
        Map<String, Long> truth = truth(attack);
        List<String> outside = new ArrayList<>();
        List<String> pinnedSmall = new ArrayList<>();
        int pinned = 0;
        int known = 0;
        for (int id = 0; id < attack.size(); id++) {
            long real = truth.get(attack.name(id));
            if (real < attack.lo(id) || real > attack.hi(id)) {
                outside.add(attack.name(id));
            }
            if (attack.hi(id) < BoundsAttack.UNBOUNDED) {
                known++;
            }
            if (attack.lo(id) == attack.hi(id)) {
                pinned++;
                if (real >= 1 && real <= 4) {
                    pinnedSmall.add(attack.name(id) + " = " + real);
                }
            }
        }
        System.out.printf("Attack harness, %s: %d cells (%d bounded), %d passes, %d pinned (%.4f%%), %d of them 1 to 4%n",
                who, attack.size(), known, passes, pinned, 100.0 * pinned / attack.size(), pinnedSmall.size());
        assertThat(outside).as("%s: cells whose interval misses the true count", who).isEmpty();
        assertThat(pinnedSmall).as("%s: true counts of 1 to 4 pinned to one value", who).isEmpty();
        assertThat((double) pinned / attack.size()).as("%s: fraction of cells pinned", who).isLessThan(0.001);
    }

    /** The relations a user knows between the tables they may ask for (over every level: unpublished cells are [0, ∞)). */
    private void relations(BoundsAttack attack) {
        List<String> types = new ArrayList<>(categories);
        types.add(ALL);
        Map<String, Map<String, Set<String>>> byLevel = new LinkedHashMap<>();
        for (String level : CrimeData.LEVELS) {
            byLevel.put(level, crime.areas(level));
        }
        List<String> areaCells = new ArrayList<>();   // "level|code"
        byLevel.forEach((level, areas) -> areas.keySet().forEach(code -> areaCells.add(level + "|" + code)));
        areaCells.add("outside|outside");
        for (String type : types) {
            for (Period period : periods) {
                String slice = "|" + type + "|" + period.name();
                for (String level : List.of("msoa", "ward", "district")) {
                    byLevel.get(level).forEach((code, lsoas) -> attack.relate(level + "|" + code + slice,
                            lsoas.stream().map(l -> "lsoa|" + l + slice).toList()));
                }
                for (String part : List.of("msoa", "ward")) {
                    byLevel.get("district").forEach((district, lsoas) -> {
                        List<String> inside = byLevel.get(part).entrySet().stream().filter(e -> lsoas.containsAll(e.getValue()))
                                .map(e -> part + "|" + e.getKey() + slice).toList();
                        long covered = byLevel.get(part).values().stream().filter(lsoas::containsAll).mapToLong(Set::size).sum();
                        if (covered == lsoas.size()) {
                            attack.relate("district|" + district + slice, inside);
                        }
                    });
                }
            }
        }
        for (String area : areaCells) {
            for (String type : types) {
                String prefix = area + "|" + type + "|";
                for (Period period : periods) {
                    if (period.months().size() > 1) {
                        attack.relate(prefix + period.name(), period.months().stream().map(m -> prefix + m).toList());
                    }
                }
                attack.relate(prefix + "2022", List.of(prefix + "Q1", prefix + "Q2", prefix + "Q3", prefix + "Q4"));
            }
            for (Period period : periods) {
                if (everyType) {   // all types = the sum of every type (not of a few)
                    attack.relate(area + "|" + ALL + "|" + period.name(), categories.stream().map(c -> area + "|" + c + "|" + period.name()).toList());
                }
            }
        }
        for (String type : categories) {
            List<String> parts = new ArrayList<>(byLevel.get("district").keySet().stream().map(d -> "district|" + d + "|" + type + "|2022").toList());
            parts.add("outside|outside|" + type + "|2022");
            attack.relate("total|" + type, parts);
        }
    }

    /**
     * Every cell the person may ask for, as published to them. Asking the API for all of them takes
     * ~1,000 requests of about a second each on a busy machine, so they are computed here the way the
     * server computes them — each cell's count and record-key sum from the events, perturbed by the
     * server's own {@link CellKeyPerturbation} — and a sample of tables is fetched through the API and
     * must match, cell for cell: one crime type and all types, a month, a quarter and the year, at
     * every level the person may see, with the outside count, and the type totals.
     */
    private Map<String, Long> published(String person) {
        return fetched.computeIfAbsent(person, name -> {
            Partnership.Person who = partnership.person(name);
            Protection protection = who.level() == Partnership.Level.PUBLIC ? new Protection(Protection.Tier.PUBLIC, 5)
                    : new Protection(Protection.Tier.AGGREGATE, 1);
            Map<String, Long> cells = computed(who.level().levels, protection);
            ApiClient client = who.client(port);
            List<String> mismatched = new ArrayList<>();
            for (String type : List.of(categories.get(0), ALL)) {
                for (Period period : List.of(periods.get(2), periods.get(13), periods.get(16))) {
                    String filter = (type.equals(ALL) ? "" : "&category=" + ApiClient.encode(type)) + "&from=" + period.from() + "&to=" + period.to();
                    for (String level : who.level().levels) {
                        JsonNode body = client.getJson("/api/datasets/" + crime.datasetId + "/counts?level=" + level + filter);
                        body.path("areas").forEach(a -> compare(mismatched, cells, level + "|" + a.path("code").asString() + "|" + type + "|"
                                + period.name(), a.path("count").asLong()));
                        compare(mismatched, cells, "outside|outside|" + type + "|" + period.name(), body.path("outside").path("count").asLong());
                    }
                }
            }
            client.getJson("/api/datasets/" + crime.datasetId + "/categories").path("categories")
                    .forEach(c -> compare(mismatched, cells, "total|" + c.path("code").asString(), c.path("count").asLong()));
            // indicators publish the very same cells, so the relations above cover them: a count indicator of the first
            // type over 2022, its values at every level the person may see, its series for one area of each level
            String type = categories.get(0);
            Map<String, String> periodByRange = new HashMap<>();
            periods.forEach(p -> periodByRange.put(p.from() + "|" + p.to(), p.name()));
            for (String level : who.level().levels) {
                JsonNode values = client.getJson("/api/indicators/" + indicator + "/values?level=" + level);
                values.path("areas").forEach(a -> compare(mismatched, cells, level + "|" + a.path("code").asString() + "|" + type + "|2022",
                        a.path("numerator").asLong()));
                String area = values.path("areas").get(0).path("code").asString();
                JsonNode series = client.getJson("/api/indicators/" + indicator + "/series?area=" + area);
                for (String granularity : List.of("months", "quarters", "years")) {
                    series.path(granularity).forEach(p -> {
                        String period = periodByRange.get(p.path("from").asString() + "|" + p.path("to").asString());
                        if (period != null) {   // a part-quarter at the end of the data is not a releasable period here
                            compare(mismatched, cells, level + "|" + area + "|" + type + "|" + period, p.path("numerator").asLong());
                        }
                    });
                }
            }
            assertThat(mismatched).as("%s: what the API published and what the harness computed", name).isEmpty();
            return cells;
        });
    }

    /** A count indicator of the first crime type over 2022 by LSOA, defined by the owner's analyst and shared. */
    private long definedIndicator() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", AdminApi.unique("Attack harness indicator"));
        body.put("datasetId", crime.datasetId);
        body.put("measure", "count");
        body.put("categories", List.of(categories.get(0)));
        body.put("from", "2022-01");
        body.put("to", "2022-12");
        body.put("level", "lsoa");
        ApiClient.Reply reply = partnership.person("police analyst").client(port).post("/api/indicators", body);
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        return reply.json().path("id").asLong();
    }

    private static void compare(List<String> mismatched, Map<String, Long> cells, String cell, long published) {
        if (cells.containsKey(cell) && cells.get(cell) != published) {
            mismatched.add(cell + ": API " + published + ", computed " + cells.get(cell));
        }
    }

    /** Every cell at the levels, for every type and all types, every period, the outside count and the totals, perturbed. */
    private Map<String, Long> computed(List<String> levels, Protection protection) {
        Map<String, long[]> sums = new HashMap<>();   // cell -> {count, keys}
        BiConsumer<String, long[]> add = (cell, v) -> {
            long[] s = sums.computeIfAbsent(cell, c -> new long[2]);
            s[0] += v[0];
            s[1] += v[1];
        };
        Map<String, Map<String, String>> areaOf = new HashMap<>();
        crime.lsoas.forEach(l -> areaOf.put(l.in("lsoa"), l.areas()));
        for (CrimeData.Lsoa lsoa : crime.lsoas) {
            for (String level : levels) {
                for (String type : types()) {
                    for (Period period : periods) {
                        sums.putIfAbsent(level + "|" + lsoa.in(level) + "|" + type + "|" + period.name(), new long[2]);
                    }
                }
            }
        }
        truthByLsoa.forEach((key, n) -> {
            String[] k = key.split("\\|");   // lsoa, category, month
            Map<String, String> areas = areaOf.get(k[0]);
            if (areas == null) {
                return;   // an area without a place in the hierarchy is counted nowhere (as the server does)
            }
            long[] v = {n, keysByLsoa.get(key)};
            for (String level : levels) {
                for (String type : List.of(k[1], ALL)) {
                    for (Period period : periods) {
                        if (period.months().contains(k[2])) {
                            add.accept(level + "|" + areas.get(level) + "|" + type + "|" + period.name(), v);
                        }
                    }
                }
            }
            add.accept("total|" + k[1], v);
        });
        for (String type : types()) {
            for (Period period : periods) {
                sums.putIfAbsent("outside|outside|" + type + "|" + period.name(), new long[2]);
            }
        }
        truthOutside.forEach((key, n) -> {
            String[] k = key.split("\\|");   // category, month
            long[] v = {n, keysOutside.get(key)};
            for (String type : List.of(k[0], ALL)) {
                for (Period period : periods) {
                    if (period.months().contains(k[1])) {
                        add.accept("outside|outside|" + type + "|" + period.name(), v);
                    }
                }
            }
            add.accept("total|" + k[0], v);
        });
        Map<String, Long> cells = new HashMap<>();
        sums.forEach((cell, v) -> {
            String type = cell.startsWith("total|") ? cell.substring(6) : cell.split("\\|")[2];
            if (type.equals(ALL) || categories.contains(type)) {
                cells.put(cell, perturbation.events(protection, v[0], v[1]));
            }
        });
        return cells;
    }

    private List<String> types() {
        List<String> types = new ArrayList<>(categories);
        types.add(ALL);
        return types;
    }

    /** The true count of every cell of the attack, from the database. */
    private Map<String, Long> truth(BoundsAttack attack) {
        Map<String, Map<String, String>> areaOf = new HashMap<>();
        crime.lsoas.forEach(l -> areaOf.put(l.in("lsoa"), l.areas()));
        Map<String, Long> truth = new HashMap<>();
        BiConsumer<String, Long> add = (cell, n) -> truth.merge(cell, n, Long::sum);
        for (int id = 0; id < attack.size(); id++) {
            truth.put(attack.name(id), 0L);
        }
        truthByLsoa.forEach((key, n) -> {
            String[] k = key.split("\\|");   // lsoa, category, month
            Map<String, String> areas = areaOf.get(k[0]);
            if (areas == null) {
                return;
            }
            for (String level : CrimeData.LEVELS) {
                for (String type : List.of(k[1], ALL)) {
                    for (Period period : periods) {
                        if (period.months().contains(k[2])) {
                            String cell = level + "|" + areas.get(level) + "|" + type + "|" + period.name();
                            if (truth.containsKey(cell)) {
                                add.accept(cell, n);
                            }
                        }
                    }
                }
            }
            add.accept("total|" + k[1], n);
        });
        truthOutside.forEach((key, n) -> {
            String[] k = key.split("\\|");
            for (String type : List.of(k[0], ALL)) {
                for (Period period : periods) {
                    if (period.months().contains(k[1])) {
                        add.accept("outside|outside|" + type + "|" + period.name(), n);
                    }
                }
            }
            add.accept("total|" + k[0], n);
        });
        return truth;
    }
}
