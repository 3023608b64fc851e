package org.patchwork.boundaries;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.patchwork.catalogue.DatasetCatalogue;
import org.patchwork.catalogue.LoadIssue;
import org.patchwork.catalogue.LoadSummary;
import org.patchwork.catalogue.NewDataset;
import org.patchwork.catalogue.Theme;
import org.patchwork.gdal.CsvFile;
import org.patchwork.gdal.FileChecksum;
import org.patchwork.sql.SqlScripts;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the ONS LSOA 2011 → MSOA 2011 → ward → district best-fit lookup (columns lsoa11cd, lsoa11nm,
 * msoa11cd, msoa11nm, wd17cd, optional wd17nm, lad21cd, lad21nm).
 */
@Service
public class HierarchyLoader {

    private static final List<String> COLUMNS =
            List.of("lsoa11cd", "lsoa11nm", "msoa11cd", "msoa11nm", "wd17cd", "lad21cd", "lad21nm");

    private final DatasetCatalogue catalogue;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    HierarchyLoader(DatasetCatalogue catalogue, NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction) {
        this.catalogue = catalogue;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    public LoadSummary load(Path csv, String slug, String title, String source, String coverage) {
        String sha = FileChecksum.sha256(csv);
        return transaction.execute(status -> {
            long datasetId = catalogue.register(NewDataset.openData(slug, title, Theme.BOUNDARIES, source,
                    "Open Government Licence v3.0", coverage, null, null, sha, null));
            List<MapSqlParameterSource> rows = new ArrayList<>();
            List<LoadIssue> issues = new ArrayList<>();
            String file = csv.getFileName().toString();
            long read = CsvFile.forEachRow(csv, COLUMNS, row -> {
                String missing = COLUMNS.stream().filter(c -> row.get(c).isEmpty()).findFirst().orElse(null);
                if (missing != null) {
                    issues.add(new LoadIssue(file, row.number(), missing, "", "empty code or name", LoadIssue.Outcome.REJECTED));
                    return;
                }
                String wardName = row.cells().isMapped("wd17nm") ? row.get("wd17nm") : "";
                rows.add(new MapSqlParameterSource()
                        .addValue("lsoa_code", row.get("lsoa11cd")).addValue("lsoa_name", row.get("lsoa11nm"))
                        .addValue("msoa_code", row.get("msoa11cd")).addValue("msoa_name", row.get("msoa11nm"))
                        .addValue("ward_code", row.get("wd17cd")).addValue("ward_name", wardName.isEmpty() ? null : wardName)
                        .addValue("lad_code", row.get("lad21cd")).addValue("lad_name", row.get("lad21nm")));
            });
            jdbc.batchUpdate(SqlScripts.load("boundaries/upsert_hierarchy"), rows.toArray(MapSqlParameterSource[]::new));
            catalogue.finish(datasetId, (int) read, rows.size(), 0, issues.size(), issues);
            return new LoadSummary(datasetId, slug, (int) read, rows.size(), 0, issues.size(), false);
        });
    }
}
