package org.patchwork.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.patchwork.sql.SqlScripts;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.EnableJdbcHttpSession;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.web.filter.OncePerRequestFilter;

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

    /** The store the session filter reads and writes through (RequestSessionStore says what it saves). */
    @Bean
    @Primary
    SessionRepository<Session> requestSessionStore(JdbcIndexedSessionRepository database) {
        return new RequestSessionStore(database);
    }

    /** Ends each request's reuse of its saved session; runs outside the session filter. */
    @Bean
    FilterRegistrationBean<OncePerRequestFilter> requestSessionStoreReset() {
        OncePerRequestFilter reset = new OncePerRequestFilter() {
            @Override
            protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                    throws ServletException, IOException {
                RequestSessionStore.forget();
                try {
                    chain.doFilter(request, response);
                } finally {
                    RequestSessionStore.forget();
                }
            }
        };
        FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(reset);
        registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
        return registration;
    }
}
