package org.patchwork.access;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A browser session carries the account as it was at sign-in; this re-reads it on every request, so that
 * disabling an account ends its sessions at once and a change of role or partner applies at once.
 * Created by {@link SecurityConfig}, inside the security chain.
 */
class AccountRefreshFilter extends OncePerRequestFilter {

    /** A request attribute: the account was read from the database in this request (an API token's lookup). */
    static final String READ_IN_THIS_REQUEST = AccountRefreshFilter.class.getName() + ".read";

    private final AccountStore accounts;

    AccountRefreshFilter(AccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof PatchworkUser signedIn
                && request.getAttribute(READ_IN_THIS_REQUEST) == null) {
            PatchworkUser current = accounts.userById(signedIn.id()).filter(PatchworkUser::isEnabled).orElse(null);
            if (current == null) {
                SecurityContextHolder.clearContext();
                HttpSession session = request.getSession(false);
                if (session != null) {
                    session.invalidate();
                }
            } else if (current.role() != signedIn.role() || current.partnerId() != signedIn.partnerId()) {
                current.eraseCredentials();
                var refreshed = UsernamePasswordAuthenticationToken.authenticated(current, null, current.getAuthorities());
                var context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(refreshed);
                SecurityContextHolder.setContext(context);
            }
        }
        chain.doFilter(request, response);
    }
}
