package org.patchwork.layers;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param defaultLimit  features per page when the client does not say
 * @param maxLimit      the most features one page returns (a larger limit is lowered to this)
 */
@ConfigurationProperties("patchwork.ogc")
public record OgcProperties(@DefaultValue("100") int defaultLimit, @DefaultValue("10000") int maxLimit) {
}
