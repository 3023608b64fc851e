package org.patchwork.events;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipFile;
import org.patchwork.catalogue.DatasetCatalogue;
import org.patchwork.catalogue.LoadIssue;
import org.patchwork.catalogue.LoadSummary;
import org.patchwork.catalogue.NewDataset;
import org.patchwork.catalogue.Theme;
import org.patchwork.ingest.FileChecksum;
import org.patchwork.ingest.IngestException;
import org.patchwork.ingest.StagingTables;
import org.patchwork.ingest.StagingTables.CsvSource;
import org.patchwork.ingest.StagingTables.StagedTable;
import org.patchwork.sql.SqlScripts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads a police.uk archive zip ({@code YYYY-MM/YYYY-MM-<force>-street.csv}, any number of months and
 * forces) as one dataset of street crimes owned by a partner. Rows without coordinates, month or crime
 * type are rejected and reported with their file and line; the rest land in one transaction.
 */
@Service
public class PoliceUkLoader {

    private static final Pattern STREET_FILE = Pattern.compile("(?:.*/)?(\\d{4}-\\d{2})/(\\d{4}-\\d{2}-[a-z0-9-]+-street)\\.csv");

    private final StagingTables staging;
    private final DatasetCatalogue catalogue;
    private final JdbcClient jdbc;
    private final TransactionTemplate transaction;

    PoliceUkLoader(StagingTables staging, DatasetCatalogue catalogue, JdbcClient jdbc, TransactionTemplate transaction) {
        this.staging = staging;
        this.catalogue = catalogue;
        this.jdbc = jdbc;
        this.transaction = transaction;
    }

    public LoadSummary load(Path zip, String slug, String title, long ownerPartnerId) {
        List<CsvSource> sources = streetFiles(zip);
        StagedTable staged = staging.stageCsvPoints(sources, "Longitude", "Latitude");
        try {
            return transaction.execute(status -> move(zip, slug, title, ownerPartnerId, staged));
        } finally {
            staging.drop(staged);
        }
    }

    private LoadSummary move(Path zip, String slug, String title, long owner, StagedTable staged) {
        Map<String, Object> months = jdbc.sql("select min(month) as first, max(month) as last from " + staged.name()
                + " where month ~ '^\\d{4}-\\d{2}$'").query().singleRow();
        long datasetId = catalogue.register(new NewDataset(slug, title, Theme.CRIME, "data.police.uk street-level crime",
                "Open Government Licence v3.0", "Merseyside Police force area", monthStart(months.get("first")),
                monthEnd(months.get("last")), FileChecksum.sha256(zip), "EPSG:4326", owner, false));
        Map<String, String> placeholders = Map.of("staging", staged.name());
        List<LoadIssue> issues = new ArrayList<>();
        jdbc.sql(SqlScripts.load("events/rejected_rows", placeholders)).query((rs, n) -> issues.add(new LoadIssue(
                rs.getString("source_file"), rs.getLong("line"), rs.getString("column_name"), rs.getString("value"),
                rs.getString("reason"), LoadIssue.Outcome.REJECTED))).list();
        int loaded = jdbc.sql(SqlScripts.load("events/insert_police_uk", placeholders)).param("dataset_id", datasetId).update();
        int rejected = staged.rows() - loaded;
        if (rejected != issues.size()) {
            throw new IllegalStateException("Rejected " + rejected + " rows but explained " + issues.size());
        }
        catalogue.finish(datasetId, staged.rows(), loaded, 0, rejected, issues);
        return new LoadSummary(datasetId, slug, staged.rows(), loaded, 0, rejected, false);
    }

    /** The street-crime CSVs in the archive, as GDAL paths, in month order. */
    static List<CsvSource> streetFiles(Path zip) {
        List<CsvSource> sources = new ArrayList<>();
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            archive.stream().forEach(entry -> {
                var match = STREET_FILE.matcher(entry.getName());
                if (!entry.isDirectory() && match.matches()) {
                    sources.add(new CsvSource("/vsizip/" + zip.toAbsolutePath() + "/" + entry.getName(), match.group(2),
                            match.group(1) + "/" + match.group(2) + ".csv"));
                }
            });
        } catch (IOException e) {
            throw new IngestException(zip.getFileName() + " is not a readable zip archive", e);
        }
        if (sources.isEmpty()) {
            throw new IngestException(zip.getFileName() + " holds no police.uk street files (YYYY-MM/YYYY-MM-<force>-street.csv)");
        }
        sources.sort(java.util.Comparator.comparing(CsvSource::label));
        return Collections.unmodifiableList(sources);
    }

    private static LocalDate monthStart(Object month) {
        return month == null ? null : LocalDate.parse(month + "-01");
    }

    private static LocalDate monthEnd(Object month) {
        return month == null ? null : java.time.YearMonth.parse(month.toString()).atEndOfMonth();
    }
}
