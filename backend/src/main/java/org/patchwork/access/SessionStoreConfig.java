package org.patchwork.access;

import org.patchwork.sql.SqlScripts;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;

/**
 * Browser sessions live in the database (tables from Flyway migration V7), so any app instance behind a
 * load balancer can serve any user and a restart signs nobody out.
 */
@Configuration
@EnableJdbcHttpSession(maxInactiveIntervalInSeconds = 8 * 60 * 60)
class SessionStoreConfig {

    /** Session touches commit without waiting for the disk ({@code sql/access/update_session.sql} says why). */
    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sessionTouchesWithoutFlushWait() {
        return repository -> repository.setUpdateSessionQuery(SqlScripts.load("access/update_session"));
    }
}
