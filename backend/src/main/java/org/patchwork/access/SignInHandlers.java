package org.patchwork.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Answers sign-in and sign-out: JSON for the sign-in page's script, a redirect for a plain form post.
 * Every failure gets the same message, whether the user name exists or not. Sign-ins, failures and
 * sign-outs are audited. Failed and successful password checks feed the {@link SignInThrottle}.
 */
@Component
class SignInHandlers implements AuthenticationSuccessHandler, AuthenticationFailureHandler, LogoutSuccessHandler {

    static final String FAILED = "The user name or password is not right, or the account is disabled.";

    private final AccessPolicy policy;
    private final SignInThrottle throttle;

    SignInHandlers(AccessPolicy policy, SignInThrottle throttle) {
        this.policy = policy;
        this.throttle = throttle;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        Viewer viewer = SessionController.viewerOf(authentication);
        policy.audit(viewer, "login", "allowed", null, "session", null, null);
        if (fromScript(request)) {
            response.setContentType("application/json");
            response.getWriter().write("{\"signedIn\":true}");
        } else {
            response.sendRedirect(request.getContextPath() + "/");
        }
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (fromScript(request)) {
            ProblemSecurityHandlers.write(response, 401, "sign-in-failed", "Sign-in failed", FAILED, request);
        } else {
            response.sendRedirect(request.getContextPath() + "/login.html?error");
        }
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException {
        if (authentication != null) {
            policy.audit(SessionController.viewerOf(authentication), "logout", "allowed", null, "session", null, null);
        }
        if (fromScript(request)) {
            response.setStatus(204);
        } else {
            response.sendRedirect(request.getContextPath() + "/login.html?signed-out");
        }
    }

    /** Every failed authentication (form, Basic, OpenID Connect), with the name that was tried. */
    @EventListener
    void failed(AbstractAuthenticationFailureEvent event) {
        String tried = String.valueOf(event.getAuthentication().getName());
        policy.audit(new Viewer(null, tried.length() > 100 ? tried.substring(0, 100) : tried, null, null, null),
                "login-failed", "failed", null, "session", null, event.getException().getClass().getSimpleName());
        HttpServletRequest request = currentRequest();
        if (request != null && event.getAuthentication() instanceof UsernamePasswordAuthenticationToken) {
            throttle.failed(tried, request.getRemoteAddr());
        }
    }

    /** A password that worked (form or Basic) clears that account's failures at this address. */
    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        HttpServletRequest request = currentRequest();
        if (request != null && event.getAuthentication() instanceof UsernamePasswordAuthenticationToken token
                && SignInThrottleFilter.triedUsername(request) != null) {
            throttle.succeeded(token.getName(), request.getRemoteAddr());
        }
    }

    private static HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest() : null;
    }

    private static boolean fromScript(HttpServletRequest request) {
        return request.getHeader("X-Requested-With") != null;
    }
}
