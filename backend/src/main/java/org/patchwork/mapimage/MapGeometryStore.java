package org.patchwork.mapimage;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.patchwork.sql.SqlScripts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Boundary geometry for map images, in EPSG:27700, simplified to the picture's resolution. */
@Repository
class MapGeometryStore {

    /** One area's shape. */
    record Shape(String code, Geometry geometry) {
    }

    private final JdbcClient jdbc;

    MapGeometryStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<Shape> areas(String level, Collection<String> codes, Envelope frame, double tolerance) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return shapes(jdbc.sql(SqlScripts.load("mapimage/areas")).param("codes", String.join(",", codes)), level, frame, tolerance);
    }

    List<Shape> outlines(String level, Envelope frame, double tolerance) {
        return shapes(jdbc.sql(SqlScripts.load("mapimage/outlines")), level, frame, tolerance);
    }

    Optional<Envelope> extent(String level, Collection<String> codes) {
        if (codes.isEmpty()) {
            return Optional.empty();
        }
        return jdbc.sql(SqlScripts.load("mapimage/extent")).param("level", level).param("codes", String.join(",", codes))
                .query((rs, n) -> new Envelope(rs.getDouble("minx"), rs.getDouble("maxx"), rs.getDouble("miny"), rs.getDouble("maxy")))
                .optional();
    }

    /** A longitude/latitude box (WGS84) as the British National Grid box that holds it. */
    Envelope toBritishNationalGrid(double minLon, double minLat, double maxLon, double maxLat) {
        return jdbc.sql(SqlScripts.load("mapimage/bbox_to_bng")).param("minx", minLon).param("miny", minLat)
                .param("maxx", maxLon).param("maxy", maxLat)
                .query((rs, n) -> new Envelope(rs.getDouble("minx"), rs.getDouble("maxx"), rs.getDouble("miny"), rs.getDouble("maxy")))
                .single();
    }

    private static List<Shape> shapes(JdbcClient.StatementSpec sql, String level, Envelope frame, double tolerance) {
        List<Shape> shapes = new ArrayList<>();
        WKBReader reader = new WKBReader();
        sql.param("level", level).param("tolerance", tolerance).param("minx", frame.getMinX()).param("miny", frame.getMinY())
                .param("maxx", frame.getMaxX()).param("maxy", frame.getMaxY())
                .query((rs, n) -> {
                    try {
                        return new Shape(rs.getString("code"), reader.read(rs.getBytes("wkb")));
                    } catch (ParseException e) {
                        throw new IllegalStateException("PostGIS wrote WKB that JTS cannot read", e);
                    }
                }).list().forEach(shapes::add);
        return shapes;
    }
}
