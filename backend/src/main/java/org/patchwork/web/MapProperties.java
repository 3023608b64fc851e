package org.patchwork.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param basemapUrl          XYZ tile URL template, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png;
 *                            empty for no basemap (the map stays readable without one)
 * @param basemapAttribution  attribution the tile provider requires
 */
@ConfigurationProperties("patchwork.map")
public record MapProperties(String basemapUrl, String basemapAttribution) {
}
