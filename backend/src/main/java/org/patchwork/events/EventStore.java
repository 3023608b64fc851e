package org.patchwork.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patchwork.disclosure.Atom;
import org.patchwork.sql.SqlScripts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reads events: counts per LSOA (the atoms of every published count), categories, area names. */
@Repository
class EventStore {

    private final JdbcClient jdbc;

    EventStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<EventDataset> datasets() {
        return jdbc.sql("select d.id, d.slug, d.title from dataset d where d.kind = 'events' and d.current_version_id is not null "
                + "order by d.id").query(EventDataset.class).list();
    }

    /** One atom per loaded LSOA (zero counts included), with its MSOA, ward and district. */
    List<Atom> atoms(long datasetId, CountFilter filter) {
        return jdbc.sql(SqlScripts.load("events/counts_by_lsoa"))
                .param("dataset_id", datasetId).param("category", filter.category())
                .param("first_day", filter.firstDay()).param("last_day", filter.lastDay())
                .query((rs, n) -> {
                    Map<String, String> areas = new LinkedHashMap<>();
                    areas.put("lsoa", rs.getString("lsoa_code"));
                    areas.put("msoa", rs.getString("msoa_code"));
                    areas.put("ward", rs.getString("ward_code"));
                    areas.put("district", rs.getString("lad_code"));
                    return new Atom(areas, rs.getLong("events"));
                }).list();
    }

    /** Events whose area code is not one of the loaded LSOAs (e.g. just over the force boundary). */
    long outside(long datasetId, CountFilter filter) {
        return jdbc.sql(SqlScripts.load("events/count_outside"))
                .param("dataset_id", datasetId).param("category", filter.category())
                .param("first_day", filter.firstDay()).param("last_day", filter.lastDay())
                .query(Long.class).single();
    }

    record CategoryTotal(String category, long events) {
    }

    List<CategoryTotal> categories(long datasetId) {
        return jdbc.sql("select category, count(*) as events from event e join dataset d on d.id = e.dataset_id "
                        + "and d.current_version_id = e.version_id where e.dataset_id = :id group by category order by category")
                .param("id", datasetId).query(CategoryTotal.class).list();
    }

    Map<String, String> areaNames(String level) {
        Map<String, String> names = new LinkedHashMap<>();
        jdbc.sql("select code, name from area where level = :level order by code").param("level", level)
                .query((rs, n) -> names.put(rs.getString("code"), rs.getString("name"))).list();
        return names;
    }
}
