package org.patchwork.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the map needs before its first layer: the optional basemap and the data attribution. */
@RestController
class MapConfigController {

    static final String DATA_ATTRIBUTION = "Contains OS data © Crown copyright and database right 2021; "
            + "ONS and MHCLG data (English Indices of Deprivation 2019), Open Government Licence v3.0";

    private final MapProperties properties;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    MapConfigController(MapProperties properties, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.properties = properties;
        this.jdbc = jdbc;
    }

    /**
     * initialLevel: the boundaries the map starts with (district when the partnership's area has more LSOAs than
     * patchwork.map.lsoa-start-limit; the map then loads finer areas one district at a time).
     */
    record MapConfig(String basemapUrl, String basemapAttribution, String dataAttribution, String initialLevel) {
    }

    @GetMapping("/api/map-config")
    MapConfig config() {
        boolean hasBasemap = properties.basemapUrl() != null && !properties.basemapUrl().isBlank();
        return new MapConfig(hasBasemap ? properties.basemapUrl() : null,
                hasBasemap ? properties.basemapAttribution() : null, DATA_ATTRIBUTION, initialLevel());
    }

    private String initialLevel() {
        int lsoas = jdbc.sql("select count(*) from area where level = 'lsoa'").query(Integer.class).single();
        return lsoas > properties.lsoaStartLimit() ? "district" : "lsoa";
    }
}
