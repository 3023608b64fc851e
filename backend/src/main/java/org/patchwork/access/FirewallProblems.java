package org.patchwork.access;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.stereotype.Component;

/**
 * A URL Spring Security's firewall refuses (an encoded slash, {@code //}, a backslash, a semicolon, an
 * encoded quote or percent...) is answered 400 problem+json like every other error, not with Spring's
 * default JSON. Spring Security picks this handler up as the only {@link RequestRejectedHandler} bean.
 * The problem's instance is the path as received with anything outside a safe set percent-encoded.
 */
@Component
class FirewallProblems implements RequestRejectedHandler {

    private static final Logger log = LoggerFactory.getLogger(FirewallProblems.class);

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException e) throws IOException {
        log.info("Refused a request the firewall rejected: {}", e.getMessage());
        ProblemSecurityHandlers.write(response, 400, "invalid-url", "Invalid request",
                "The address holds characters or sequences that are not allowed (such as an encoded slash, '//', a backslash, "
                        + "a semicolon or an encoded quote); check the link or encode the value as a query parameter.",
                new SafeUri(request));
    }

    /** The request, its path as received but with every character outside a safe set percent-encoded (for {@code instance}). */
    private static final class SafeUri extends jakarta.servlet.http.HttpServletRequestWrapper {
        SafeUri(HttpServletRequest request) {
            super(request);
        }

        @Override
        public String getRequestURI() {
            String raw = String.valueOf(super.getRequestURI());
            StringBuilder safe = new StringBuilder();
            for (byte b : raw.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                char c = (char) (b & 0xff);
                if (c < 128 && (Character.isLetterOrDigit(c) || "/._~%-".indexOf(c) >= 0)) {
                    safe.append(c);
                } else {
                    safe.append('%').append(String.format("%02X", b & 0xff));
                }
            }
            return safe.toString();
        }
    }
}
