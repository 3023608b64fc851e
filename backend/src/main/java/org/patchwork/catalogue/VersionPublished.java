package org.patchwork.catalogue;

/**
 * A version of a dataset was published and became current, inside the publishing transaction (listeners
 * that cache what a dataset holds should act after commit).
 */
public record VersionPublished(long datasetId, DatasetKind kind, long versionId, int version) {
}
