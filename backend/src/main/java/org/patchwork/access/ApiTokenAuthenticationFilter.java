package org.patchwork.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer pwk_...} for GIS clients and scripts. Tokens are looked up by their
 * SHA-256 (the token itself is never stored); an unknown, expired or revoked token is a 401, audited.
 * Created by {@link SecurityConfig} so that it runs inside the security chain only.
 */
class ApiTokenAuthenticationFilter extends OncePerRequestFilter {

    static final String PREFIX = "pwk_";

    private final AccountStore accounts;
    private final AccessPolicy policy;

    ApiTokenAuthenticationFilter(AccountStore accounts, AccessPolicy policy) {
        this.accounts = accounts;
        this.policy = policy;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            String token = header.substring(7).strip();
            PatchworkUser user = accounts.userByToken(sha256(token)).filter(PatchworkUser::isEnabled).orElse(null);
            if (user == null) {
                policy.audit(Viewer.anonymous(), "login-failed", "failed", null, "api-token", null,
                        "unknown, expired or revoked API token (" + Math.min(token.length(), 999) + " characters)");
                ProblemSecurityHandlers.write(response, 401, "unauthenticated", "Unauthenticated",
                        "The API token is unknown, expired or revoked.", request);
                return;
            }
            user.eraseCredentials();
            var authentication = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
            var context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(authentication);
            SecurityContextHolder.setContext(context);
            request.setAttribute(AccountRefreshFilter.READ_IN_THIS_REQUEST, Boolean.TRUE);   // just read: nothing to refresh
        }
        chain.doFilter(request, response);
    }

    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return true;
    }

    static String sha256(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
