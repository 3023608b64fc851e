package org.patchwork.catalogue;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param maxReportedIssues issue rows kept per load (the exact count is always kept) */
@ConfigurationProperties("patchwork.catalogue")
public record CatalogueProperties(@DefaultValue("1000") int maxReportedIssues) {
}
