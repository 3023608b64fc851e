package org.patchwork.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.http.HttpServletRequest;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** Links are built from the configured base URL, never from the Host header a client sends. */
class BaseUrlFilterTest {

    @Test
    void withABaseUrlTheHostHeaderIsNotReflectedIntoLinks() throws Exception {
        assertThat(linkSeenBy(new BaseUrlFilter("https://patchwork.example.org")))
                .isEqualTo("https://patchwork.example.org/ogc/collections?f=json");
    }

    @Test
    void aBaseUrlWithAPortAndATrailingSlash() throws Exception {
        assertThat(linkSeenBy(new BaseUrlFilter("http://gis.council.example:8443/")))
                .isEqualTo("http://gis.council.example:8443/ogc/collections?f=json");
    }

    @Test
    void withoutABaseUrlTheRequestIsLeftAlone() throws Exception {
        assertThat(linkSeenBy(new BaseUrlFilter(""))).isEqualTo("http://attacker.example/ogc/collections?f=json");
    }

    private static String linkSeenBy(BaseUrlFilter filter) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/ogc/collections");
        request.setQueryString("f=json");
        request.setServerName("attacker.example");   // what the Host header said
        request.setServerPort(80);
        request.addHeader("Host", "attacker.example");
        AtomicReference<String> link = new AtomicReference<>();
        filter.doFilter(request, new MockHttpServletResponse(), new MockFilterChain() {
            @Override
            public void doFilter(jakarta.servlet.ServletRequest seen, jakarta.servlet.ServletResponse response) {
                link.set(ServletUriComponentsBuilder.fromRequest((HttpServletRequest) seen).build().toUriString());
            }
        });
        return link.get();
    }
}
