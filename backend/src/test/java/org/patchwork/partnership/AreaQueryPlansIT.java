package org.patchwork.partnership;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.patchwork.PatchworkIntegrationTest;
import org.patchwork.sql.SqlScripts;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * Every query that takes an area, a district or a bbox can be answered from the spatial and code indexes: the
 * application's own SQL files (and the feature views' filters) are EXPLAINed with sequential scans disabled, which
 * makes PostgreSQL use an index wherever the predicate allows one; a plan that still scans a large table names a
 * predicate no index serves. (On Merseyside's 910 LSOAs the planner rightly prefers to scan; at England's 32,844 it
 * picks these indexes itself: OtherAreaIT's England test EXPLAINs three of them without the switch.)
 */
@PatchworkIntegrationTest
class AreaQueryPlansIT {

    @Autowired
    DataSource dataSource;

    @Test
    void areaDistrictAndBboxQueriesUseTheIndexes() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("set local enable_seqscan = off");
            }
            NamedParameterJdbcTemplate jdbc = new NamedParameterJdbcTemplate(new SingleConnectionDataSource(connection, true));
            // the zoom-12 tile over Liverpool Town Hall (VectorTilesIT): boundary and indicator tiles
            MapSqlParameterSource tile = new MapSqlParameterSource("z", 12).addValue("x", 2013).addValue("y", 1326)
                    .addValue("margin", 64.0 / 4096).addValue("segment", 1200.0).addValue("tolerance", 2.0).addValue("buffer", 64)
                    .addValue("level", "lsoa").addValue("layer", "lsoa").addValue("figures", "{\"E01006512\": {\"value\": 1}}");
            assertThat(plan(jdbc, SqlScripts.load("tiles/boundary_tile", Map.of("lad_code",
                    "(select h.lad_code from lsoa_hierarchy h where h.lsoa_code = a.code)")), tile))
                    .contains("area_geom").contains("lsoa_hierarchy_pkey");
            assertThat(plan(jdbc, SqlScripts.load("tiles/value_tile"), tile)).contains("area_geom");

            // a bbox on a boundary collection, as FeatureStore adds it to the view's query
            MapSqlParameterSource bbox = new MapSqlParameterSource("minx", -3.0).addValue("miny", 53.40).addValue("maxx", -2.95)
                    .addValue("maxy", 53.42).addValue("bbox_srid", 4326);
            assertThat(plan(jdbc, "select v.id from feature_lsoa v where true " + SqlScripts.load("layers/bbox_filter"), bbox))
                    .contains("area_geom");

            // a district's LSOAs (the map of a large area loads them by lad_code), one area by code
            MapSqlParameterSource liverpool = new MapSqlParameterSource("district", "E08000012").addValue("districts", List.of("E08000012"));
            assertThat(plan(jdbc, "select v.id from feature_lsoa v where v.lad_code = :district", liverpool))
                    .contains("lsoa_hierarchy_lad").contains("area_pkey");
            assertThat(plan(jdbc, "select v.id from feature_district v where v.code = :district", liverpool)).contains("area_pkey");

            // the preview's points against the loaded LSOAs (by code, then point in polygon)
            MapSqlParameterSource sample = new MapSqlParameterSource("xs", "{-2.99,-1.47}").addValue("ys", "{53.41,53.38}")
                    .addValue("codes", "{E01006512,NULL}").addValue("epsg", 4326);
            assertThat(plan(jdbc, SqlScripts.load("uploads/sample_outside_area"), sample)).contains("area_geom").contains("area_pkey");

            // which datasets hold rows in districts a narrowing would drop: events by district, statistics by area code
            String rowsInDistricts = plan(jdbc, SqlScripts.load("partnership/rows_in_districts"), liverpool);
            // statistics by an index on area_statistic (which one depends on the data's size), never a sequential scan
            assertThat(rowsInDistricts).contains("event_lad").containsPattern("(Index (Only )?Scan using area_statistic_\\w+ on area_statistic|Bitmap Index Scan on area_statistic_\\w+)")
                    .contains("lsoa_hierarchy_lad");
            assertThat(rowsInDistricts).doesNotContain("Seq Scan on event").doesNotContain("Seq Scan on area_statistic");
            connection.rollback();
        }
    }

    private static String plan(NamedParameterJdbcTemplate jdbc, String sql, MapSqlParameterSource params) {
        String plan = String.join("\n", jdbc.queryForList("explain " + sql, params, String.class));
        System.out.println("AreaQueryPlansIT:\n" + plan);
        return plan;
    }
}
