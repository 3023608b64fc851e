package org.patchwork.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Session names say which host, process and start they belong to, and fit PostgreSQL's 63 bytes whatever the host is
 * called; an instance is dead when its process is gone, or when it was an earlier start with this process's pid.
 */
class DatabaseSessionsTest {

    @Test
    void aSessionIsNamedAfterItsHostAndProcess() {
        assertThat(DatabaseSessions.name("app-1.example.org", 4242, "00a1b2")).isEqualTo("patchwork@app-1.example.org:4242:00a1b2");
        assertThat(DatabaseSessions.APPLICATION_NAME).matches("patchwork@.+:" + ProcessHandle.current().pid() + ":[0-9a-f]{6}");
    }

    @Test
    void aLongHostNameIsShortenedButThePidIsKept() {
        String name = DatabaseSessions.name("a".repeat(100) + ".internal", 4194304, "ffffff");
        assertThat(name).hasSizeLessThanOrEqualTo(63).startsWith("patchwork@aaaa").endsWith(":4194304:ffffff");
    }

    @Test
    void anInstanceIsDeadWhenItsProcessIsGoneOrItWasAnEarlierStartOfThisProcess() throws Exception {
        Process child = new ProcessBuilder("sleep", "30").start();
        try {
            assertThat(DatabaseSessions.isDead(child.pid() + ":abcdef")).as("a running process").isFalse();
        } finally {
            child.destroyForcibly().waitFor();
        }
        assertThat(DatabaseSessions.isDead(child.pid() + ":abcdef")).as("the same process once stopped").isTrue();
        assertThat(DatabaseSessions.isDead(ProcessHandle.current().pid() + ":000000")).as("this pid, another start").isTrue();
        assertThat(DatabaseSessions.isDead("not-a-pid")).isFalse();
    }
}
