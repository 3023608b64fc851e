package org.patchwork.catalogue;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.patchwork.sql.SqlScripts;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Versions of a partner's dataset, of any kind (events, area statistics, polygons). A version is published
 * in one transaction with its rows and becomes the dataset's current version at commit, so readers see the
 * previous version until the new one is whole, and a failure or crash leaves no trace of it.
 */
@Service
public class DatasetVersions {

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;

    DatasetVersions(JdbcClient jdbc, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.events = events;
    }

    /** A version about to be published; {@code sourceCrs} (e.g. "EPSG:27700") is the CRS its file was read in, if known. */
    public record NewVersion(long datasetId, String sourceSha256, String fileName, String createdBy, String sourceCrs) {
        public NewVersion(long datasetId, String sourceSha256, String fileName, String createdBy) {
            this(datasetId, sourceSha256, fileName, createdBy, null);
        }
    }

    /** A published version: rows published counts the file's rows used; rows inserted the rows stored (areas, polygons, events). */
    public record Published(long versionId, int version, int rowsPublished, int rowsInserted, LocalDate coverageStart,
                            LocalDate coverageEnd) {
    }

    public record VersionRow(long id, int version, String status, String sourceSha256, String fileName, int rowsIn,
                             int rowsPublished, int rowsRejected, LocalDate coverageStart, LocalDate coverageEnd,
                             String createdBy, OffsetDateTime publishedAt, OffsetDateTime withdrawnAt, boolean current,
                             String sourceCrs) {
    }

    /** What an area-statistics version holds: the level of its areas, its measures, and which of them are counts. */
    public record Measures(String level, List<String> measures, List<String> counts) {
    }

    /**
     * Publishes a new version of a dataset of any kind: the version row, its rows (copied from
     * {@code checkedTable} by the SQL script {@code publishScript}, given :dataset_id and :version_id),
     * and the switch of the dataset's current version; then tells the kinds ({@link VersionPublished}).
     * Must run inside the caller's transaction, so the version appears whole at commit or not at all.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Published publish(NewVersion version, DatasetKind kind, String publishScript, String checkedTable, int rowsIn,
                             int rowsRejected, LocalDate coverageStart, LocalDate coverageEnd) {
        return publish(version, kind, publishScript, checkedTable, rowsIn, rowsRejected, coverageStart, coverageEnd, null);
    }

    /** As above, for a version with measures by area ({@code measures} null: none). */
    @Transactional(propagation = Propagation.MANDATORY)
    public Published publish(NewVersion version, DatasetKind kind, String publishScript, String checkedTable, int rowsIn,
                             int rowsRejected, LocalDate coverageStart, LocalDate coverageEnd, Measures measures) {
        int next = jdbc.sql("select coalesce(max(version), 0) + 1 from dataset_version where dataset_id = :id")
                .param("id", version.datasetId()).query(Integer.class).single();
        long versionId = jdbc.sql(SqlScripts.load("catalogue/insert_version"))
                .param("dataset_id", version.datasetId()).param("version", next).param("sha", version.sourceSha256())
                .param("file_name", version.fileName()).param("rows_in", rowsIn).param("rows_published", rowsIn - rowsRejected)
                .param("rows_rejected", rowsRejected).param("first", coverageStart).param("last", coverageEnd)
                .param("created_by", version.createdBy()).param("source_crs", version.sourceCrs())
                .param("area_level", measures == null ? null : measures.level())
                .param("measures", measures == null ? null : measures.measures().toArray(String[]::new))
                .param("count_measures", measures == null ? null : measures.counts().toArray(String[]::new))
                .query(Long.class).single();
        int inserted = jdbc.sql(SqlScripts.load(publishScript, Map.of("checked", checkedTable)))
                .param("dataset_id", version.datasetId()).param("version_id", versionId).update();
        jdbc.sql("update dataset set current_version_id = :version_id, kind = :kind where id = :dataset_id")
                .param("version_id", versionId).param("kind", kind.key()).param("dataset_id", version.datasetId()).update();
        events.publishEvent(new VersionPublished(version.datasetId(), kind, versionId, next));
        return new Published(versionId, next, rowsIn - rowsRejected, inserted, coverageStart, coverageEnd);
    }

    public List<VersionRow> versions(long datasetId) {
        return jdbc.sql(SqlScripts.load("catalogue/versions")).param("dataset_id", datasetId).query(VersionRow.class).list();
    }

    /** The published version loaded from exactly these bytes, if any (a re-upload of the same file). */
    public Optional<VersionRow> findBySource(long datasetId, String sourceSha256) {
        return versions(datasetId).stream()
                .filter(v -> v.sourceSha256().equals(sourceSha256) && v.status().equals("published")).findFirst();
    }

    /**
     * Withdraws a version; if it was current, the newest remaining published version becomes current and the
     * dataset's summary (rows, period, when loaded, source CRS) describes that one, or no load when none is left.
     */
    @Transactional
    public boolean withdraw(long datasetId, int version) {
        int changed = jdbc.sql("update dataset_version set status = 'withdrawn', withdrawn_at = now() "
                        + "where dataset_id = :dataset_id and version = :version and status = 'published'")
                .param("dataset_id", datasetId).param("version", version).update();
        if (changed == 1) {
            jdbc.sql(SqlScripts.load("catalogue/reset_current_version")).param("dataset_id", datasetId).update();
            events.publishEvent(new VersionWithdrawn(datasetId, version));
        }
        return changed == 1;
    }
}
