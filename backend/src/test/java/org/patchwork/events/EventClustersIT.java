package org.patchwork.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.patchwork.AdminApi;
import org.patchwork.ApiClient;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The map's points for record-level viewers, on the real Merseyside street crime of 2022: every event of the
 * selection in the view is drawn, as a point or inside a cluster's count, at every zoom (never a first N).
 * The expected totals are counted here straight from table {@code event}, with the box tested on longitude
 * and latitude rather than by the server's spatial query.
 */
@PatchworkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventClustersIT {

    private static final String SLUG = "merseyside-street-crime-2022";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    long datasetId;
    String busiestMonth;
    double[] partnership;
    ApiClient owner;

    @BeforeAll
    void setUp() {
        datasetId = jdbc.sql("select id from dataset where slug = :slug").param("slug", SLUG).query(Long.class).single();
        busiestMonth = jdbc.sql("select to_char(month, 'YYYY-MM') from event e join dataset d on d.id = e.dataset_id "
                + "and d.current_version_id = e.version_id where d.id = :id group by month order by count(*) desc, month limit 1")
                .param("id", datasetId).query(String.class).single();
        partnership = jdbc.sql("select ST_XMin(b), ST_YMin(b), ST_XMax(b), ST_YMax(b) from "
                + "(select ST_Extent(ST_Transform(geom, 4326)) as b from area where level = 'district') x")
                .query((rs, n) -> new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)}).single();
        AdminApi admin = new AdminApi(port);
        owner = admin.user(admin.partnerId("Merseyside Police"), "analyst").basic(port);
    }

    /** Events of the selection whose longitude and latitude lie in the box, counted straight from the table. */
    private long truth(String category, String month, double[] box) {
        return jdbc.sql("""
                select count(*) from (select ST_Transform(e.geom, 4326) as p from event e join dataset d on d.id = e.dataset_id
                  and d.current_version_id = e.version_id where d.id = :id and to_char(e.month, 'YYYY-MM') = :month
                  and (cast(:category as text) is null or e.category = :category)) x
                where ST_X(p) between :w and :e and ST_Y(p) between :s and :n""")
                .param("id", datasetId).param("month", month).param("category", category)
                .param("w", box[0]).param("s", box[1]).param("e", box[2]).param("n", box[3]).query(Long.class).single();
    }

    private String bbox(double[] box) {
        return box[0] + "," + box[1] + "," + box[2] + "," + box[3];
    }

    private static long drawn(JsonNode body) {
        long sum = body.path("points").size();
        for (JsonNode cluster : body.path("clusters")) {
            assertThat(cluster.path("count").asLong()).as("a cluster holds two or more events").isGreaterThanOrEqualTo(2);
            sum += cluster.path("count").asLong();
        }
        return sum;
    }

    @Test
    void everyEventOfTheBusiestMonthIsDrawnAtEveryZoom() {
        long expected = truth(null, busiestMonth, partnership);
        long wholeMonth = jdbc.sql("select count(*) from event e join dataset d on d.id = e.dataset_id and d.current_version_id = e.version_id "
                + "where d.id = :id and to_char(e.month, 'YYYY-MM') = :month").param("id", datasetId).param("month", busiestMonth)
                .query(Long.class).single();
        System.out.printf("clusters: %s, %d events in the month, %d of them inside the partnership's box %s%n", busiestMonth, wholeMonth,
                expected, bbox(partnership));
        assertThat(expected).as("far more than the old cap of 5,000").isGreaterThan(10_000);
        for (int zoom : new int[] {8, 10, 12, 15}) {
            JsonNode body = owner.getJson("/api/datasets/" + datasetId + "/clusters?bbox=" + bbox(partnership) + "&zoom=" + zoom
                    + "&from=" + busiestMonth + "&to=" + busiestMonth);
            assertThat(body.path("total").asLong()).as("total at zoom %d", zoom).isEqualTo(expected);
            assertThat(drawn(body)).as("points plus cluster counts at zoom %d", zoom).isEqualTo(expected);
            assertThat(body.path("clustered").asBoolean()).isTrue();
        }
        JsonNode coarse = owner.getJson("/api/datasets/" + datasetId + "/clusters?bbox=" + bbox(partnership) + "&zoom=8&from="
                + busiestMonth + "&to=" + busiestMonth);
        JsonNode fine = owner.getJson("/api/datasets/" + datasetId + "/clusters?bbox=" + bbox(partnership) + "&zoom=15&from="
                + busiestMonth + "&to=" + busiestMonth);
        assertThat(fine.path("clusters").size() + fine.path("points").size()).as("more, smaller clusters further in")
                .isGreaterThan(coarse.path("clusters").size() + coarse.path("points").size());
    }

    @Test
    void aSmallSelectionComesAsItsEveryPoint() {
        String category = "Bicycle theft";
        long expected = truth(category, busiestMonth, partnership);
        assertThat(expected).isBetween(1L, (long) ClusterStore.POINT_BUDGET);
        JsonNode body = owner.getJson("/api/datasets/" + datasetId + "/clusters?bbox=" + bbox(partnership) + "&zoom=10&category="
                + ApiClient.encode(category) + "&from=" + busiestMonth + "&to=" + busiestMonth);
        assertThat(body.path("clustered").asBoolean()).isFalse();
        assertThat(body.path("points").size()).isEqualTo((int) expected);
        Set<Long> ids = new HashSet<>();
        body.path("points").forEach(p -> {
            ids.add(p.path("id").asLong());
            assertThat(p.path("category").asString()).isEqualTo(category);
            assertThat(p.path("month").asString()).isEqualTo(busiestMonth);
        });
        assertThat(ids).as("each event once").hasSize((int) expected);
    }

    @Test
    void aViewOfOneStreetHoldsOnlyItsEvents() {
        double[] centre = {-2.99, 53.40, -2.97, 53.41};   // Liverpool city centre
        long expected = truth(null, busiestMonth, centre);
        JsonNode body = owner.getJson("/api/datasets/" + datasetId + "/clusters?bbox=" + bbox(centre) + "&zoom=16&from="
                + busiestMonth + "&to=" + busiestMonth);
        assertThat(expected).isPositive();
        assertThat(drawn(body)).isEqualTo(expected);
        body.path("points").forEach(p -> assertThat(p.path("lon").asDouble()).isBetween(centre[0], centre[2]));
    }

    @Test
    void badBoxesAndZoomsAreProblems() {
        for (String bbox : new String[] {"1,2,3", "a,b,c,d", "-2,53,-3,54", "-3,54,-2,53", "NaN,1,2,3"}) {
            ApiClient.Reply reply = owner.get("/api/datasets/" + datasetId + "/clusters?bbox=" + bbox);
            assertThat(reply.status()).as(bbox).isEqualTo(400);
            assertThat(reply.json().path("type").asString()).as(bbox).isEqualTo("/problems/invalid-bbox");
        }
        ApiClient.Reply zoom = owner.get("/api/datasets/" + datasetId + "/clusters?zoom=99");
        assertThat(zoom.status()).isEqualTo(400);
        assertThat(zoom.json().path("type").asString()).isEqualTo("/problems/invalid-parameter");
        ApiClient.Reply month = owner.get("/api/datasets/" + datasetId + "/clusters?from=2022-13");
        assertThat(month.json().path("type").asString()).isEqualTo("/problems/invalid-parameter");
        assertThat(owner.get("/api/datasets/" + datasetId + "/clusters?bbox=170,10,175,20").json().path("total").asLong())
                .as("a view far from Great Britain holds nothing").isZero();
    }
}
