package org.patchwork.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.patchwork.AdminApi;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The area assignment rules, on hand-placed points in British National Grid: a point on the boundary shared by
 * LSOAs goes to the lowest code (and likewise at every other level), a point outside every LSOA is counted as
 * such and gets no area, and a level without a polygon for a point falls back to the lookup of its LSOA.
 */
@PatchworkIntegrationTest
class AreaAssignmentIT {

    @TempDir
    static Path dir;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    record Placed(String lsoa, String msoa, String ward, String district) {
    }

    @Test
    void aPointOnASharedBoundaryGoesToTheLowestCodeAndAPointOutsideEveryAreaIsCounted() throws IOException {
        // a vertex of one loaded LSOA that lies on the boundary of at least one other
        Map<String, Object> vertex = jdbc.sql("""
                select ST_X(p.geom) as x, ST_Y(p.geom) as y
                from area a cross join lateral ST_DumpPoints(a.geom) p
                where a.level = 'lsoa'
                  and (select count(*) from area b where b.level = 'lsoa' and ST_Intersects(b.geom, p.geom)) >= 2
                order by a.code, p.path limit 1""").query().singleRow();
        double x = ((Number) vertex.get("x")).doubleValue();
        double y = ((Number) vertex.get("y")).doubleValue();
        List<String> sharing = jdbc.sql("select code from area where level = 'lsoa' and ST_Intersects(geom, ST_SetSRID(ST_MakePoint(:x, :y), 27700)) order by code")
                .param("x", x).param("y", y).query(String.class).list();
        assertThat(sharing).as("LSOAs whose boundary passes through (%s, %s)", x, y).hasSizeGreaterThanOrEqualTo(2);

        Path csv = dir.resolve("placed.csv");
        Files.writeString(csv, "Month,Crime type,Easting,Northing\n"
                + "2022-05,Burglary," + x + "," + y + "\n"
                + "2022-05,Burglary,530000,180000\n", StandardCharsets.UTF_8);   // central London: no LSOA loaded there
        UploadClient manager = UploadClient.newPartner(port, AdminApi.unique("Area assignment IT"));
        JsonNode job = manager.load(csv, Map.of("title", AdminApi.unique("Area assignment IT"), "theme", "crime", "mapping",
                Map.of("date", "Month", "category", "Crime type", "x", "Easting", "y", "Northing", "xyEpsg", 27700)));
        assertThat(job.path("state").asString()).as("%s", job).isEqualTo("succeeded");
        JsonNode result = job.path("result");
        assertThat(result.path("rowsPublished").asInt()).isEqualTo(2);
        assertThat(result.path("assignment").path("outside_every_lsoa").asLong()).isEqualTo(1);

        List<Placed> placed = jdbc.sql("select lsoa_code as lsoa, msoa_code as msoa, ward_code as ward, lad_code as district from event e "
                        + "join dataset d on d.current_version_id = e.version_id where d.id = :id order by ST_X(e.geom)")
                .param("id", result.path("datasetId").asLong()).query(Placed.class).list();
        assertThat(placed).containsExactly(expected(x, y, sharing.get(0)), new Placed(null, null, null, null));
    }

    /** At each level, the lowest code among the polygons the point touches, else the lookup of its LSOA. */
    private Placed expected(double x, double y, String lsoa) {
        Map<String, Object> lookup = jdbc.sql("select msoa_code, ward_code, lad_code from lsoa_hierarchy where lsoa_code = :lsoa")
                .param("lsoa", lsoa).query().listOfRows().stream().findFirst().orElse(Map.of());
        return new Placed(lsoa, lowest("msoa", x, y, (String) lookup.get("msoa_code")), lowest("ward", x, y, (String) lookup.get("ward_code")),
                lowest("district", x, y, (String) lookup.get("lad_code")));
    }

    private String lowest(String level, double x, double y, String otherwise) {
        String code = jdbc.sql("select min(code) from area where level = :level and ST_Intersects(geom, ST_SetSRID(ST_MakePoint(:x, :y), 27700))")
                .param("level", level).param("x", x).param("y", y).query((rs, n) -> Optional.ofNullable(rs.getString(1))).single().orElse(null);
        return code != null ? code : otherwise;
    }
}
