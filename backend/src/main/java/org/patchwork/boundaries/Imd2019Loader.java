package org.patchwork.boundaries;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.patchwork.catalogue.DatasetCatalogue;
import org.patchwork.catalogue.DatasetKind;
import org.patchwork.catalogue.DatasetVersions;
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
 * Loads IMD 2019 File 1 (index rank and decile) and File 2 (the seven domains) for the loaded LSOAs.
 * Rows whose code matches no loaded LSOA, and values that are not whole numbers, are counted and reported.
 */
@Service
public class Imd2019Loader {

    private static final String CODE = "LSOA code (2011)";
    private static final String FILE1_RANK = "Index of Multiple Deprivation (IMD) Rank";
    private static final String FILE1_DECILE = "Index of Multiple Deprivation (IMD) Decile";
    private static final String SOURCE = "MHCLG English Indices of Deprivation 2019";
    private static final String LICENCE = "Open Government Licence v3.0";

    private final DatasetCatalogue catalogue;
    private final DatasetVersions versions;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;

    Imd2019Loader(DatasetCatalogue catalogue, DatasetVersions versions, NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction) {
        this.catalogue = catalogue;
        this.versions = versions;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    /** File 1: inserts the index rank and decile for each loaded LSOA. */
    public LoadSummary loadIndex(Path file1) {
        return loadIndex(file1, "imd2019-index");
    }

    /** File 1 catalogued under {@code slug} (a later load for LSOAs added to the partnership's area). */
    public LoadSummary loadIndex(Path file1, String slug) {
        NewDataset dataset = NewDataset.openData(slug, "Index of Multiple Deprivation 2019 (File 1)",
                Theme.DEPRIVATION, SOURCE + ", File 1", LICENCE, "England, LSOA 2011",
                LocalDate.of(2019, 9, 26), LocalDate.of(2019, 9, 26), FileChecksum.sha256(file1), null);
        return load(file1, dataset, List.of(CODE, FILE1_RANK, FILE1_DECILE), "boundaries/upsert_imd_index",
                (row, params) -> params.addValue("imd_rank", CsvFile.parseCount(row.get(FILE1_RANK)))
                        .addValue("imd_decile", CsvFile.parseCount(row.get(FILE1_DECILE))));
    }

    /** File 2: adds the seven domain ranks and deciles to the LSOAs File 1 loaded. */
    public LoadSummary loadDomains(Path file2) {
        return loadDomains(file2, "imd2019-domains");
    }

    /** File 2 catalogued under {@code slug} (a later load for LSOAs added to the partnership's area). */
    public LoadSummary loadDomains(Path file2, String slug) {
        NewDataset dataset = NewDataset.openData(slug, "Domains of Deprivation 2019 (File 2)",
                Theme.DEPRIVATION, SOURCE + ", File 2", LICENCE, "England, LSOA 2011",
                LocalDate.of(2019, 9, 26), LocalDate.of(2019, 9, 26), FileChecksum.sha256(file2), null);
        List<String> columns = new ArrayList<>(List.of(CODE));
        Arrays.stream(Imd2019Domain.values()).forEach(d -> {
            columns.add(d.rankColumnInFile2());
            columns.add(d.decileColumnInFile2());
        });
        return load(file2, dataset, columns, "boundaries/update_imd_domains", (row, params) -> {
            for (Imd2019Domain domain : Imd2019Domain.values()) {
                if (domain != Imd2019Domain.IMD) {
                    params.addValue(domain.column() + "_rank", CsvFile.parseCount(row.get(domain.rankColumnInFile2())));
                    params.addValue(domain.column() + "_decile", CsvFile.parseCount(row.get(domain.decileColumnInFile2())));
                }
            }
        });
    }

    /**
     * Publishes the loaded index and domains as an area-statistics dataset ({@code imd2019}): the same values by
     * LSOA code every other statistic travels as, so maps, profiles and indicators read IMD like any partner's
     * statistics.
     */
    public LoadSummary publishValues() {
        return transaction.execute(status -> {
            int rows = jdbc.getJdbcTemplate().queryForObject("select count(*) from imd2019 i join area a "
                    + "on a.level = 'lsoa' and a.code = i.lsoa_code", Integer.class);
            // the two source files' checksums, combined: a reload of either is a new source
            String sha = jdbc.getJdbcTemplate().queryForObject("select encode(sha256(convert_to(string_agg(source_sha256, ',' "
                    + "order by slug), 'UTF8')), 'hex') from dataset where slug in ('imd2019-index', 'imd2019-domains')", String.class);
            NewDataset dataset = NewDataset.openData("imd2019", "Indices of Deprivation 2019 by LSOA", Theme.DEPRIVATION,
                    SOURCE + ", Files 1 and 2", LICENCE, "England, LSOA 2011", LocalDate.of(2019, 9, 26), LocalDate.of(2019, 9, 26),
                    sha, null);
            long datasetId = catalogue.register(dataset);
            catalogue.describe(datasetId, "Rank (1 = most deprived of England's 32,844 LSOAs) and national decile of the Index of "
                    + "Multiple Deprivation 2019 and each of its seven domains, for every loaded LSOA.", "every few years");
            List<String> measures = new ArrayList<>();
            for (Imd2019Domain domain : Imd2019Domain.values()) {
                measures.add(domain.column() + "_rank");
                measures.add(domain.column() + "_decile");
            }
            DatasetVersions.Published published = versions.publish(new DatasetVersions.NewVersion(datasetId, sha,
                    "IoD2019 Files 1 and 2", "set-up"), DatasetKind.AREA_STATISTICS, "boundaries/publish_imd_values", "imd2019",
                    rows, 0, LocalDate.of(2019, 1, 1), LocalDate.of(2019, 12, 31),
                    new DatasetVersions.Measures("lsoa", measures, List.of()));
            catalogue.finish(datasetId, rows, published.rowsInserted(), 0, rows - published.rowsInserted(), List.of());
            return new LoadSummary(datasetId, dataset.slug(), rows, published.rowsInserted(), 0, rows - published.rowsInserted(), false);
        });
    }

    private interface RowValues {
        void addTo(CsvFile.Row row, MapSqlParameterSource params);
    }

    private LoadSummary load(Path csv, NewDataset dataset, List<String> columns, String sql, RowValues values) {
        return transaction.execute(status -> {
            long datasetId = catalogue.register(dataset);
            Set<String> known = new HashSet<>(jdbc.getJdbcTemplate()
                    .queryForList("select code from area where level = 'lsoa'", String.class));
            List<MapSqlParameterSource> rows = new ArrayList<>();
            List<LoadIssue> issues = new ArrayList<>();
            String file = csv.getFileName().toString();
            long read = CsvFile.forEachRow(csv, columns, row -> {
                String code = row.get(CODE);
                if (!known.contains(code)) {
                    issues.add(new LoadIssue(file, row.number(), CODE, code, "LSOA code matches no loaded area",
                            LoadIssue.Outcome.REJECTED));
                    return;
                }
                MapSqlParameterSource params = new MapSqlParameterSource("lsoa_code", code).addValue("dataset_id", datasetId);
                try {
                    values.addTo(row, params);
                    rows.add(params);
                } catch (NumberFormatException e) {
                    issues.add(new LoadIssue(file, row.number(), null, code, "a rank or decile is not a whole number",
                            LoadIssue.Outcome.REJECTED));
                }
            });
            int[] updated = jdbc.batchUpdate(SqlScripts.load(sql), rows.toArray(MapSqlParameterSource[]::new));
            int loaded = Arrays.stream(updated).map(n -> n > 0 ? 1 : 0).sum();
            catalogue.finish(datasetId, (int) read, loaded, 0, (int) read - loaded, issues);
            return new LoadSummary(datasetId, dataset.slug(), (int) read, loaded, 0, (int) read - loaded, false);
        });
    }
}
