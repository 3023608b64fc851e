package org.patchwork.web;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** What the map needs before its first layer: the optional basemap and the data attribution. */
@RestController
class MapConfigController {

    static final String DATA_ATTRIBUTION = "Contains OS data © Crown copyright and database right 2021; "
            + "ONS and MHCLG data (English Indices of Deprivation 2019), Open Government Licence v3.0";

    private final MapProperties properties;

    MapConfigController(MapProperties properties) {
        this.properties = properties;
    }

    record MapConfig(String basemapUrl, String basemapAttribution, String dataAttribution) {
    }

    @GetMapping("/api/map-config")
    MapConfig config() {
        boolean hasBasemap = properties.basemapUrl() != null && !properties.basemapUrl().isBlank();
        return new MapConfig(hasBasemap ? properties.basemapUrl() : null,
                hasBasemap ? properties.basemapAttribution() : null, DATA_ATTRIBUTION);
    }
}
