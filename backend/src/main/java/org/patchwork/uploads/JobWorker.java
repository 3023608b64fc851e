package org.patchwork.uploads;

import org.patchwork.database.DatabaseSessions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Takes queued upload jobs from the database one at a time. At start it fails the jobs this host was
 * running when it stopped (their transaction never committed, so nothing of them was published) and
 * drops their scratch tables, once it has ended the database sessions the stopped instance left behind.
 */
@Component
class JobWorker {

    private static final Logger log = LoggerFactory.getLogger(JobWorker.class);

    private final JobStore jobs;
    private final UploadService uploads;
    private final ObjectMapper json;
    private final JdbcClient jdbc;
    private final DatabaseSessions sessions;
    private final String name;
    private volatile boolean ready;

    JobWorker(JobStore jobs, UploadService uploads, ObjectMapper json, JdbcClient jdbc, DatabaseSessions sessions) {
        this.jobs = jobs;
        this.uploads = uploads;
        this.json = json;
        this.jdbc = jdbc;
        this.sessions = sessions;
        this.name = JobStore.hostName();
    }

    @EventListener(ApplicationReadyEvent.class)
    void recover() {
        sessions.endThoseOfDeadInstances();   // before listing scratch tables: a dead instance's statement could still create one
        int failed = jobs.failAbandoned(name);
        if (failed > 0) {
            log.warn("{} upload job(s) were interrupted by a stop; marked failed, nothing of them was published", failed);
        }
        jdbc.sql("select table_name from information_schema.tables where table_schema = 'staging' and table_name like 'job\\_%'")
                .query(String.class).list().forEach(table -> {
                    String job = table.substring(4, 36);
                    boolean running = jdbc.sql("select exists (select 1 from upload_job where replace(id::text, '-', '') = :job "
                            + "and state in ('queued', 'running'))").param("job", job).query(Boolean.class).single();
                    if (!running) {
                        jdbc.sql("drop table if exists staging." + table.replaceAll("[^a-z0-9_]", "")).update();
                    }
                });
        ready = true;
    }

    @Scheduled(fixedDelay = 500)
    void work() {
        if (!ready) {
            return;
        }
        jobs.claim(name).ifPresent(job -> uploads.execute(job, json.readValue(job.request(), UploadRequest.class)));
    }
}
