package org.patchwork.partnership;

/** A local authority district (2021) of the partnership's area. */
public record District(String code, String name) {
}
