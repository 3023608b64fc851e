package org.patchwork.boundaries;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
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
 * Loads IoD2019 File 6, the ONS mid-2015 population per LSOA 2011 (excluding prisoners), for the LSOAs
 * that are loaded. Rows for other LSOAs are counted and reported as not matching any area.
 */
@Service
public class PopulationLoader {

    static final String CODE = "LSOA code (2011)";
    static final String TOTAL = "Total population: mid 2015 (excluding prisoners)";
    static final String CHILDREN = "Dependent Children aged 0-15: mid 2015 (excluding prisoners)";
    static final String ADULTS = "Population aged 16-59: mid 2015 (excluding prisoners)";
    static final String OLDER = "Older population aged 60 and over: mid 2015 (excluding prisoners)";
    static final String WORKING = "Working age population 18-59/64: for use with Employment Deprivation Domain (excluding prisoners)";

    private final DatasetCatalogue catalogue;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    PopulationLoader(DatasetCatalogue catalogue, NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction) {
        this.catalogue = catalogue;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    public LoadSummary load(Path csv) {
        return load(csv, "population-mid2015");
    }

    /** The same, catalogued under {@code slug} (a later load for LSOAs added to the partnership's area). */
    public LoadSummary load(Path csv, String slug) {
        String sha = FileChecksum.sha256(csv);
        return transaction.execute(status -> {
            long datasetId = catalogue.register(NewDataset.openData(slug, "Population mid-2015 by LSOA (IoD2019 File 6)",
                    Theme.POPULATION, "MHCLG English Indices of Deprivation 2019, File 6 (ONS mid-2015 estimates)",
                    "Open Government Licence v3.0", "Loaded LSOAs 2011", java.time.LocalDate.of(2015, 6, 30),
                    java.time.LocalDate.of(2015, 6, 30), sha, null));
            Set<String> known = new HashSet<>(jdbc.getJdbcTemplate()
                    .queryForList("select code from area where level = 'lsoa'", String.class));
            List<MapSqlParameterSource> rows = new ArrayList<>();
            List<LoadIssue> issues = new ArrayList<>();
            String file = csv.getFileName().toString();
            long read = CsvFile.forEachRow(csv, List.of(CODE, TOTAL, CHILDREN, ADULTS, OLDER, WORKING), row -> {
                String code = row.get(CODE);
                if (!known.contains(code)) {
                    issues.add(new LoadIssue(file, row.number(), CODE, code, "LSOA code matches no loaded area", LoadIssue.Outcome.REJECTED));
                    return;
                }
                try {
                    rows.add(new MapSqlParameterSource().addValue("lsoa_code", code).addValue("dataset_id", datasetId)
                            .addValue("total", CsvFile.parseCount(row.get(TOTAL)))
                            .addValue("aged_0_15", CsvFile.parseCount(row.get(CHILDREN)))
                            .addValue("aged_16_59", CsvFile.parseCount(row.get(ADULTS)))
                            .addValue("aged_60_plus", CsvFile.parseCount(row.get(OLDER)))
                            .addValue("working_age", CsvFile.parseCount(row.get(WORKING))));
                } catch (NumberFormatException e) {
                    issues.add(new LoadIssue(file, row.number(), TOTAL, row.get(TOTAL), "not a whole number", LoadIssue.Outcome.REJECTED));
                }
            });
            jdbc.batchUpdate(SqlScripts.load("boundaries/upsert_population"), rows.toArray(MapSqlParameterSource[]::new));
            catalogue.finish(datasetId, (int) read, rows.size(), 0, issues.size(), issues);
            return new LoadSummary(datasetId, slug, (int) read, rows.size(), 0, issues.size(), false);
        });
    }
}
