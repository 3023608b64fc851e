package org.patchwork.gdal;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param timeout how long one ogr2ogr/ogrinfo run may take before it is killed */
@ConfigurationProperties("patchwork.gdal")
public record GdalProperties(@DefaultValue("10m") Duration timeout) {
}
