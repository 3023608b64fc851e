package org.patchwork.mapimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
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
 * Server-side classes, map images and briefing pages on the real Merseyside 2022 street crime, as a police analyst
 * (record level), a council analyst (aggregates by LSOA: protected counts) and a partner with no agreement see them.
 * Images are read back with ImageIO and PDFBox, never trusted from the code that drew them.
 */
@PatchworkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MapImagesIT {

    static final String LIVERPOOL = "E08000012";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    AdminApi admin;
    long agreement;
    AdminApi.User policeUser;
    AdminApi.User councilUser;
    AdminApi.User strangerUser;
    long indicator;

    @BeforeAll
    void people() {
        admin = new AdminApi(port);
        long crime = jdbc.sql("select id from dataset where slug = 'merseyside-street-crime-2022'").query(Long.class).single();
        policeUser = admin.user(admin.partnerId("Merseyside Police"), "analyst");
        long councilId = admin.partner("Map image council", "council");
        LocalDate today = jdbc.sql("select current_date").query(LocalDate.class).single();
        agreement = admin.agreement(crime, today, today.plusDays(30), Recipient.partner(councilId, "aggregate", "lsoa"));
        councilUser = admin.user(councilId, "analyst");
        strangerUser = admin.user(admin.partner("Map image stranger", "voluntary"), "analyst");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Burglary per 1,000 residents, 2022");
        body.put("datasetId", crime);
        body.put("measure", "rate-per-1000");
        body.put("categories", List.of("Burglary"));
        body.put("from", "2022-01");
        body.put("to", "2022-12");
        body.put("level", "lsoa");
        ApiClient.Reply reply = policeUser.basic(port).post("/api/indicators", body);
        assertThat(reply.status()).as("%s", reply).isEqualTo(201);
        indicator = reply.json().path("id").asLong();
    }

    @AfterAll
    void withdraw() {
        admin.withdraw(agreement);
    }

    @Test
    void classesAreComputedFromExactlyTheValuesEachViewerSees() {
        Map<String, Double> policeValues = values(policeUser);
        Map<String, Double> councilValues = values(councilUser);
        assertThat(councilValues.keySet()).isEqualTo(policeValues.keySet());
        assertThat(councilValues.entrySet().stream().filter(e -> !java.util.Objects.equals(e.getValue(), policeValues.get(e.getKey()))))
                .as("the council sees protected counts, so some rates differ").isNotEmpty();
        for (AdminApi.User user : List.of(policeUser, councilUser)) {
            Map<String, Double> seen = user == policeUser ? policeValues : councilValues;
            JsonNode classes = user.basic(port).getJson("/api/indicators/" + indicator + "/classes?within=" + LIVERPOOL
                    + "&method=quantile&classes=5");
            // quantile breaks written out here: the values at 0-based positions floor(i·n/5) of the sorted values
            List<Double> sorted = seen.values().stream().filter(java.util.Objects::nonNull).sorted().toList();
            List<Double> expected = new ArrayList<>();
            for (int i = 1; i < 5; i++) {
                double b = sorted.get(i * sorted.size() / 5);
                if (b > sorted.get(0) && (expected.isEmpty() || b > expected.get(expected.size() - 1))) {
                    expected.add(b);
                }
            }
            assertThat(classes.path("breaks").valueStream().map(JsonNode::asDouble).toList()).as(user.username()).isEqualTo(expected);
            int[] counts = new int[expected.size() + 1];
            for (double v : sorted) {
                counts[(int) expected.stream().filter(b -> v >= b).count()]++;
            }
            assertThat(classes.path("classes").valueStream().mapToInt(c -> c.path("count").asInt()).toArray()).isEqualTo(counts);
            for (JsonNode area : classes.path("areas")) {
                assertThat(area.path("value").isNull() ? null : area.path("value").asDouble()).isEqualTo(seen.get(area.path("code").asString()));
            }
        }
    }

    @Test
    void aPngShowsTheServersLegendColoursAtTheSizeAsked() throws IOException {
        String query = "indicator=" + indicator + "&within=" + LIVERPOOL + "&method=natural-breaks&classes=5&palette=OrRd";
        HttpResponse<byte[]> first = get(policeUser, "/api/map-image?" + query + "&width=900&height=600");
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.headers().firstValue("Content-Type").orElse("")).startsWith("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(first.body()));
        assertThat(image.getWidth()).isEqualTo(900);
        assertThat(image.getHeight()).isEqualTo(600);
        Set<Integer> pixels = new HashSet<>();
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                pixels.add(image.getRGB(x, y) & 0xffffff);
            }
        }
        JsonNode classes = policeUser.basic(port).getJson("/api/indicators/" + indicator + "/classes?" + query);
        // ColorBrewer OrRd, 5 classes
        assertThat(classes.path("classes").valueStream().map(c -> c.path("colour").asString()).toList())
                .containsExactly("#fef0d9", "#fdcc8a", "#fc8d59", "#e34a33", "#b30000");
        for (JsonNode c : classes.path("classes")) {
            assertThat(pixels).as("legend colour " + c.path("colour").asString()).contains(Integer.parseInt(c.path("colour").asString().substring(1), 16));
        }
        HttpResponse<byte[]> again = get(policeUser, "/api/map-image?" + query + "&width=900&height=600");
        assertThat(again.body()).as("the same request gives the same picture").isEqualTo(first.body());
        assertThat(audited(policeUser.username(), "map-image")).isPositive();
    }

    @Test
    void aPdfCarriesTitleLegendLabelsDisclosureAndAttributionAsText() throws IOException {
        String query = "indicator=" + indicator + "&within=" + LIVERPOOL + "&method=equal-interval&classes=4&title=Burglary%20in%20Liverpool";
        for (AdminApi.User user : List.of(policeUser, councilUser)) {
            HttpResponse<byte[]> pdf = get(user, "/api/map-image?" + query + "&format=pdf");
            assertThat(pdf.statusCode()).isEqualTo(200);
            assertThat(pdf.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
            String text = text(pdf.body());
            assertThat(text).contains("Burglary in Liverpool", "Crown copyright", "Open Government Licence", "Made ");
            JsonNode classes = user.basic(port).getJson("/api/indicators/" + indicator + "/classes?" + query);
            for (JsonNode c : classes.path("classes")) {
                assertThat(text).contains(c.path("label").asString() + " (" + c.path("count").asInt() + ")");
            }
            assertThat(text).contains(user == policeUser ? "Exact counts" : "Counts are protected");
        }
    }

    @Test
    void theBriefingPageListsTheTopAreasAndTheMethod() throws IOException {
        HttpResponse<byte[]> pdf = get(policeUser, "/api/briefing?indicator=" + indicator + "&within=" + LIVERPOOL + "&collection=no-such-layer");
        assertThat(pdf.statusCode()).isEqualTo(200);
        try (PDDocument document = Loader.loadPDF(pdf.body())) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            assertThat(document.getPage(0).getMediaBox().getWidth()).isEqualTo(595.27563f, org.assertj.core.data.Offset.offset(0.01f));
        }
        String text = text(pdf.body());
        assertThat(text).contains("Top areas", "Method", "quantile", "Crown copyright").doesNotContain("Hotspots");
        Map<String, Double> values = values(policeUser);
        String top = values.entrySet().stream().filter(e -> e.getValue() != null)
                .max(Map.Entry.<String, Double>comparingByValue().thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
                .orElseThrow().getKey();
        assertThat(text).contains(top);
    }

    @Test
    void someoneWithoutAccessGetsNotFoundAndBadRequestsAreExplained() throws IOException {
        for (String target : List.of("/api/map-image?indicator=" + indicator, "/api/briefing?indicator=" + indicator,
                "/api/indicators/" + indicator + "/classes")) {
            HttpResponse<byte[]> reply = get(strangerUser, target);
            assertThat(reply.statusCode()).as(target).isEqualTo(404);
            assertThat(reply.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(new String(reply.body())).contains("/problems/unknown-indicator");
        }
        Map<String, String> bad = new LinkedHashMap<>();
        bad.put("&width=50", "invalid-parameter");
        bad.put("&bbox=1,2,3", "invalid-bbox");
        bad.put("&bbox=-2.9,53.5,-3.0,53.3", "invalid-bbox");
        bad.put("&method=kmeans", "invalid-parameter");
        bad.put("&classes=12", "invalid-parameter");
        bad.put("&palette=Spectral", "invalid-parameter");
        bad.put("&format=gif", "invalid-parameter");
        bad.put("&by=colour", "invalid-parameter");
        for (Map.Entry<String, String> b : bad.entrySet()) {
            HttpResponse<byte[]> reply = get(policeUser, "/api/map-image?indicator=" + indicator + b.getKey());
            assertThat(reply.statusCode()).as(b.getKey()).isEqualTo(400);
            assertThat(new String(reply.body())).as(b.getKey()).contains("/problems/" + b.getValue()).doesNotContain("Exception", "select ");
        }
        HttpResponse<byte[]> neither = get(policeUser, "/api/map-image");
        assertThat(neither.statusCode()).isEqualTo(400);
    }

    @Test
    void significanceClassesCountTheComparisonsTheValuesApiGives() {
        JsonNode values = policeUser.basic(port).getJson("/api/indicators/" + indicator + "/values?within=" + LIVERPOOL);
        Map<String, Integer> expected = new HashMap<>();
        values.path("areas").forEach(a -> expected.merge(a.path("comparison").path("partnership").asString(), 1, Integer::sum));
        JsonNode classes = policeUser.basic(port).getJson("/api/indicators/" + indicator + "/classes?within=" + LIVERPOOL
                + "&by=significance&comparator=partnership");
        assertThat(classes.path("kind").asString()).isEqualTo("significance");
        for (JsonNode c : classes.path("classes")) {
            assertThat(c.path("count").asInt()).as(c.path("key").asString()).isEqualTo(expected.getOrDefault(c.path("key").asString(), 0));
        }
        assertThat(classes.path("noData").path("count").asInt()).isEqualTo(expected.getOrDefault("not-compared", 0));
    }

    @Test
    void theCountsMapImageHasTheBreaksTheWebMapGetsForTheSameCounts() throws IOException {
        long crime = jdbc.sql("select id from dataset where slug = 'merseyside-street-crime-2022'").query(Long.class).single();
        String filter = "level=lsoa&category=Burglary&from=2022-01&to=2022-12";
        // what the web map does: the counts, then POST /api/classify with them (quantiles, BuPu, zeros apart)
        ApiClient council = councilUser.basic(port);
        List<Object> counts = new ArrayList<>();
        council.getJson("/api/datasets/" + crime + "/counts?" + filter).path("areas")
                .forEach(a -> counts.add(a.path("suppressed").asBoolean() || a.path("count").isNull() ? null : a.path("count").asLong()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("values", counts);
        body.put("method", "quantile");
        body.put("classes", 5);
        body.put("palette", "BuPu");
        body.put("zeroClass", true);
        JsonNode classes = council.postJson("/api/classify", body);
        HttpResponse<byte[]> pdf = get(councilUser, "/api/map-image?dataset=" + crime + "&" + filter
                + "&method=quantile&classes=5&palette=BuPu&zeroClass=true&format=pdf");
        assertThat(pdf.statusCode()).isEqualTo(200);
        String text = text(pdf.body());
        assertThat(classes.path("classes").size()).isGreaterThanOrEqualTo(3);
        for (JsonNode c : classes.path("classes")) {
            assertThat(text).contains(c.path("label").asString() + " (" + c.path("count").asInt() + ")");
        }
        assertThat(text).contains("Burglary", "Counts are protected");
        HttpResponse<byte[]> hidden = get(strangerUser, "/api/map-image?dataset=" + crime + "&" + filter);
        assertThat(hidden.statusCode()).isEqualTo(404);
        assertThat(new String(hidden.body())).contains("/problems/unknown-dataset");
    }

    @Test
    void theClassifyEndpointClassifiesTheValuesSent() {
        ApiClient client = policeUser.basic(port);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("values", java.util.Arrays.asList(10, 9, 8, 7, 6, 5, 4, 3, 2, 1, null));
        body.put("method", "quantile");
        body.put("classes", 5);
        JsonNode json = client.postJson("/api/classify", body);
        // hand-worked: positions floor(i·10/5) = 2, 4, 6, 8 of 1..10 hold 3, 5, 7, 9
        assertThat(json.path("breaks").valueStream().map(JsonNode::asDouble).toList()).containsExactly(3.0, 5.0, 7.0, 9.0);
        assertThat(json.path("assignments").valueStream().map(JsonNode::asInt).toList()).containsExactly(4, 4, 3, 3, 2, 2, 1, 1, 0, 0, -1);
        assertThat(json.path("noData").path("count").asInt()).isEqualTo(1);
        ApiClient.Reply bad = client.post("/api/classify", Map.of("values", List.of("x")));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.json().path("type").asString()).isEqualTo("/problems/invalid-request");
    }

    private Map<String, Double> values(AdminApi.User user) {
        Map<String, Double> values = new HashMap<>();
        user.basic(port).getJson("/api/indicators/" + indicator + "/values?within=" + LIVERPOOL).path("areas")
                .forEach(a -> values.put(a.path("code").asString(), a.path("value").isNull() ? null : a.path("value").asDouble()));
        return values;
    }

    private HttpResponse<byte[]> get(AdminApi.User user, String target) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + target))
                    .header("Authorization", ApiClient.basicHeader(user.username(), user.password())).GET().build();
            return HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    private long audited(String username, String action) {
        return jdbc.sql("select count(*) from audit_event where username = :user and action = :action")
                .param("user", username).param("action", action).query(Long.class).single();
    }
}
