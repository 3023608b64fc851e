package org.patchwork.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.patchwork.database.DatabaseUnavailable;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PSQLState;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.jdbc.support.SQLStateSQLExceptionTranslator;
import org.springframework.transaction.CannotCreateTransactionException;

/** A job that fails for a reason other than its file: the database being unavailable (503, retry) or our own fault (500). */
class UploadFailureTest {

    private static final UUID JOB = UUID.fromString("00000000-0000-0000-0000-000000000001");

    @Test
    void anUnreachableDatabaseIsA503SayingTheUploadCanBeRetried() {
        for (Throwable e : new Throwable[] {
                new DatabaseUnavailable("ogr2ogr could not write to the database", null),
                new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection", new SQLTransientConnectionException("timeout")),
                new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                        new SQLTransientConnectionException("HikariPool-1 - Connection is not available")),
                new SQLStateSQLExceptionTranslator().translate("publish", "insert ...",
                        new PSQLException("An I/O error occurred while sending to the backend.", PSQLState.CONNECTION_FAILURE))}) {
            Map<String, Object> problem = UploadService.failure(JOB, e);
            assertThat(problem.get("status")).as("%s", e).isEqualTo(503);
            assertThat(problem.get("type")).isEqualTo("/problems/database-unavailable");
            assertThat((String) problem.get("detail")).contains("database was unavailable").contains("try the upload again")
                    .doesNotContain("SQL").doesNotContain("Hikari");
        }
    }

    @Test
    void anythingElseIsOurFault() {
        for (Throwable e : new Throwable[] {new IllegalStateException("bug"), new StackOverflowError(), new OutOfMemoryError()}) {
            Map<String, Object> problem = UploadService.failure(JOB, e);
            assertThat(problem.get("status")).as("%s", e).isEqualTo(500);
            assertThat((String) problem.get("detail")).contains("quote job " + JOB);
        }
    }
}
