package org.patchwork.polygons;

import org.patchwork.catalogue.DatasetKind;
import org.patchwork.uploads.ColumnMapping;
import org.patchwork.uploads.KindPipeline;
import org.patchwork.uploads.UploadRejected;
import org.patchwork.uploads.UploadStaging;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    private final DatasetVersions versions;
    private final JdbcClient jdbc;

    PolygonPipeline(DatasetVersions versions, JdbcClient jdbc) {
        this.versions = versions;
        this.jdbc = jdbc;
    }

    @Override
    public DatasetKind kind() {
        return DatasetKind.POLYGONS;
    }

    @Override
    public Checked check(Upload upload) {
        ColumnMapping mapping = upload.mapping();
        List<UploadRejected.FileError> errors = mapping.unknownColumns(upload.fields(), upload.label());
        if (!upload.hasOwnGeometry()) {
            errors.add(new UploadRejected.FileError(upload.label(), null, null, null,
                    "a polygon dataset needs a file with polygons (Shapefile, GeoPackage, GeoJSON, KML, MapInfo, FlatGeobuf)"));
        }
        if (!errors.isEmpty()) {
            throw new UploadRejected("The column mapping does not fit the file; its columns are " + upload.fields(), errors);
        }
        int epsg = upload.ownEpsg();
        upload.progress("reading", 0, 10);
        UploadStaging.Staged staged = upload.stage(epsg);
        upload.progress("checking", staged.rowsIn(), 40);
        String checked = upload.checkedTable();
        Map<String, String> placeholders = new HashMap<>();
        placeholders.put("raw", staged.table());
        placeholders.put("checked", checked);
        placeholders.put("epsg", String.valueOf(epsg));
        staged.put(placeholders, "name", mapping.name());
        staged.put(placeholders, "id", mapping.id());
        jdbc.sql(SqlScripts.load("polygons/check_polygons", placeholders)).update();
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
