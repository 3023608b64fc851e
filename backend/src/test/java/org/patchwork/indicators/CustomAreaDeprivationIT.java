package org.patchwork.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.patchwork.AdminApi;
import org.patchwork.ApiClient;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * A custom area's profile has what an LSOA's has, shaped for an area the IMD does not rank: per IMD 2019 domain, its
 * LSOAs and their mid-2015 residents by national decile and the shares in England's 10% and 20% most deprived (every
 * expected number counted here by SQL on {@code imd2019} and {@code lsoa_population}, grouped by decile), in the JSON
 * and the CSV; a spine over the partnership's LSOAs for a rate (not for a count); and, for an area spanning two
 * districts, no district comparator and a plain note that it has no single parent district. Anonymous visitors get
 * no custom area and so no deprivation either; each read is audited against the IMD dataset.
 */
@PatchworkIntegrationTest
class CustomAreaDeprivationIT {

    static final String LIVERPOOL = "E08000012";
    static final String SEFTON = "E08000014";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    List<String> lsoas(String district, int n) {
        return jdbc.sql("select h.lsoa_code from lsoa_hierarchy h join area a on a.level = 'lsoa' and a.code = h.lsoa_code "
                + "where h.lad_code = :lad order by h.lsoa_code desc limit :n").param("lad", district).param("n", n)
                .query(String.class).list();
    }

    /** Decile -> {LSOAs, residents} of the given LSOAs on one domain, by SQL on the source tables. */
    Map<Integer, long[]> byDecile(String domain, List<String> lsoas) {
        Map<Integer, long[]> rows = new java.util.TreeMap<>();
        jdbc.sql("select i." + domain + "_decile as decile, count(*) as lsoas, coalesce(sum(p.total), 0) as people from imd2019 i "
                        + "left join lsoa_population p on p.lsoa_code = i.lsoa_code "
                        + "where i.lsoa_code = any(cast(:codes as text[])) and i." + domain + "_decile is not null "
                        + "group by i." + domain + "_decile")
                .param("codes", lsoas.toArray(String[]::new))
                .query((rs, n) -> rows.put(rs.getInt("decile"), new long[] {rs.getLong("lsoas"), rs.getLong("people")})).list();
        return rows;
    }

    @Test
    void aCustomAreasProfileGivesEachImdDomainAsItsLsoasAndResidentsByDecileAsSqlCountsThem() throws Exception {
        AdminApi admin = new AdminApi(port);
        ApiClient police = admin.user(admin.partnerId("Merseyside Police"), "analyst").basic(port);
        long crime = jdbc.sql("select id from dataset where slug = 'merseyside-street-crime-2022'").query(Long.class).single();
        // the dataset the imd2019 table's rows belong to (the one the profile's read is checked and audited against)
        long imd = jdbc.sql("select distinct dataset_id from imd2019").query(Long.class).single();
        long rate = police.json(201, police.post("/api/indicators", Map.of("name", "Burglary per 1,000 (custom deciles)", "datasetId",
                crime, "measure", "rate-per-1000", "categories", List.of("Burglary"), "from", "2022-01", "to", "2022-12", "level", "lsoa")))
                .path("id").asLong();
        long count = police.json(201, police.post("/api/indicators", Map.of("name", "Burglaries (custom deciles)", "datasetId",
                crime, "measure", "count", "categories", List.of("Burglary"), "from", "2022-01", "to", "2022-12", "level", "lsoa")))
                .path("id").asLong();

        List<String> members = new ArrayList<>(lsoas(LIVERPOOL, 9));
        members.addAll(lsoas(SEFTON, 7));
        String code = police.postJson("/api/custom-areas", Map.of("name", "Across Liverpool and Sefton " + System.nanoTime(),
                "lsoas", members)).path("code").asString();
        JsonNode profile = police.getJson("/api/areas/" + code + "/profile");

        // two districts: no single parent, said plainly, and nothing compared with a district
        JsonNode area = profile.path("area");
        assertThat(absent(area.path("district"))).isTrue();
        assertThat(area.path("noParentDistrict").asString()).contains("2 districts", LIVERPOOL, SEFTON, "no single parent district");
        JsonNode rated = entry(profile, rate);
        assertThat(absent(rated.path("value").path("districtValue"))).isTrue();
        assertThat(rated.path("value").path("comparison").path("district").asString()).isEqualTo("not-compared");

        // the spine of a rate runs over the partnership's LSOAs (each loaded LSOA with residents has a rate)
        long lsoasWithPopulation = jdbc.sql("select count(*) from area a join lsoa_population p on p.lsoa_code = a.code "
                + "where a.level = 'lsoa' and p.total > 0").query(Long.class).single();
        assertThat(rated.path("spreadLevel").asString()).isEqualTo("lsoa");
        JsonNode spread = rated.path("spread");
        assertThat(spread.path("n").asLong()).isEqualTo(lsoasWithPopulation);
        double value = rated.path("value").path("value").asDouble();
        assertThat(value).isBetween(spread.path("min").asDouble(), spread.path("max").asDouble());
        assertThat(rated.path("value").path("partnershipValue").asDouble()).isBetween(spread.path("min").asDouble(),
                spread.path("max").asDouble());
        // a count is larger only because the area is: no spine
        assertThat(entry(profile, count).has("spread")).isFalse();

        // the deciles, domain by domain, as SQL counts them
        JsonNode deciles = profile.path("deprivationDeciles");
        long residents = jdbc.sql("select sum(total) from lsoa_population where lsoa_code = any(cast(:codes as text[]))")
                .param("codes", members.toArray(String[]::new)).query(Long.class).single();
        assertThat(deciles.path("lsoas").asInt()).isEqualTo(members.size());
        assertThat(deciles.path("population").asLong()).isEqualTo(residents);
        assertThat(deciles.path("lsoasWithoutImd").asLong()).isEqualTo(members.size() - jdbc.sql(
                "select count(*) from imd2019 where lsoa_code = any(cast(:codes as text[]))")
                .param("codes", members.toArray(String[]::new)).query(Long.class).single());
        List<String> domains = List.of("imd", "income", "employment", "education", "health", "crime", "housing", "living_environment");
        assertThat(deciles.path("domains").propertyNames()).containsExactlyElementsOf(domains);
        boolean spreadOut = false;
        for (String domain : domains) {
            Map<Integer, long[]> expected = byDecile(domain, members);
            JsonNode got = deciles.path("domains").path(domain);
            long ranked = expected.values().stream().mapToLong(r -> r[0]).sum();
            long people = expected.values().stream().mapToLong(r -> r[1]).sum();
            assertThat(got.path("lsoas").asLong()).as(domain).isEqualTo(ranked);
            assertThat(got.path("population").asLong()).as(domain).isEqualTo(people);
            assertThat(got.path("deciles")).hasSize(10);
            for (int d = 1; d <= 10; d++) {
                long[] row = expected.getOrDefault(d, new long[2]);
                JsonNode decile = got.path("deciles").get(d - 1);
                assertThat(decile.path("decile").asInt()).isEqualTo(d);
                assertThat(decile.path("lsoas").asLong()).as(domain + " decile " + d).isEqualTo(row[0]);
                assertThat(decile.path("population").asLong()).as(domain + " decile " + d).isEqualTo(row[1]);
            }
            long[] first = expected.getOrDefault(1, new long[2]);
            long[] second = expected.getOrDefault(2, new long[2]);
            JsonNode ten = got.path("mostDeprived10");
            assertThat(ten.path("lsoas").asLong()).isEqualTo(first[0]);
            assertThat(ten.path("population").asLong()).isEqualTo(first[1]);
            assertThat(ten.path("lsoaShare").asDouble()).isEqualTo((double) first[0] / ranked);
            assertThat(ten.path("populationShare").asDouble()).isEqualTo((double) first[1] / people);
            JsonNode twenty = got.path("mostDeprived20");
            assertThat(twenty.path("lsoas").asLong()).isEqualTo(first[0] + second[0]);
            assertThat(twenty.path("population").asLong()).isEqualTo(first[1] + second[1]);
            assertThat(twenty.path("lsoaShare").asDouble()).isEqualTo((double) (first[0] + second[0]) / ranked);
            assertThat(twenty.path("populationShare").asDouble()).isEqualTo((double) (first[1] + second[1]) / people);
            spreadOut |= expected.size() > 1;
        }
        assertThat(spreadOut).as("the area's LSOAs span several deciles on some domain, so the test tells deciles apart").isTrue();

        // the CSV says the same: ten decile rows and the two shares per domain
        ApiClient.Reply csv = police.get("/api/areas/" + code + "/profile?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv.body())).getRecords();
        Map<Integer, long[]> health = byDecile("health", members);
        List<CSVRecord> healthDeciles = rows.stream().filter(r -> r.get("kind").equals("imd2019-decile") && r.get("indicator")
                .equals("health")).toList();
        assertThat(healthDeciles).hasSize(10);
        for (CSVRecord row : healthDeciles) {
            long[] expected = health.getOrDefault(Integer.parseInt(row.get("decile")), new long[2]);
            assertThat(Long.parseLong(row.get("lsoas"))).isEqualTo(expected[0]);
            assertThat(Long.parseLong(row.get("population"))).isEqualTo(expected[1]);
            assertThat(row.get("area_code")).isEqualTo(code);
        }
        CSVRecord twenty = rows.stream().filter(r -> r.get("kind").equals("imd2019-most-deprived-20pc") && r.get("indicator")
                .equals("health")).findFirst().orElseThrow();
        long healthRanked = health.values().stream().mapToLong(r -> r[0]).sum();
        long healthTop = health.getOrDefault(1, new long[2])[0] + health.getOrDefault(2, new long[2])[0];
        assertThat(Long.parseLong(twenty.get("lsoas"))).isEqualTo(healthTop);
        assertThat(Double.parseDouble(twenty.get("lsoa_share"))).isEqualTo((double) healthTop / healthRanked);
        assertThat(rows.stream().filter(r -> r.get("kind").equals("indicator"))).hasSize(profile.path("indicators").size());

        // the read is audited against the IMD dataset, naming the custom area
        assertThat(jdbc.sql("select count(*) from audit_event where dataset_id = :d and output = 'area-profile' and detail = :detail")
                .param("d", imd).param("detail", "area=" + code + " imd-deciles").query(Long.class).single()).isGreaterThanOrEqualTo(2);

        // a custom area within one district is compared with it, and has no note
        String inLiverpool = police.postJson("/api/custom-areas", Map.of("name", "Within Liverpool " + System.nanoTime(),
                "lsoas", lsoas(LIVERPOOL, 9))).path("code").asString();
        JsonNode one = police.getJson("/api/areas/" + inLiverpool + "/profile");
        assertThat(one.path("area").path("district").asString()).isEqualTo(LIVERPOOL);
        assertThat(one.path("area").has("noParentDistrict")).isFalse();
        assertThat(entry(one, rate).path("value").path("districtValue").isNumber()).isTrue();

        // anonymous visitors have no custom areas, so no profile and no deprivation for one
        ApiClient.Reply anonymous = ApiClient.anonymous(port).get("/api/areas/" + code + "/profile");
        assertThat(anonymous.status()).isIn(401, 404);
        assertThat(anonymous.body()).doesNotContain("deprivationDeciles");
    }

    @Test
    void aViewerWhoseCountsStartAtWardsGetsTheCustomAreasValueWithItsSpineOverWardsAndNoRefusal() {
        AdminApi admin = new AdminApi(port);
        long crime = jdbc.sql("select id from dataset where slug = 'merseyside-street-crime-2022'").query(Long.class).single();
        long partner = admin.partner(AdminApi.unique("Ward-level council"), "council");
        java.time.LocalDate today = java.time.LocalDate.now();
        admin.agreement(crime, today, today.plusDays(30), AdminApi.Recipient.partner(partner, "aggregate", "ward"));
        AdminApi.User officer = admin.user(partner, "analyst");
        ApiClient council = officer.basic(port);
        long rate = council.json(201, council.post("/api/indicators", Map.of("name", "Burglary per 1,000 (ward-level viewer)", "datasetId",
                crime, "measure", "rate-per-1000", "categories", List.of("Burglary"), "from", "2022-01", "to", "2022-12", "level", "ward")))
                .path("id").asLong();
        // a whole ward (its agreement allows custom areas of whole wards), from the middle of Liverpool's LSOAs
        String ward = jdbc.sql("select h.ward_code from lsoa_hierarchy h join area a on a.level = 'lsoa' and a.code = h.lsoa_code "
                + "where h.lad_code = :lad order by h.lsoa_code offset 150 limit 1").param("lad", LIVERPOOL).query(String.class).single();
        List<String> members = jdbc.sql("select h.lsoa_code from lsoa_hierarchy h join area a on a.level = 'lsoa' and a.code = h.lsoa_code "
                + "where h.ward_code = :ward order by h.lsoa_code").param("ward", ward).query(String.class).list();
        String code = council.postJson("/api/custom-areas", Map.of("name", "Ward " + ward + " " + System.nanoTime(), "lsoas", members))
                .path("code").asString();

        JsonNode entry = entry(council.getJson("/api/areas/" + code + "/profile"), rate);
        assertThat(entry.has("unavailable")).as("%s", entry).isFalse();
        assertThat(entry.path("value").path("value").isNumber()).isTrue();
        assertThat(entry.path("spreadLevel").asString()).isEqualTo("ward");
        long wards = jdbc.sql("select count(*) from (select h.ward_code from lsoa_hierarchy h join area a on a.level = 'lsoa' "
                + "and a.code = h.lsoa_code join lsoa_population p on p.lsoa_code = h.lsoa_code group by h.ward_code "
                + "having sum(p.total) > 0) w").query(Long.class).single();
        assertThat(entry.path("spread").path("n").asLong()).isEqualTo(wards);
        assertThat(jdbc.sql("select count(*) from audit_event where username = :u and outcome = 'denied'")
                .param("u", officer.username()).query(Long.class).single()).as("nothing refused on the way").isZero();
    }

    /** Null, or left out of the JSON (nulls are not written). */
    private static boolean absent(JsonNode node) {
        return node.isNull() || node.isMissingNode();
    }

    private static JsonNode entry(JsonNode profile, long id) {
        for (JsonNode entry : profile.path("indicators")) {
            if (entry.path("indicator").path("id").asLong() == id) {
                return entry;
            }
        }
        throw new AssertionError("indicator " + id + " not in the profile");
    }
}
