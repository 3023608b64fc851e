package org.patchwork.uploads;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.patchwork.catalogue.DatasetKind;
import org.patchwork.catalogue.DatasetVersions;

/**
 * The steps one kind of dataset adds to an upload: checking the staged rows into the job's checked table,
 * each unusable row with its reason, column and value; and publishing the usable rows as a new version
 * inside the caller's transaction. Each kind implements it in its own package; the upload service finds
 * them by {@link #kind()}.
 */
public interface KindPipeline {

    DatasetKind kind();

    Checked check(Upload upload);

    DatasetVersions.Published publish(DatasetVersions.NewVersion version, Checked checked);

    /** Rows published with a change worth telling the uploader about (a repaired polygon); none by default. */
    default List<UploadRejected.FileError> notes(Checked checked) {
        return List.of();
    }

    /** What a pipeline may know of the upload it checks, and the staging steps it may take. */
    interface Upload {

        UUID job();

        /** The main file as reports name it: the upload's name, plus the path inside it for an archive. */
        String label();

        /** The name the file was uploaded under. */
        String originalName();

        /** The file's columns, as it names them. */
        List<String> fields();

        /** Whether the file carries its own geometry (a spatial format with geometry in its layer). */
        boolean hasOwnGeometry();

        ColumnMapping mapping();

        /** The EPSG code the uploader gave for the file's coordinates, if any. */
        Integer requestedEpsg();

        /** The EPSG code of the file's own geometry: the uploader's, or the one detected from the file (422 when unknown). */
        int ownEpsg();

        /** Copies the file into the job's raw scratch table; its own geometry in {@code epsg} (null: none). */
        UploadStaging.Staged stage(Integer epsg);

        /** The job's table of checked rows (a {@code reason} column, null for usable rows). */
        String checkedTable();

        /** A second scratch table of the job, dropped with the others. */
        String assignedTable();

        /** Runs one statement in its own transaction without PostgreSQL's JIT (which costs more than it saves here). */
        void runWithoutJit(String statement);

        void progress(String stage, int rows, int percent);
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
