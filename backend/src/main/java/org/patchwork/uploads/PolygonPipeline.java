package org.patchwork.uploads;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.patchwork.catalogue.DatasetVersions;
import org.patchwork.sql.SqlScripts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Polygons (neighbourhood policing areas, regeneration zones, catchments): the file's own polygons put in
 * British National Grid, invalid ones repaired with ST_MakeValid and reported, then published as a
 * version that OGC API Features serves and the map shows.
 */
@Component
class PolygonPipeline implements KindPipeline {

    private final UploadStaging staging;
    private final DatasetVersions versions;
    private final JdbcClient jdbc;

    PolygonPipeline(UploadStaging staging, DatasetVersions versions, JdbcClient jdbc) {
        this.staging = staging;
        this.versions = versions;
        this.jdbc = jdbc;
    }

    @Override
    public String kind() {
        return ColumnMapping.POLYGONS;
    }

    @Override
    public Checked check(UUID job, UploadFiles.Prepared prepared, Inspector.Layer layer, UploadRequest request, ColumnMapping mapping,
                         Progress progress) {
        String label = prepared.label(prepared.detected().mainFile());
        List<UploadRejected.FileError> errors = mapping.unknownColumns(layer.fields(), label);
        if (!prepared.detected().format().hasOwnGeometry() || !layer.hasGeometry()) {
            errors.add(new UploadRejected.FileError(label, null, null, null,
                    "a polygon dataset needs a file with polygons (Shapefile, GeoPackage, GeoJSON, KML, MapInfo, FlatGeobuf)"));
        }
        if (!errors.isEmpty()) {
            throw new UploadRejected("The column mapping does not fit the file; its columns are " + layer.fields(), errors);
        }
        Integer epsg = staging.ownEpsg(request, prepared, layer);
        progress.report("reading", 0, 10);
        UploadStaging.Staged staged = staging.stage(job, prepared, layer, epsg);
        progress.report("checking", staged.rowsIn(), 40);
        String checked = UploadStaging.checkedTable(job);
        Map<String, String> placeholders = new HashMap<>();
        placeholders.put("raw", staged.table());
        placeholders.put("checked", checked);
        placeholders.put("epsg", String.valueOf(epsg));
        staged.put(placeholders, "name", mapping.name());
        staged.put(placeholders, "id", mapping.id());
        jdbc.sql(SqlScripts.load("uploads/check_polygons", placeholders)).update();
        Map<String, Object> counts = jdbc.sql("select count(*) filter (where reason is not null) as rejected, "
                + "count(*) filter (where repair is not null) as repaired from " + checked).query().singleRow();
        return new Checked(checked, checked, staged.rowsIn(), ((Number) counts.get("rejected")).intValue(), mapping,
                Map.of("repaired", ((Number) counts.get("repaired")).longValue()), epsg);
    }

    @Override
    public DatasetVersions.Published publish(DatasetVersions.NewVersion version, Checked checked) {
        return versions.publish(version, kind(), "polygons/publish_rows", checked.table(), checked.rowsIn(), checked.rejected(), null, null);
    }

    @Override
    public List<UploadRejected.FileError> notes(Checked checked) {
        return jdbc.sql("select source_file as file, source_line as \"row\", 'geometry' as \"column\", null as value, repair as reason "
                + "from " + checked.table() + " where repair is not null order by row_id").query(UploadRejected.FileError.class).list();
    }
}
