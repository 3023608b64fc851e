package org.patchwork.uploads;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.patchwork.catalogue.DatasetVersions;

/**
 * The steps one kind of dataset (point events, area statistics, polygons) adds to an upload: checking the
 * staged rows into the job's checked table, each unusable row with its reason, column and value; and
 * publishing the usable rows as a new version inside the caller's transaction.
 */
interface KindPipeline {

    String kind();

    Checked check(UUID job, UploadFiles.Prepared prepared, Inspector.Layer layer, UploadRequest request, ColumnMapping mapping,
                  Progress progress);

    DatasetVersions.Published publish(DatasetVersions.NewVersion version, Checked checked);

    /** Rows published with a change worth telling the uploader about (a repaired polygon); none by default. */
    default List<UploadRejected.FileError> notes(Checked checked) {
        return List.of();
    }

    interface Progress {
        void report(String stage, int rows, int percent);
    }

    /**
     * A checked upload: {@code table} holds every row with the reason it cannot be used (null: usable),
     * {@code rowsTable} the rows publishing reads (the same table, or one derived from it); rows in = usable
     * + rejected; what the result reports for this kind; and the EPSG code the file's coordinates were read
     * in (null: it has none).
     */
    record Checked(String table, String rowsTable, int rowsIn, int rejected, ColumnMapping mapping, Map<String, Object> details,
                   Integer sourceEpsg) {
    }
}
