package org.patchwork.gdal;

import org.patchwork.database.DatabaseSessions;

import java.net.URI;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/** The application's database as GDAL's PostgreSQL driver wants it; the password goes in the environment. */
@Component
class DatabaseConnection {

    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final String password;

    DatabaseConnection(@Value("${spring.datasource.url}") String jdbcUrl,
                       @Value("${spring.datasource.username:}") String user,
                       @Value("${spring.datasource.password:}") String password) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        this.host = uri.getHost() == null ? "localhost" : uri.getHost();
        this.port = uri.getPort() < 0 ? 5432 : uri.getPort();
        this.database = uri.getPath().substring(1);
        this.user = user;
        this.password = password;
    }

    /** {@code PG:...} connection string without the password, its session named after this instance. */
    String ogrConnection() {
        return "PG:host=" + host + " port=" + port + " dbname=" + database + " user=" + user
                + " application_name=" + DatabaseSessions.APPLICATION_NAME;
    }

    Map<String, String> environment() {
        return Map.of("PGPASSWORD", password, "PG_USE_COPY", "YES");
    }
}
