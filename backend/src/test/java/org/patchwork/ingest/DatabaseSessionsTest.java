package org.patchwork.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Session names say which host and process they belong to, and fit PostgreSQL's 63 bytes whatever the host is called. */
class DatabaseSessionsTest {

    @Test
    void aSessionIsNamedAfterItsHostAndProcess() {
        assertThat(DatabaseSessions.name("app-1.example.org", 4242)).isEqualTo("patchwork@app-1.example.org:4242");
        assertThat(DatabaseSessions.APPLICATION_NAME).endsWith(":" + ProcessHandle.current().pid());
    }

    @Test
    void aLongHostNameIsShortenedButThePidIsKept() {
        String name = DatabaseSessions.name("a".repeat(100) + ".internal", 4194304);
        assertThat(name).hasSizeLessThanOrEqualTo(63).startsWith("patchwork@aaaa").endsWith(":4194304");
    }
}
