package org.patchwork.boundaries;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.patchwork.catalogue.DatasetCatalogue;
import org.patchwork.catalogue.LoadIssue;
import org.patchwork.catalogue.LoadSummary;
import org.patchwork.gdal.FileChecksum;
import org.patchwork.gdal.StagingTables;
import org.patchwork.gdal.StagingTables.StagedTable;
import org.patchwork.sql.SqlScripts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads a boundary file (Shapefile, GeoPackage, anything GDAL reads, in any CRS its .prj or header
 * names) into {@code area}, in EPSG:27700. Invalid polygons are repaired and reported; rows with no
 * code, a repeated code or no polygon are rejected and reported. All of it lands in one transaction.
 */
@Service
public class BoundaryLoader {

    private static final Logger log = LoggerFactory.getLogger(BoundaryLoader.class);
    private static final Pattern FIELD = Pattern.compile("[a-z_][a-z0-9_]*");

    private final StagingTables staging;
    private final DatasetCatalogue catalogue;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    BoundaryLoader(StagingTables staging, DatasetCatalogue catalogue, JdbcClient jdbc, TransactionTemplate transaction) {
        this.staging = staging;
        this.catalogue = catalogue;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    public LoadSummary load(BoundaryFile file) {
        requireField(file.codeField());
        if (file.nameField() != null) {
            requireField(file.nameField());
        }
        String sha = FileChecksum.sha256(file.path());
        StagedTable staged = staging.stage(file.path());
        try {
            LoadSummary summary = transaction.execute(status -> move(file, staged, sha));
            log.info("Loaded {} {} areas from {} (EPSG:{} detected): {} read, {} repaired, {} rejected",
                    summary.rowsLoaded(), file.level().id(), file.path().getFileName(), staged.sourceEpsg(),
                    summary.rowsRead(), summary.rowsRepaired(), summary.rowsRejected());
            return summary;
        } finally {
            staging.drop(staged);
        }
    }

    private LoadSummary move(BoundaryFile file, StagedTable staged, String sha) {
        long datasetId = catalogue.register(file.describe(sha, staged.sourceEpsg()));
        jdbc.sql(SqlScripts.load("boundaries/check_staged", Map.of(
                "staging", staged.name(),
                "code", file.codeField(),
                "name", file.nameField() == null ? "null" : file.nameField()))).update();
        List<LoadIssue> issues = new ArrayList<>();
        String fileName = file.path().getFileName().toString();
        jdbc.sql("select row_number, code, outcome, reason from checked_boundary where outcome is not null order by row_number")
                .query((rs, n) -> issues.add(new LoadIssue(fileName, rs.getLong("row_number"), file.codeField(),
                        rs.getString("code"), rs.getString("reason"),
                        LoadIssue.Outcome.valueOf(rs.getString("outcome").toUpperCase()))))
                .list();
        int loaded = jdbc.sql(SqlScripts.load("boundaries/upsert_areas"))
                .param("level", file.level().id()).param("dataset_id", datasetId).update();
        int repaired = (int) issues.stream().filter(i -> i.outcome() == LoadIssue.Outcome.REPAIRED).count();
        int rejected = (int) issues.stream().filter(i -> i.outcome() == LoadIssue.Outcome.REJECTED).count();
        catalogue.finish(datasetId, staged.rows(), loaded, repaired, rejected, issues);
        return new LoadSummary(datasetId, file.slug(), staged.rows(), loaded, repaired, rejected, false);
    }

    private static void requireField(String field) {
        if (!FIELD.matcher(field).matches()) {
            throw new IllegalArgumentException("Not a laundered field name: " + field);
        }
    }
}
