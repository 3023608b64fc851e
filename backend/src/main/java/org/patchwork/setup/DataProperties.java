package org.patchwork.setup;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The directory is kept as text: Spring binds a relative {@code Path} such as {@code ../shared/data} as
 * a classpath-style resource and rejects it, so it is resolved against the working directory here.
 *
 * @param dir            the open data directory (see ../shared/data/README.md)
 * @param loadOnStartup  load what is not yet loaded when the application starts
 */
@ConfigurationProperties("patchwork.data")
public record DataProperties(@DefaultValue("../shared/data") String dir, @DefaultValue("true") boolean loadOnStartup) {

    public Path directory() {
        return Path.of(dir).toAbsolutePath().normalize();
    }
}
