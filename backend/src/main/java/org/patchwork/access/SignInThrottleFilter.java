package org.patchwork.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a sign-in (the form, or HTTP Basic on any request) while its account at this client address, or
 * the address, must wait after failed attempts: 429 problem+json with Retry-After, before the password
 * is checked, so a flood of guesses costs no bcrypt time. Created by {@link SecurityConfig}.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

    private final SignInThrottle throttle;
    private final AccessPolicy policy;

    SignInThrottleFilter(SignInThrottle throttle, AccessPolicy policy) {
        this.throttle = throttle;
        this.policy = policy;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String username = triedUsername(request);
        if (username != null && !username.isBlank()) {
            int wait = throttle.secondsToWait(username, request.getRemoteAddr());
            if (wait > 0) {
                String tried = username.length() > 100 ? username.substring(0, 100) : username;
                policy.audit(new Viewer(null, tried, null, null, null), "login-failed", "denied", null, "session", null,
                        "throttled: " + wait + " s to wait");
                response.setHeader("Retry-After", String.valueOf(wait));
                ProblemSecurityHandlers.write(response, 429, "too-many-sign-ins", "Too many failed sign-ins",
                        "Too many failed sign-ins for this account from your address; try again in " + wait + " seconds.", request);
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** The user name a sign-in form post or a Basic header tries, or null when the request signs in neither way. */
    static String triedUsername(HttpServletRequest request) {
        if ("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath())) {
            return request.getParameter("username");
        }
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                return colon < 0 ? null : decoded.substring(0, colon);
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        return null;
    }
}
