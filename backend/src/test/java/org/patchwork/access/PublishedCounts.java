package org.patchwork.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.patchwork.ApiClient.Reply;
import org.patchwork.disclosure.DisclosureProperties;
import tools.jackson.databind.JsonNode;

/**
 * The counts one response publishes, area code → cell, read from any of the output paths, and the check
 * that they obey the person's protection (exact, or cell-key perturbation) when compared with the true counts.
 */
final class PublishedCounts {

    /** One published cell: {@code count} is null when suppressed. */
    record Cell(Long count, boolean suppressed) {
    }

    /**
     * The protection a person's access level should apply: exact, or cell-key perturbation by at most
     * {@code maxAdjustment} with no positive count at or below {@code threshold}, then rounding. The
     * bounds come from the server's configuration (never printed by the tests).
     */
    record Rule(String access, int maxAdjustment, int threshold, int rounding) {
        static final Rule NONE = new Rule("record", 0, 0, 1);

        static Rule aggregate(DisclosureProperties properties) {
            return new Rule("aggregate", properties.aggregate().maxAdjustment(), properties.aggregate().threshold(), 1);
        }

        /** The public level: its own ptable, then the dataset's public rounding (5 unless its governance says otherwise). */
        static Rule publicLevel(DisclosureProperties properties) {
            return new Rule("public", properties.publicTier().maxAdjustment(), properties.publicTier().threshold(), 5);
        }

        boolean exact() {
            return maxAdjustment == 0;
        }

        /** How far a published value may be from the true one: the largest adjustment, then half the rounding. */
        long slack() {
            return maxAdjustment + rounding / 2;
        }

        /** Why {@code published} cannot be this rule's value of {@code truth}, or null when it can. */
        String wrong(long published, long truth) {
            if (exact()) {
                return published == truth ? null : "publishes " + published + " for a true " + truth;
            }
            if (published < 0 || published % rounding != 0) {
                return "publishes " + published + " (negative or not rounded)";
            }
            if (truth == 0 && published != 0) {
                return "publishes " + published + " for a true zero";
            }
            if (published >= 1 && published <= threshold) {
                return "publishes the small count " + published;
            }
            if (Math.abs(published - truth) > slack()) {
                return "publishes " + published + ", further from the true count than the method allows";
            }
            return null;
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

    /** An exported GeoJSON's features by their area code. */
    static Map<String, Cell> fromExport(JsonNode body) {
        Map<String, Cell> cells = new TreeMap<>();
        body.path("features").forEach(feature -> cells.put(feature.path("properties").path("code").asString(), cell(feature.path("properties"))));
        return cells;
    }

    static Cell cell(JsonNode node) {
        JsonNode count = node.path("count");
        return new Cell(count.isNumber() ? count.asLong() : null, node.path("suppressed").asBoolean());
    }

    /**
     * Every area is published with a number (nothing suppressed any more); each is its true count, or
     * under perturbation within the method's bounds: never negative, zeros stay zero, no positive count
     * at or below the threshold (so a true 1 to threshold is never shown as itself), rounded as the rule says.
     */
    static void assertProtected(String what, Map<String, Cell> published, Map<String, Long> truth, Rule rule) {
        assertThat(published.keySet()).as("%s: every area, and only those", what).isEqualTo(truth.keySet());
        List<String> wrong = new ArrayList<>();
        published.forEach((code, cell) -> {
            if (cell.suppressed() || cell.count() == null) {
                wrong.add(code + " has no number (suppressed " + cell.suppressed() + ")");
            } else {
                String why = rule.wrong(cell.count(), truth.get(code));
                if (why != null) {
                    wrong.add(code + " " + why);
                }
            }
        });
        assertThat(wrong).as("%s under %s access", what, rule.access()).isEmpty();
    }

    /** A count refused because its months are not one month, quarter, year or all (400 period-not-allowed). */
    static void assertPeriodRefused(String what, Reply reply) {
        assertThat(reply.status()).as("%s: %s", what, reply).isEqualTo(400);
        assertThat(reply.isProblem()).as(what).isTrue();
        assertThat(reply.json().path("type").asString()).as(what).isEqualTo("/problems/period-not-allowed");
    }
}
