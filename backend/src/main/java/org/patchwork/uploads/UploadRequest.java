package org.patchwork.uploads;

import java.util.UUID;

/**
 * What to load: an upload, into a new dataset (datasetId null, with its metadata) or as a new version of
 * an existing one; the column mapping (null: the suggested one, or the one remembered for the dataset);
 * the EPSG code when the file does not say; and whether to publish the valid rows when some are rejected.
 */
public record UploadRequest(UUID uploadId, Long datasetId, Metadata metadata, ColumnMapping mapping, Integer epsg,
                            boolean publishValidRows, String createdBy, Long partnerId) {

    /** A new dataset's description; {@code slug} is made from the title when absent. */
    public record Metadata(String slug, String title, String theme, String description, String source, String licence,
                           String coverage, String updateFrequency) {
    }
}
