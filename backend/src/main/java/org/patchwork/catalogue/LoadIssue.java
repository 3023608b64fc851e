package org.patchwork.catalogue;

/** One row a load repaired or could not use: where it was, what it held, and why. */
public record LoadIssue(String file, Long row, String column, String value, String reason, Outcome outcome) {

    public enum Outcome { REPAIRED, REJECTED }

    /** The same issue without what the row held, for those who may not read record-level values. */
    public LoadIssue withoutValue() {
        return new LoadIssue(file, row, column, null, reason, outcome);
    }
}
