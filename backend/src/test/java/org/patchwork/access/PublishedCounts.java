package org.patchwork.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.patchwork.ApiClient.Reply;
import tools.jackson.databind.JsonNode;

/**
 * The counts one response publishes, area code → cell, read from any of the output paths, and the check
 * that they obey a disclosure rule when compared with the true counts.
 */
final class PublishedCounts {

    /** One published cell: {@code count} is null when suppressed. */
    record Cell(Long count, boolean suppressed) {
    }

    /** The rule a person's access level should apply. */
    record Rule(String access, int maxSuppressed, int rounding) {
        static final Rule NONE = new Rule("record", 0, 1);
        static final Rule AGGREGATE = new Rule("aggregate", 4, 1);
        static final Rule PUBLIC = new Rule("public", 7, 5);

        long round(long count) {
            return Math.round((double) count / rounding) * rounding;
        }
    }

    private PublishedCounts() {
    }

    /** From {@code /api/datasets/{id}/counts} ("areas") or {@code /categories} ("categories"). */
    static Map<String, Cell> fromApi(JsonNode body, String field) {
        Map<String, Cell> cells = new TreeMap<>();
        body.path(field).forEach(area -> cells.put(area.path("code").asString(), cell(area)));
        return cells;
    }

    /** From the items of an OGC count collection (GeoJSON features). */
    static Map<String, Cell> fromOgc(JsonNode body) {
        Map<String, Cell> cells = new TreeMap<>();
        body.path("features").forEach(feature -> cells.put(feature.path("id").asString(), cell(feature.path("properties"))));
        return cells;
    }

    static Cell cell(JsonNode node) {
        JsonNode count = node.path("count");
        return new Cell(count.isNumber() ? count.asLong() : null, node.path("suppressed").asBoolean());
    }

    /**
     * Every area is published; published counts are the true counts, rounded by the rule, and never a
     * small count; suppressed counts are null with suppressed=true (never 0, never a number).
     */
    static void assertProtected(String what, Map<String, Cell> published, Map<String, Long> truth, Rule rule) {
        assertThat(published.keySet()).as("%s: every area, and only those", what).isEqualTo(truth.keySet());
        List<String> wrong = new ArrayList<>();
        published.forEach((code, cell) -> {
            long real = truth.get(code);
            if (cell.suppressed()) {
                if (cell.count() != null) {
                    wrong.add(code + " is suppressed but shows " + cell.count());
                } else if (rule.maxSuppressed() == 0) {
                    wrong.add(code + " is suppressed for a person with record access");
                } else if (real == 0) {
                    wrong.add(code + " hides a true zero (suppression should protect small non-zero counts)");
                }
            } else if (cell.count() == null) {
                wrong.add(code + " is neither published nor marked suppressed");
            } else if (real >= 1 && real <= rule.maxSuppressed()) {
                wrong.add(code + " publishes the small count " + cell.count() + " (true " + real + ")");
            } else if (cell.count() != rule.round(real)) {
                wrong.add(code + " publishes " + cell.count() + " for a true " + real);
            }
        });
        assertThat(wrong).as("%s under rule %s", what, rule).isEmpty();
    }

    /** Margins (category totals, the outside count) withheld from protected access: listed, never with a number. */
    static void assertWithheld(String what, Map<String, Cell> published, Set<String> expected) {
        assertThat(published.keySet()).as("%s: every one listed", what).isEqualTo(expected);
        assertThat(published).as("%s: none with a number", what).allSatisfy((code, cell) -> {
            assertThat(cell.count()).as("%s %s", what, code).isNull();
            assertThat(cell.suppressed()).as("%s %s", what, code).isTrue();
        });
    }

    /** Under disclosure control a count table over more than one category and month is refused (400). */
    static void assertSingleSliceRequired(String what, Reply reply) {
        assertThat(reply.status()).as("%s: %s", what, reply).isEqualTo(400);
        assertThat(reply.isProblem()).as(what).isTrue();
        assertThat(reply.json().path("type").asString()).as(what).isEqualTo("/problems/single-slice-required");
    }
}
