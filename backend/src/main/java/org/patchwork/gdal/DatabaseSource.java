package org.patchwork.gdal;

import java.util.Map;
import org.springframework.stereotype.Component;

/** The application's own database as a GDAL data source, for outputs GDAL writes straight from PostGIS (exports). */
@Component
public class DatabaseSource {

    private final DatabaseConnection connection;

    DatabaseSource(DatabaseConnection connection) {
        this.connection = connection;
    }

    /** {@code PG:...} without the password. */
    public String ogrConnection() {
        return connection.ogrConnection();
    }

    /** The environment GDAL needs to sign in (the password never goes on a command line). */
    public Map<String, String> environment() {
        return connection.environment();
    }
}
