package org.patchwork.catalogue;

/** One row a load repaired or could not use: where it was, what it held, and why. */
public record LoadIssue(String file, Long row, String column, String value, String reason, Outcome outcome) {

    public enum Outcome { REPAIRED, REJECTED }
}
