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
import org.springframework.stereotype.Component;

/**
 * Unauthenticated and forbidden requests: a person's browser is sent to the sign-in page; API clients
 * and the app's own scripts get 401/403 problem+json. GIS clients are also told they may use Basic
 * authentication; the app's scripts (which send X-Requested-With) are not, so no browser pop-up appears.
 */
@Component
class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        if (isPageNavigation(request)) {
            response.sendRedirect(request.getContextPath() + "/login.html");
            return;
        }
        if (request.getHeader("X-Requested-With") == null) {
            response.setHeader("WWW-Authenticate", "Basic realm=\"Patchwork\"");
        }
        write(response, 401, "unauthenticated", "Unauthenticated",
                "Sign in first: a browser session, HTTP Basic, or an API token as 'Authorization: Bearer <token>'.", request);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e) throws IOException {
        String detail = request.getRequestURI().startsWith("/api/admin")
                ? "Only administrators may do this."
                : "You may not do this; if the form was open for a long time, reload the page and try again.";
        write(response, 403, "access-denied", "Forbidden", detail, request);
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
