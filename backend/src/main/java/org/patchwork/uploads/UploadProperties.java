package org.patchwork.uploads;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param dir               where uploaded files are kept while they are processed (shared by all instances)
 * @param maxFileSize       the largest upload accepted
 * @param maxZipEntries     the most entries an archive may hold
 * @param maxUnpackedSize   the most an archive may unpack to
 * @param maxCompressionRatio  unpacked size / packed size above which an archive is refused (zip bombs)
 */
@ConfigurationProperties("patchwork.uploads")
public record UploadProperties(String dir,
                               @DefaultValue("500MB") DataSize maxFileSize,
                               @DefaultValue("2000") int maxZipEntries,
                               @DefaultValue("4GB") DataSize maxUnpackedSize,
                               @DefaultValue("200") int maxCompressionRatio) {
}
