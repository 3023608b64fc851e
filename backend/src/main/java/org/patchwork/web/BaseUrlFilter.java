package org.patchwork.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * With {@code patchwork.base-url} set, every request looks as if it came to that URL, so the links the
 * app writes (OGC API self, next, collection links) use it instead of whatever Host header a client sent:
 * a forged Host cannot plant another site's address in a response or a cache. Without it the request is
 * left alone (fine on one machine; set it behind a proxy or on a shared name).
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BaseUrlFilter extends OncePerRequestFilter {

    private final URI base;

    BaseUrlFilter(@Value("${patchwork.base-url:}") String baseUrl) {
        this.base = baseUrl == null || baseUrl.isBlank() ? null : URI.create(baseUrl.strip());
        if (base != null && (base.getScheme() == null || base.getHost() == null)) {
            throw new IllegalStateException("patchwork.base-url must look like https://patchwork.example.org");
        }
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(base == null ? request : new AtBaseUrl(request, base), response);
    }

    private static final class AtBaseUrl extends HttpServletRequestWrapper {

        private final URI base;

        AtBaseUrl(HttpServletRequest request, URI base) {
            super(request);
            this.base = base;
        }

        @Override
        public String getScheme() {
            return base.getScheme();
        }

        @Override
        public boolean isSecure() {
            return "https".equalsIgnoreCase(base.getScheme());
        }

        @Override
        public String getServerName() {
            return base.getHost();
        }

        @Override
        public int getServerPort() {
            return base.getPort() != -1 ? base.getPort() : isSecure() ? 443 : 80;
        }

        @Override
        public String getHeader(String name) {
            return "Host".equalsIgnoreCase(name) ? base.getRawAuthority() : super.getHeader(name);
        }

        @Override
        public StringBuffer getRequestURL() {
            return new StringBuffer(base.getScheme()).append("://").append(base.getRawAuthority()).append(getRequestURI());
        }
    }
}
