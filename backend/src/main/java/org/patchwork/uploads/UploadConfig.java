package org.patchwork.uploads;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The job worker polls on a schedule. */
@Configuration
@EnableScheduling
class UploadConfig {
}
