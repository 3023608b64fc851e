package org.patchwork.events;

import java.util.ArrayList;
import java.util.List;
import org.patchwork.sql.SqlScripts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.core.simple.JdbcClient.StatementSpec;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every event of a selection inside a box, for the map of a record-level viewer: as points while there are
 * few enough to draw, otherwise as counts per grid cell (a cell of one event is still that event). Nothing is
 * left out: the counts and points always add up to the events in the box.
 */
@Repository
class ClusterStore {

    /** At most this many events are sent as points; more are clustered. */
    static final int POINT_BUDGET = 2000;

    private final JdbcClient jdbc;

    ClusterStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A bounding box in CRS84 degrees. */
    record Box(double west, double south, double east, double north) {
    }

    /** One event drawn as a point. */
    record Point(long id, double lon, double lat, String category, String month, String location, String outcome) {
    }

    /** Two or more events of one grid cell, at their mean position; bounds are those of its events. */
    record Cluster(long count, double lon, double lat, boolean onePlace, double[] bounds) {
    }

    record Answer(long total, double cellMetres, List<Cluster> clusters, List<Point> points) {
    }

    /** Both queries read one snapshot, so a version published meanwhile is never half seen. */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    Answer within(long datasetId, Box box, double cellMetres, CountFilter filter) {
        if (box.west() >= box.east() || box.south() >= box.north()) {
            return new Answer(0, 0, List.of(), List.of());   // a view wholly outside the frame events can be in
        }
        List<Point> points = bind(jdbc.sql(SqlScripts.load("events/points_in_box")), datasetId, box, filter)
                .param("limit", POINT_BUDGET + 1)
                .query((rs, n) -> new Point(rs.getLong("id"), rs.getDouble("lon"), rs.getDouble("lat"), rs.getString("category"),
                        rs.getString("month"), rs.getString("location"), rs.getString("outcome"))).list();
        if (points.size() <= POINT_BUDGET) {
            return new Answer(points.size(), 0, List.of(), points);
        }
        List<Cluster> clusters = new ArrayList<>();
        List<Point> singles = new ArrayList<>();
        long[] total = {0};
        bind(jdbc.sql(SqlScripts.load("events/cluster_cells")), datasetId, box, filter).param("cell", cellMetres)
                .query(rs -> {
                    long events = rs.getLong("events");
                    total[0] += events;
                    if (events == 1) {
                        singles.add(new Point(rs.getLong("id"), rs.getDouble("lon"), rs.getDouble("lat"), rs.getString("category"),
                                rs.getString("month"), rs.getString("location"), rs.getString("outcome")));
                    } else {
                        clusters.add(new Cluster(events, rs.getDouble("lon"), rs.getDouble("lat"), rs.getBoolean("one_place"),
                                new double[] {rs.getDouble("west"), rs.getDouble("south"), rs.getDouble("east"), rs.getDouble("north")}));
                    }
                });
        return new Answer(total[0], cellMetres, clusters, singles);
    }

    private static StatementSpec bind(StatementSpec sql, long datasetId, Box box, CountFilter filter) {
        return sql.param("dataset_id", datasetId).param("category", filter.category())
                .param("first_day", filter.firstDay()).param("last_day", filter.lastDay())
                .param("min_lon", box.west()).param("min_lat", box.south()).param("max_lon", box.east()).param("max_lat", box.north());
    }
}
