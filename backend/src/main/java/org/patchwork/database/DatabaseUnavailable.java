package org.patchwork.database;

import java.util.regex.Pattern;

/**
 * The database could not be reached (or went away) while GDAL was writing to it: nothing is wrong with the
 * file, so the load can be tried again; never reported as a rejected upload.
 */
public class DatabaseUnavailable extends RuntimeException {

    /** What libpq (through ogr2ogr) says when it cannot connect or loses its connection. */
    private static final Pattern LIBPQ_CONNECTION_FAILURE = Pattern.compile("(?i)PQconnectdb failed|could not connect to server"
            + "|connection to server at .* failed|server closed the connection unexpectedly|no connection to the server"
            + "|terminating connection|the database system is (starting up|shutting down|in recovery mode)"
            + "|too many clients already|remaining connection slots are reserved|could not receive data from server"
            + "|could not send data to server|SSL SYSCALL error");

    public DatabaseUnavailable(String message, Throwable cause) {
        super(message, cause);
    }

    /** Whether a GDAL message is about the connection to the database rather than about the file. */
    public static boolean isConnectionFailure(String gdalMessage) {
        return gdalMessage != null && LIBPQ_CONNECTION_FAILURE.matcher(gdalMessage).find();
    }
}
