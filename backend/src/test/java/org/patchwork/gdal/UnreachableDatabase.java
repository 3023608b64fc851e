package org.patchwork.gdal;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Staging tables whose ogr2ogr writes to a port nothing listens on, as when the database is down. */
public final class UnreachableDatabase {

    private UnreachableDatabase() {
    }

    /** {@code jdbc} is still used for counting and dropping, as when the database went away only during the copy. */
    public static StagingTables stagingTables(JdbcClient jdbc) throws IOException {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        Gdal gdal = new Gdal(new GdalProperties(Duration.ofMinutes(1)));
        DatabaseConnection nowhere = new DatabaseConnection("jdbc:postgresql://127.0.0.1:" + closed + "/patchwork", "patchwork", "none");
        return new StagingTables(gdal, new CrsDetector(gdal), nowhere, jdbc);
    }
}
