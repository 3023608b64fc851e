package org.patchwork.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.patchwork.web.ProblemType;
import org.slf4j.MDC;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

/**
 * Unauthenticated and forbidden requests: a person's browser is sent to the sign-in page; API clients
 * and the app's own scripts get 401/403 problem+json. GIS clients are also told they may use Basic
 * authentication; browsers never are (neither the app's scripts, which send X-Requested-With, nor any
 * request carrying the Sec-Fetch-* headers every current browser sends), so a browser never prompts for
 * Basic credentials and never caches them for another site's forms to use. Every 403 (a role the path
 * needs, a missing or wrong CSRF token) is audited.
 */
@Component
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final AccessPolicy policy;

    ProblemSecurityHandlers(AccessPolicy policy) {
        this.policy = policy;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (isPageNavigation(request)) {
            response.sendRedirect(request.getContextPath() + "/login.html");
            return;
        }
        if (request.getHeader("X-Requested-With") == null && !fromBrowser(request)) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Patchwork\"");
        }
        write(response, 401, "unauthenticated", "Unauthenticated",
                "Sign in first: a browser session, HTTP Basic, or an API token as 'Authorization: Bearer <token>'.", request);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        Viewer viewer = policy.currentViewer();
        String path = request.getMethod() + " " + request.getRequestURI();
        if (e instanceof CsrfException) {
            String claimed = SignInThrottleFilter.triedUsername(request);
            policy.audit(viewer, "denied", "denied", null, "csrf", null, "no valid CSRF token: " + path
                    + (claimed != null && viewer.isAnonymous() ? " (Basic credentials for '" + claimed + "', not checked)" : ""));
        } else {
            policy.audit(viewer, "denied", "denied", null, request.getRequestURI().startsWith("/api/admin") ? "admin-api" : "role",
                    null, "role not allowed: " + path);
        }
        String detail = e instanceof CsrfException
                ? "A request that changes something needs the CSRF token: the X-XSRF-TOKEN header with the value of the "
                        + "XSRF-TOKEN cookie (reload the page if the form was open for a long time), or an API token as "
                        + "'Authorization: Bearer <token>'."
                : request.getRequestURI().startsWith("/api/admin")
                ? "Only administrators may do this."
                : "You may not do this; if the form was open for a long time, reload the page and try again.";
        write(response, 403, "access-denied", "Forbidden", detail, request);
    }

    /** Fetch Metadata request headers: sent by browsers (Chrome 76+, Firefox 90+, Safari 16.4+), never by GIS clients. */
    static boolean fromBrowser(HttpServletRequest request) {
        return request.getHeader("Sec-Fetch-Mode") != null || request.getHeader("Sec-Fetch-Site") != null
                || request.getHeader("Sec-Fetch-Dest") != null;
    }

    private static boolean isPageNavigation(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        return "GET".equals(request.getMethod()) && accept != null && accept.contains("text/html")
                && request.getHeader("X-Requested-With") == null && !request.getRequestURI().startsWith("/ogc");
    }

    static void write(HttpServletResponse response, int status, String type, String title, String detail,
                      HttpServletRequest request) throws IOException {
        response.setStatus(status);
        response.setContentType("application/problem+json");
        response.setCharacterEncoding("UTF-8");
        response.getWriter().write("{\"type\":\"" + ProblemType.of(type).uri() + "\",\"title\":\"" + title + "\",\"status\":" + status
                + ",\"detail\":\"" + json(detail) + "\",\"instance\":\"" + json(request.getRequestURI())
                + "\",\"requestId\":\"" + json(String.valueOf(MDC.get("requestId"))) + "\"}");
    }

    private static String json(String text) {
        return text.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
