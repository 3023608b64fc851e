package org.patchwork.ingest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param gdalTimeout         how long one ogr2ogr/ogrinfo run may take before it is killed
 * @param maxReportedIssues   issue rows kept per load (the exact count is always kept)
 */
@ConfigurationProperties("patchwork.ingest")
public record IngestProperties(@DefaultValue("10m") Duration gdalTimeout,
                               @DefaultValue("1000") int maxReportedIssues) {
}
