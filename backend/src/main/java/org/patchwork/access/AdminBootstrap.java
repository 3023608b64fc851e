package org.patchwork.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates the first administrator from configuration ({@code PATCHWORK_ADMIN_PASSWORD}) when there is
 * no administrator yet, in a partner called "Partnership administration". Later administrators are
 * created through the admin API or pages.
 */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    static final String ADMIN_PARTNER = "Partnership administration";
    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AccessProperties properties;
    private final AccountStore accounts;
    private final PasswordEncoder passwords;

    AdminBootstrap(AccessProperties properties, AccountStore accounts, PasswordEncoder passwords) {
        this.properties = properties;
        this.accounts = accounts;
        this.passwords = passwords;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (accounts.anyAdmin()) {
            return;
        }
        String password = properties.adminPassword();
        if (password == null || password.isBlank()) {
            log.warn("No administrator exists and PATCHWORK_ADMIN_PASSWORD is not set: nobody can sign in yet");
            return;
        }
        if (password.length() < properties.minPasswordLength()) {
            throw new IllegalStateException("PATCHWORK_ADMIN_PASSWORD must be at least " + properties.minPasswordLength()
                    + " characters");
        }
        long partner = accounts.partnerByName(ADMIN_PARTNER).map(AccountStore.Partner::id)
                .orElseGet(() -> accounts.createPartner(ADMIN_PARTNER, "other"));
        accounts.createUser(properties.adminUsername().toLowerCase(), "Administrator", partner, Role.ADMIN,
                passwords.encode(password));
        log.info("Created the first administrator '{}'", properties.adminUsername().toLowerCase());
    }
}
