package org.patchwork.catalogue;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.patchwork.sql.SqlScripts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Registers and lists datasets. Loaders call {@link #register} and {@link #finish} inside the same
 * transaction as their rows, so a dataset is listed only when all of it is in.
 */
@Service
public class DatasetCatalogue {

    private final JdbcClient jdbc;
    private final int maxReportedIssues;

    DatasetCatalogue(JdbcClient jdbc, CatalogueProperties properties) {
        this.jdbc = jdbc;
        this.maxReportedIssues = properties.maxReportedIssues();
    }

    /** The dataset loaded under this slug, if any. */
    public Optional<Dataset> findBySlug(String slug) {
        return jdbc.sql(SqlScripts.load("catalogue/select") + " where d.slug = :slug")
                .param("slug", slug).query(Dataset.class).optional();
    }

    /** Inserts the catalogue record; call it in the same transaction as the rows it describes. */
    public long register(NewDataset dataset) {
        return jdbc.sql(SqlScripts.load("catalogue/insert"))
                .param("slug", dataset.slug()).param("title", dataset.title())
                .param("theme", dataset.theme().key()).param("source", dataset.source())
                .param("licence", dataset.licence()).param("coverage", dataset.coverage())
                .param("coverage_start", dataset.coverageStart()).param("coverage_end", dataset.coverageEnd())
                .param("sha", dataset.sourceSha256()).param("crs", dataset.sourceCrs())
                .param("owner", dataset.ownerPartnerId()).param("open_data", dataset.openData())
                .query(Long.class).single();
    }

    /** Sets the description and how often the dataset is updated, in its owner's words (either may be null). */
    public void describe(long datasetId, String description, String updateFrequency) {
        jdbc.sql("update dataset set description = :description, update_frequency = :frequency where id = :id")
                .param("description", description).param("frequency", updateFrequency).param("id", datasetId).update();
    }

    /** Records the final counts and up to the configured number of issue rows. */
    public void finish(long datasetId, int rowsRead, int rowsLoaded, int rowsRepaired, int rowsRejected,
                       List<LoadIssue> issues) {
        jdbc.sql("update dataset set rows_read = :read, rows_loaded = :loaded, rows_repaired = :repaired, "
                        + "rows_rejected = :rejected where id = :id")
                .param("read", rowsRead).param("loaded", rowsLoaded).param("repaired", rowsRepaired)
                .param("rejected", rowsRejected).param("id", datasetId).update();
        issues.stream().limit(maxReportedIssues).forEach(issue -> jdbc.sql(SqlScripts.load("catalogue/insert_issue"))
                .param("dataset", datasetId).param("file", issue.file()).param("row", issue.row())
                .param("column", issue.column()).param("value", issue.value()).param("reason", issue.reason())
                .param("outcome", issue.outcome().name().toLowerCase()).update());
    }

    /**
     * Records what loading a new version did: the counts, the load's issues (replacing the previous
     * load's), its coverage, when, and the CRS its file was read in.
     */
    public void recordLoad(long datasetId, int rowsRead, int rowsLoaded, int rowsRepaired, int rowsRejected, List<LoadIssue> issues,
                           LocalDate coverageStart, LocalDate coverageEnd, String sourceCrs) {
        jdbc.sql("delete from dataset_issue where dataset_id = :id").param("id", datasetId).update();
        finish(datasetId, rowsRead, rowsLoaded, rowsRepaired, rowsRejected, issues);
        jdbc.sql("update dataset set coverage_start = :start, coverage_end = :end, loaded_at = now(), source_crs = :crs where id = :id")
                .param("start", coverageStart).param("end", coverageEnd).param("crs", sourceCrs).param("id", datasetId).update();
    }

    /** What the dataset holds. */
    public DatasetKind kind(long datasetId) {
        String key = jdbc.sql("select kind from dataset where id = :id").param("id", datasetId).query(String.class).single();
        return DatasetKind.of(key).orElseThrow();
    }

    /** Remembers the column mapping (as JSON) confirmed for the dataset's latest upload, offered again for its next version. */
    public void rememberMapping(long datasetId, String mappingJson, String by) {
        jdbc.sql(SqlScripts.load("catalogue/remember_mapping")).param("id", datasetId).param("mapping", mappingJson).param("by", by).update();
    }

    public Optional<String> rememberedMapping(long datasetId) {
        return jdbc.sql("select mapping::text from column_mapping where dataset_id = :id").param("id", datasetId)
                .query(String.class).optional();
    }

    public List<Dataset> list() {
        return jdbc.sql(SqlScripts.load("catalogue/select") + " order by d.id").query(Dataset.class).list();
    }

    public Optional<Dataset> find(long id) {
        return jdbc.sql(SqlScripts.load("catalogue/select") + " where d.id = :id").param("id", id)
                .query(Dataset.class).optional();
    }

    public List<LoadIssue> issues(long datasetId) {
        return jdbc.sql("select file, row_number as \"row\", column_name as \"column\", value, reason, upper(outcome) as outcome "
                        + "from dataset_issue where dataset_id = :id order by id")
                .param("id", datasetId).query(LoadIssue.class).list();
    }
}
