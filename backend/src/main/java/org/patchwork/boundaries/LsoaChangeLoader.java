package org.patchwork.boundaries;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
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
 * Loads the ONS LSOA 2011 → 2021 lookup (columns lsoa11cd, chgind, lsoa21cd, lsoa21nm) for the whole of
 * England, so that statistics published on 2021 LSOAs can be brought onto the 2011 boundaries.
 */
@Service
public class LsoaChangeLoader {

    private static final List<String> COLUMNS = List.of("lsoa11cd", "chgind", "lsoa21cd", "lsoa21nm");
    private static final Set<String> CHANGES = Set.of("U", "S", "M", "X");

    private final DatasetCatalogue catalogue;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    LsoaChangeLoader(DatasetCatalogue catalogue, NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction) {
        this.catalogue = catalogue;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    public LoadSummary load(Path csv, String slug, String title, String source) {
        String sha = FileChecksum.sha256(csv);
        return transaction.execute(status -> {
            long datasetId = catalogue.register(NewDataset.openData(slug, title, Theme.BOUNDARIES, source,
                    "Open Government Licence v3.0", "England", null, null, sha, null));
            List<MapSqlParameterSource> rows = new ArrayList<>();
            List<LoadIssue> issues = new ArrayList<>();
            String file = csv.getFileName().toString();
            long read = CsvFile.forEachRow(csv, COLUMNS, row -> {
                if (row.get("lsoa11cd").isEmpty() || row.get("lsoa21cd").isEmpty()) {
                    issues.add(new LoadIssue(file, row.number(), "lsoa11cd", "", "empty code", LoadIssue.Outcome.REJECTED));
                } else if (!CHANGES.contains(row.get("chgind"))) {
                    issues.add(new LoadIssue(file, row.number(), "chgind", row.get("chgind"), "change is not one of U, S, M, X",
                            LoadIssue.Outcome.REJECTED));
                } else {
                    rows.add(new MapSqlParameterSource().addValue("lsoa11_code", row.get("lsoa11cd"))
                            .addValue("change", row.get("chgind")).addValue("lsoa21_code", row.get("lsoa21cd"))
                            .addValue("lsoa21_name", row.get("lsoa21nm")));
                }
            });
            jdbc.batchUpdate(SqlScripts.load("boundaries/upsert_lsoa_change"), rows.toArray(MapSqlParameterSource[]::new));
            catalogue.finish(datasetId, (int) read, rows.size(), 0, issues.size(), issues);
            return new LoadSummary(datasetId, slug, (int) read, rows.size(), 0, issues.size(), false);
        });
    }
}
