package org.patchwork.access;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Who may reach what. Pages and the API (and its OpenAPI description) need a signed-in user (browser
 * session or HTTP Basic, both with CSRF protection on requests that change state, or an API token); with the public tier on, anonymous visitors may read the map and the
 * OGC API, where the access decision gives them public-level aggregates only.
 */
@Configuration
class SecurityConfig {

    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL);

    /**
     * No Micrometer observation around each of Spring Security's filters, authentications and authorizations:
     * on every request that was a third of the app's own CPU time outside the controllers (JFR under the load
     * test of scripts/bench.sh). Request metrics ({@code http.server.requests}) stay.
     */
    @Bean
    SecurityObservationSettings noSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();   // bcrypt, upgradable
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AccessProperties properties, AccountStore accounts,
                                            ProblemSecurityHandlers problems, SignInHandlers signIn,
                                            ObjectProvider<ClientRegistrationRepository> oidcClients,
                                            OidcAccounts oidcAccounts, SignInThrottle throttle, AccessPolicy policy) throws Exception {
        http.authorizeHttpRequests(requests -> {
            requests.requestMatchers("/login.html", "/css/**", "/js/**", "/favicon.svg", "/webjars/**",
                    "/actuator/health", "/api/session", "/error").permitAll();
            if (properties.publicTier()) {
                requests.requestMatchers(HttpMethod.GET, "/", "/index.html", "/ogc", "/ogc/**", "/api/datasets",
                        "/api/datasets/**", "/api/map-config").permitAll();
                // the public map classifies the counts it was given; the endpoint reads no data
                requests.requestMatchers(HttpMethod.POST, "/api/classify").permitAll();
            }
            requests.requestMatchers("/api/admin/**", "/actuator/**").hasRole(Role.ADMIN.name());
            requests.anyRequest().authenticated();
        });
        http.formLogin(form -> form.loginPage("/login.html").loginProcessingUrl("/login")
                .successHandler(signIn).failureHandler(signIn).permitAll());
        http.logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(signIn));
        http.httpBasic(basic -> basic.authenticationEntryPoint(problems));
        http.exceptionHandling(errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems));
        // Browser forms send the XSRF-TOKEN cookie back as a header. Only Bearer tokens are exempt: a browser
        // never attaches one on its own, whereas it does resend cached Basic credentials (and the session
        // cookie) on a cross-site form post. Scripts using Basic send the cookie and header pair themselves.
        http.csrf(csrf -> csrf.spa().ignoringRequestMatchers(SecurityConfig::sendsBearerToken));
        http.addFilterBefore(new SignInThrottleFilter(throttle, policy), UsernamePasswordAuthenticationFilter.class);
        http.addFilterBefore(new ApiTokenAuthenticationFilter(accounts, policy), BasicAuthenticationFilter.class);
        http.addFilterBefore(new AccountRefreshFilter(accounts), AuthorizationFilter.class);
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy()))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)));
        if (oidcClients.getIfAvailable() != null) {
            http.oauth2Login(oauth -> oauth.loginPage("/login.html")
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(oidcAccounts))
                    .successHandler(signIn).failureHandler(signIn));
        }
        return http.build();
    }

    private static boolean sendsBearerToken(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    /** Only our own scripts run; the import maps are allowed by their hashes, computed from the pages. */
    static String contentSecurityPolicy() {
        List<String> hashes = new ArrayList<>();
        for (String page : List.of("/static/index.html", "/static/login.html", "/static/admin.html", "/static/datasets.html",
                "/static/upload.html")) {
            try (InputStream in = SecurityConfig.class.getResourceAsStream(page)) {
                if (in != null) {
                    Matcher m = INLINE_SCRIPT.matcher(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                    while (m.find()) {
                        hashes.add("'sha256-" + Base64.getEncoder().encodeToString(
                                MessageDigest.getInstance("SHA-256").digest(m.group(1).getBytes(StandardCharsets.UTF_8))) + "'");
                    }
                }
            } catch (IOException | NoSuchAlgorithmException e) {
                throw new IllegalStateException("Cannot read " + page, e);
            }
        }
        return "default-src 'self'; script-src 'self' " + String.join(" ", hashes.stream().distinct().toList())
                + "; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; connect-src 'self'; "
                + "object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";
    }
}
