package org.patchwork.access;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How failed sign-ins are throttled (see {@link SignInThrottle}).
 *
 * @param freeFailures        failed sign-ins of one account from one address before it must wait
 * @param addressFreeFailures failed sign-ins from one address, whatever the accounts, before it must wait
 * @param firstWait           the first wait; each further failure doubles it
 * @param longestWait         the cap, so an attacker cannot keep anyone out for long
 * @param forgetAfter         failures are forgotten when none has come for this long
 */
@ConfigurationProperties("patchwork.sign-in")
public record SignInThrottleProperties(@DefaultValue("5") int freeFailures,
                                       @DefaultValue("100") int addressFreeFailures,
                                       @DefaultValue("30s") Duration firstWait,
                                       @DefaultValue("5m") Duration longestWait,
                                       @DefaultValue("15m") Duration forgetAfter) {
}
