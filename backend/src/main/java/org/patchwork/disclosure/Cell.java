package org.patchwork.disclosure;

/**
 * One published count. {@code count} is null when suppressed; {@code reason} says why
 * ("small count" for primary, "protects another suppressed count" for secondary suppression).
 */
public record Cell(String level, String code, Long count, boolean suppressed, String reason) {

    static Cell published(String level, String code, long count) {
        return new Cell(level, code, count, false, null);
    }

    static Cell suppressed(String level, String code, String reason) {
        return new Cell(level, code, null, true, reason);
    }
}
