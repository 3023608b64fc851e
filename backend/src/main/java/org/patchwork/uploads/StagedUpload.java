package org.patchwork.uploads;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

/** An upload being checked, as {@link KindPipeline}s see it. */
record StagedUpload(UUID job, UploadFiles.Prepared prepared, Inspector.Layer layer, UploadRequest request, ColumnMapping mapping,
                    UploadStaging staging, JobStore jobs) implements KindPipeline.Upload {

    private Path main() {
        return prepared.detected().mainFile();
    }

    @Override
    public String label() {
        return prepared.label(main());
    }

    @Override
    public String originalName() {
        return prepared.stored().originalName();
    }

    @Override
    public List<String> fields() {
        return layer.fields();
    }

    @Override
    public boolean hasOwnGeometry() {
        return prepared.detected().format().hasOwnGeometry() && layer.hasGeometry();
    }

    @Override
    public Integer requestedEpsg() {
        return request.epsg();
    }

    @Override
    public int ownEpsg() {
        return staging.ownEpsg(request, prepared, layer);
    }

    @Override
    public UploadStaging.Staged stage(Integer epsg) {
        return staging.stage(job, prepared, layer, epsg);
    }

    @Override
    public String checkedTable() {
        return UploadStaging.checkedTable(job);
    }

    @Override
    public String assignedTable() {
        return UploadStaging.assignedTable(job);
    }

    @Override
    public void runWithoutJit(String statement) {
        staging.withoutJit(statement);
    }

    @Override
    public void progress(String stage, int rows, int percent) {
        jobs.progress(job, stage, rows, percent);
    }
}
