package org.patchwork.uploads;

import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * How many rows the tables a load writes to hold (datasets, versions, events, areas, area statistics, polygons), to show that a refused upload changed nothing (and a
 * published one exactly what it should), plus the upload scratch tables left in schema {@code staging}.
 */
record DatabaseCounts(long datasets, long versions, long events, long areas, long statistics, long polygons) {

    static DatabaseCounts of(JdbcClient jdbc) {
        return jdbc.sql("select (select count(*) from dataset) as datasets, (select count(*) from dataset_version) as versions, "
                + "(select count(*) from event) as events, (select count(*) from area) as areas, "
                + "(select count(*) from area_statistic) as statistics, (select count(*) from dataset_polygon) as polygons")
                .query(DatabaseCounts.class).single();
    }

    /** After one new dataset with one version of {@code events} rows. */
    DatabaseCounts plusDataset(long events) {
        return new DatabaseCounts(datasets + 1, versions + 1, this.events + events, areas, statistics, polygons);
    }

    /** The scratch tables of one job ({@code staging.job_<id without dashes>_*}). */
    static List<String> scratchTables(JdbcClient jdbc, String jobId) {
        return jdbc.sql("select table_name from information_schema.tables where table_schema = 'staging' and table_name like :pattern")
                .param("pattern", "job\\_" + jobId.replace("-", "") + "%").query(String.class).list();
    }
}
