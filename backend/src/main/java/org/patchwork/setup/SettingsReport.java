package org.patchwork.setup;

import org.patchwork.ingest.IngestProperties;
import org.patchwork.layers.OgcProperties;
import org.patchwork.web.MapProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Logs the settings in effect at start-up, so an operator can see what the app is running with; no secrets. */
@Component
class SettingsReport {

    private static final Logger log = LoggerFactory.getLogger(SettingsReport.class);

    private final String databaseUrl;
    private final String databaseUser;
    private final DataProperties data;
    private final IngestProperties ingest;
    private final MapProperties map;
    private final OgcProperties ogc;

    SettingsReport(@Value("${spring.datasource.url}") String databaseUrl,
                   @Value("${spring.datasource.username:}") String databaseUser,
                   DataProperties data, IngestProperties ingest, MapProperties map, OgcProperties ogc) {
        this.databaseUrl = databaseUrl;
        this.databaseUser = databaseUser;
        this.data = data;
        this.ingest = ingest;
        this.map = map;
        this.ogc = ogc;
    }

    @EventListener(ApplicationStartedEvent.class)
    void report() {
        log.info("Database {} as {}", databaseUrl, databaseUser);
        log.info("Data directory {} (load on startup: {})", data.directory(), data.loadOnStartup());
        log.info("{}", ingest);
        log.info("Basemap {}", map.basemapUrl() == null || map.basemapUrl().isBlank() ? "none" : map.basemapUrl());
        log.info("{}", ogc);
    }
}
