package org.patchwork.setup;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param dir            the open data directory (see ../shared/data/README.md)
 * @param loadOnStartup  load what is not yet loaded when the application starts
 */
@ConfigurationProperties("patchwork.data")
public record DataProperties(@DefaultValue("../shared/data") Path dir, @DefaultValue("true") boolean loadOnStartup) {
}
