package org.patchwork.database;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** GDAL's words for a database it cannot reach, told apart from its words for a file it cannot read. */
class DatabaseUnavailableTest {

    @Test
    void libpqConnectionFailuresAreTheDatabasesNotTheFiles() {
        assertThat(DatabaseUnavailable.isConnectionFailure("ogr2ogr could not read the file: ERROR 1: PQconnectdb failed. "
                + "connection to server at \"127.0.0.1\", port 1 failed: Connection refused")).isTrue();
        assertThat(DatabaseUnavailable.isConnectionFailure("ogr2ogr could not read the file: ERROR 1: server closed the connection "
                + "unexpectedly This probably means the server terminated abnormally")).isTrue();
        assertThat(DatabaseUnavailable.isConnectionFailure("ogr2ogr could not read the file: FATAL: the database system is shutting down"))
                .isTrue();
    }

    @Test
    void fileProblemsAreNot() {
        assertThat(DatabaseUnavailable.isConnectionFailure("ogr2ogr could not read the file: ERROR 1: invalid byte sequence for encoding "
                + "\"UTF8\": 0xe9 0x20 0x28")).isFalse();
        assertThat(DatabaseUnavailable.isConnectionFailure("ogr2ogr could not read the file: Unable to open datasource `x.csv'")).isFalse();
        assertThat(DatabaseUnavailable.isConnectionFailure(null)).isFalse();
    }
}
