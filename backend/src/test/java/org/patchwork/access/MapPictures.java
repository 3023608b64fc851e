package org.patchwork.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.patchwork.ApiClient;
import org.patchwork.access.Partnership.Person;
import org.patchwork.access.PublishedCounts.Rule;

/**
 * The rows of {@link AccessMatrix} for map images and briefing pages ({@code /api/map-image}, {@code /api/briefing}) that
 * answer with a picture: read as bytes (PNG by ImageIO, PDF by PDFBox), never trusted from the code that drew them. A PDF
 * of counts says whether its counts are exact or protected, and a briefing's top areas table shows, for each area, exactly
 * the count the counts API gives the same person, which the rule allows for the true count.
 */
final class MapPictures {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /** A top-areas row as PDFBox reads it: name, the area's ONS code, its value as the briefing prints it (1,234), comparison. */
    private static final Pattern TOP_AREA = Pattern.compile("\\b(E0\\d{7})\\s+([\\d,]+)(?=\\s)");

    private MapPictures() {
    }

    static boolean isPicture(String target) {
        return target.startsWith("/api/map-image") || target.startsWith("/api/briefing");
    }

    /**
     * 200 with a readable PNG or PDF; with a {@code rule} (counts pictures), its disclosure note and top areas as above.
     * {@code truth}: the true counts by area code for the target's level and filter.
     */
    static void check(String what, Person person, int port, String target, Rule rule, Map<String, Long> truth, long datasetId) throws IOException {
        HttpResponse<byte[]> reply;
        try {
            reply = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + target))
                    .header("Authorization", ApiClient.basicHeader(person.user().username(), person.user().password())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        assertThat(reply.statusCode()).as("%s: %s", what, new String(reply.body(), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo(200);
        String type = reply.headers().firstValue("Content-Type").orElse("");
        assertThat(reply.headers().firstValue("Cache-Control")).as(what).hasValue("private, no-store");
        if (type.startsWith("image/png")) {
            BufferedImage image = ImageIO.read(new ByteArrayInputStream(reply.body()));
            assertThat(image).as(what).isNotNull();
            assertThat(rule).as("%s: counts are checked in PDFs", what).isNull();
            return;
        }
        assertThat(type).as(what).startsWith("application/pdf");
        String text;
        try (PDDocument document = Loader.loadPDF(reply.body())) {
            assertThat(document.getNumberOfPages()).as(what).isEqualTo(1);
            text = new PDFTextStripper().getText(document);
        }
        if (rule == null) {
            return;
        }
        assertThat(text).as(what).contains(rule.exact() ? "Exact counts" : "Counts are protected");
        if (!target.startsWith("/api/briefing")) {
            return;
        }
        String level = target.replaceAll(".*[?&]level=(\\w+).*", "$1");
        CrimeData.Filter filter = CrimeData.Filter.of(target);
        Map<String, PublishedCounts.Cell> published = PublishedCounts.fromApi(person.client(port)
                .getJson("/api/datasets/" + datasetId + "/counts?level=" + level + filter.query()), "areas");
        Matcher row = TOP_AREA.matcher(text);
        int rows = 0;
        while (row.find()) {
            String code = row.group(1);
            long shown = Long.parseLong(row.group(2).replace(",", ""));
            assertThat(published).as("%s: %s is an area of the level", what, code).containsKey(code);
            assertThat(shown).as("%s: %s as the counts API gives it", what, code).isEqualTo(published.get(code).count());
            assertThat(rule.wrong(shown, truth.getOrDefault(code, 0L))).as("%s: %s", what, code).isNull();
            rows++;
        }
        assertThat(rows).as("%s: the top areas table (%s)", what, List.of(text)).isPositive();
    }
}
