package org.patchwork.setup;

import org.patchwork.catalogue.CatalogueProperties;
import org.patchwork.gdal.GdalProperties;
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
    private final GdalProperties gdal;
    private final CatalogueProperties catalogue;
    private final MapProperties map;
    private final OgcProperties ogc;

    SettingsReport(@Value("${spring.datasource.url}") String databaseUrl,
                   @Value("${spring.datasource.username:}") String databaseUser,
                   DataProperties data, GdalProperties gdal, CatalogueProperties catalogue, MapProperties map, OgcProperties ogc) {
        this.databaseUrl = databaseUrl;
        this.databaseUser = databaseUser;
        this.data = data;
        this.gdal = gdal;
        this.catalogue = catalogue;
        this.map = map;
        this.ogc = ogc;
    }

    @EventListener(ApplicationStartedEvent.class)
    void report() {
        log.info("Database {} as {}", databaseUrl, databaseUser);
        log.info("Data directory {} (load on startup: {})", data.directory(), data.loadOnStartup());
        log.info("{}", gdal);
        log.info("{}", catalogue);
        log.info("Basemap {}", map.basemapUrl() == null || map.basemapUrl().isBlank() ? "none" : map.basemapUrl());
        log.info("{}", ogc);
    }
}
