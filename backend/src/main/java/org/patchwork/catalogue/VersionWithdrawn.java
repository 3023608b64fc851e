package org.patchwork.catalogue;

/** A version of a dataset was withdrawn; the newest remaining published version, if any, is current now. */
public record VersionWithdrawn(long datasetId, int version) {
}
