package org.patchwork.customareas;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.patchwork.sql.SqlScripts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Custom areas in PostGIS: PostGIS finds a drawn polygon's LSOAs and writes every geometry. */
@Repository
class CustomAreaStore {

    private final JdbcClient jdbc;

    CustomAreaStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Which of {@code codes} are loaded LSOAs. */
    List<String> knownLsoas(List<String> codes) {
        return jdbc.sql(SqlScripts.load("customareas/known_lsoas")).param("codes", codes.toArray(String[]::new)).query(String.class).list();
    }

    /** The loaded LSOAs whose point on surface lies inside the polygon (GeoJSON, longitude/latitude). */
    List<String> lsoasIn(String geojson) {
        return jdbc.sql(SqlScripts.load("customareas/lsoas_in_polygon")).param("geojson", geojson).query(String.class).list();
    }

    long insert(String name, String source, List<String> lsoas, String geojson, String createdBy, Long partnerId) {
        return jdbc.sql(SqlScripts.load("customareas/insert")).param("name", name).param("source", source)
                .param("lsoas", lsoas.toArray(String[]::new)).param("geojson", geojson).param("created_by", createdBy)
                .param("partner_id", partnerId).query(Long.class).single();
    }

    Optional<CustomArea> find(long id) {
        return jdbc.sql(SqlScripts.load("customareas/select")).param("id", id).query(CustomAreaStore::area).optional();
    }

    List<CustomArea> all() {
        return jdbc.sql(SqlScripts.load("customareas/select")).param("id", null).query(CustomAreaStore::area).list();
    }

    boolean delete(long id) {
        return jdbc.sql("delete from custom_area where id = :id").param("id", id).update() == 1;
    }

    private static CustomArea area(ResultSet rs, int n) throws SQLException {
        return new CustomArea(rs.getLong("id"), rs.getString("name"), rs.getString("source"),
                List.of((String[]) rs.getArray("lsoas").getArray()), List.of((String[]) rs.getArray("districts").getArray()),
                rs.getString("created_by"), rs.getString("partner_name"), rs.getObject("created_at", OffsetDateTime.class));
    }
}
