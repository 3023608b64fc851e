package org.patchwork.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param adminUsername     the first administrator's user name
 * @param adminPassword     its password (PATCHWORK_ACCESS_ADMIN_PASSWORD, or PATCHWORK_ADMIN_PASSWORD); no admin is
 *                          created without one
 * @param publicTier        let people who are not signed in see public-level aggregates and open data
 * @param tokenLifetime     the longest an API token may live
 * @param minPasswordLength the shortest password accepted for a local account
 */
@ConfigurationProperties("patchwork.access")
public record AccessProperties(@DefaultValue("admin") String adminUsername,
                               String adminPassword,
                               @DefaultValue("false") boolean publicTier,
                               @DefaultValue("365d") Duration tokenLifetime,
                               @DefaultValue("12") int minPasswordLength) {
}
