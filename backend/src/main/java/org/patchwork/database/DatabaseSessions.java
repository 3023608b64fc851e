package org.patchwork.database;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * This instance's database sessions, named {@code patchwork@<host>:<pid>:<start>} (the JDBC pool's and ogr2ogr's
 * alike; {@code <start>} is random per start, because a restarted container often has the same host name and pid),
 * and the sessions an instance on this host left when it died. PostgreSQL carries on with a killed client's
 * statement until it next writes to it, so a load's {@code create table staging.job_... as ...} could commit
 * after the restarted instance cleared the scratch tables; ending the dead instance's sessions first rolls it back.
 */
@Component
public class DatabaseSessions {

    private static final Logger log = LoggerFactory.getLogger(DatabaseSessions.class);
    private static final String PREFIX = "patchwork@";
    private static final int MAX_NAME = 63;   // PostgreSQL keeps NAMEDATALEN - 1 bytes of application_name

    private static final long PID = ProcessHandle.current().pid();

    /** This instance's application_name. */
    public static final String APPLICATION_NAME = name(hostName(), PID,
            String.format("%06x", java.util.concurrent.ThreadLocalRandom.current().nextInt(1 << 24)));

    private final JdbcClient jdbc;

    private record Session(int pid, String applicationName) {
    }

    DatabaseSessions(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Ends the sessions of instances on this host whose process is gone, and waits (up to a minute) until they are;
     * returns how many there were. Sessions of live instances on this host, and of other hosts, are left alone.
     */
    public int endThoseOfDeadInstances() {
        String ours = hostPrefix(hostName());
        List<Integer> orphans = jdbc.sql("select pid, application_name from pg_stat_activity where starts_with(application_name, :prefix) "
                        + "and application_name <> :self")
                .param("prefix", ours).param("self", APPLICATION_NAME)
                .query((row, i) -> new Session(row.getInt("pid"), row.getString("application_name"))).list().stream()
                .filter(session -> isDead(session.applicationName().substring(ours.length())))
                .map(Session::pid).toList();
        if (orphans.isEmpty()) {
            return 0;
        }
        log.warn("Ending {} database session(s) left by a stopped instance on this host: {}", orphans.size(), orphans);
        for (int pid : orphans) {
            jdbc.sql("select pg_terminate_backend(:pid)").param("pid", pid).query(Boolean.class).single();
        }
        Instant deadline = Instant.now().plus(Duration.ofMinutes(1));
        while (jdbc.sql("select count(*) from pg_stat_activity where pid in (:pids)").param("pids", orphans).query(Long.class).single() > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("The sessions " + orphans + " of a stopped instance did not end within a minute");
            }
            pause();
        }
        return orphans.size();
    }

    static String name(String host, long pid, String start) {
        return hostPrefix(host) + pid + ":" + start;
    }

    /** {@code patchwork@<host>:}, short enough that any Linux pid and the start fit after it. */
    private static String hostPrefix(String host) {
        String prefix = PREFIX + host.replaceAll("[^A-Za-z0-9.-]", "-");
        return prefix.substring(0, Math.min(prefix.length(), MAX_NAME - ":4194304:ffffff".length())) + ":";
    }

    /**
     * Whether the instance named {@code <pid>:<start>} (on this host, not this one) has stopped: an earlier start with
     * this process's own pid, or a process that is no longer running.
     */
    static boolean isDead(String pidAndStart) {
        try {
            long pid = Long.parseLong(pidAndStart.split(":", 2)[0]);
            return pid == PID || ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String hostName() {
        try {
            return java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.net.UnknownHostException e) {
            return "localhost";
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
