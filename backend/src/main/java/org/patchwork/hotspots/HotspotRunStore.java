package org.patchwork.hotspots;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.patchwork.sql.SqlScripts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.ObjectMapper;

/** Hotspot runs and their features in the database. */
@Repository
class HotspotRunStore {

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    HotspotRunStore(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    long insert(HotspotRequest request, String basis, String geography, Long rerunOf, String createdBy, Long partnerId) {
        return jdbc.sql(SqlScripts.load("hotspots/insert_run")).param("dataset_id", request.datasetId())
                .param("categories", HotspotData.textArray(request.categories()))
                .param("from_month", request.from().atDay(1)).param("to_month", request.to().atDay(1))
                .param("method", request.method()).param("parameters", json.writeValueAsString(request.parametersJson()))
                .param("basis", basis).param("geography", geography).param("rerun_of", rerunOf)
                .param("created_by", createdBy).param("partner_id", partnerId).query(Long.class).single();
    }

    Optional<HotspotRun> find(long id) {
        return select(id, null).stream().findFirst();
    }

    List<HotspotRun> list(Long datasetId) {
        return select(null, datasetId);
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void progress(long id, String stage, int percent) {
        jdbc.sql("update hotspot_run set state = 'running', stage = :stage, percent = :percent where id = :id")
                .param("stage", stage).param("percent", percent).param("id", id).update();
    }

    /** Saves the layer's features, its result and surface, and marks the run succeeded, all in one transaction. */
    @Transactional
    void succeed(long id, List<HotspotMethods.Feature> features, Map<String, Object> result, byte[] surface) {
        int n = 0;
        for (HotspotMethods.Feature f : features) {
            n++;
            if (f.kind().equals("kde-class")) {
                jdbc.sql(SqlScripts.load("hotspots/insert_kde_class")).param("run_id", id).param("id", n).param("label", f.label())
                        .param("events", f.events()).param("density", f.density()).param("class", f.cls())
                        .param("size", f.size()).param("xs", f.cornersX()).param("ys", f.cornersY()).update();
            } else if (f.kind().equals("grid-cell")) {
                jdbc.sql(SqlScripts.load("hotspots/insert_cell")).param("run_id", id).param("id", n).param("label", f.label())
                        .param("events", f.events()).param("z", f.z()).param("p", f.p()).param("p_adjusted", f.pAdjusted())
                        .param("class", f.cls()).param("hotspot", f.hotspot()).param("wkt", f.wkt()).update();
            } else {
                jdbc.sql(SqlScripts.load("hotspots/insert_area")).param("run_id", id).param("id", n).param("level", f.level())
                        .param("code", f.code()).param("events", f.events()).param("z", f.z()).param("p", f.p())
                        .param("p_adjusted", f.pAdjusted()).param("class", f.cls()).param("hotspot", f.hotspot()).update();
            }
        }
        jdbc.sql("update hotspot_run set state = 'succeeded', stage = 'done', percent = 100, result = cast(:result as jsonb), "
                        + "surface = :surface, finished_at = now() where id = :id")
                .param("result", json.writeValueAsString(result)).param("surface", surface).param("id", id).update();
    }

    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void fail(long id, Map<String, Object> problem) {
        jdbc.sql("update hotspot_run set state = 'failed', stage = 'failed', problem = cast(:problem as jsonb), finished_at = now() "
                + "where id = :id").param("problem", json.writeValueAsString(problem)).param("id", id).update();
    }

    /** Runs a stopped server left queued or running: they will never finish, so they are marked failed. */
    int failInterrupted() {
        return jdbc.sql("update hotspot_run set state = 'failed', stage = 'failed', finished_at = now(), problem = cast(:problem as jsonb) "
                        + "where state in ('queued', 'running')")
                .param("problem", "{\"type\":\"/problems/job-interrupted\",\"title\":\"Job interrupted\",\"status\":500,"
                        + "\"detail\":\"The run was interrupted (the server stopped). Run it again.\"}").update();
    }

    Optional<byte[]> surface(long id) {
        return jdbc.sql("select surface from hotspot_run where id = :id and surface is not null").param("id", id)
                .query(byte[].class).optional();
    }

    /** A KDE run's classes and their lower bounds (none for other methods). */
    List<HeatSurfaceImage.Threshold> kdeThresholds(long id) {
        return jdbc.sql(SqlScripts.load("hotspots/kde_thresholds")).param("run", id)
                .query((rs, n) -> new HeatSurfaceImage.Threshold(rs.getInt("hotspot_class"), rs.getDouble("density"))).list();
    }

    private List<HotspotRun> select(Long id, Long datasetId) {
        return jdbc.sql(SqlScripts.load("hotspots/select_runs")).param("id", id).param("dataset_id", datasetId)
                .query((rs, n) -> new HotspotRun(rs.getLong("id"), rs.getLong("dataset_id"), rs.getString("dataset_title"),
                        rs.getLong("version_id"), rs.getInt("version"), strings(rs.getArray("categories")),
                        rs.getObject("from_month", java.time.LocalDate.class), rs.getObject("to_month", java.time.LocalDate.class),
                        rs.getString("method"), map(rs, "parameters"), rs.getString("basis"), rs.getString("geography"),
                        (Long) rs.getObject("rerun_of"), rs.getString("created_by"), (Long) rs.getObject("partner_id"),
                        rs.getObject("created_at", java.time.OffsetDateTime.class), rs.getString("state"), rs.getString("stage"),
                        rs.getInt("percent"), map(rs, "result"), map(rs, "problem"), rs.getBoolean("has_surface"),
                        rs.getObject("finished_at", java.time.OffsetDateTime.class))).list();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> map(ResultSet rs, String column) throws SQLException {
        String text = rs.getString(column);
        return text == null ? null : json.readValue(text, Map.class);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }
}
