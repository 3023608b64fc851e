package org.patchwork.web;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param basemapUrl          XYZ tile URL template, e.g. https://tile.openstreetmap.org/{z}/{x}/{y}.png;
 *                            empty for no basemap (the map stays readable without one)
 * @param basemapAttribution  attribution the tile provider requires
 * @param lsoaStartLimit      more LSOAs loaded than this (a region, all of England) and the map starts at district level
 *                            and loads finer areas one district at a time (default 5000)
 */
@ConfigurationProperties("patchwork.map")
public record MapProperties(String basemapUrl, String basemapAttribution,
                            @org.springframework.boot.context.properties.bind.DefaultValue("5000") int lsoaStartLimit) {
}
