package org.patchwork;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Calls the server under test the way its clients do: HTTP Basic (GIS clients, scripts), a bearer API
 * token, nothing at all, or a browser session (cookies, the XSRF-TOKEN cookie sent back as a header).
 * Redirects are not followed, so a test sees the 302 itself.
 */
public final class ApiClient {

    /** What the server answered. */
    public record Reply(int status, String body, HttpHeaders headers) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }

        public String contentType() {
            return headers.firstValue("Content-Type").orElse("");
        }

        public boolean isProblem() {
            return contentType().startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final String authorization;
    private final CookieManager cookies;
    private final HttpClient http;
    private final int port;
    private final boolean csrfPair;

    private ApiClient(int port, String authorization, CookieManager cookies) {
        this(port, authorization, cookies, authorization != null && authorization.startsWith("Basic "));
    }

    private ApiClient(int port, String authorization, CookieManager cookies, boolean csrfPair) {
        this.base = "http://localhost:" + port;
        this.port = port;
        this.authorization = authorization;
        this.cookies = cookies;
        this.csrfPair = csrfPair;
        HttpClient.Builder builder = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER);
        this.http = (cookies == null ? builder : builder.cookieHandler(cookies)).build();
    }

    public static ApiClient anonymous(int port) {
        return new ApiClient(port, null, null);
    }

    public static ApiClient basic(int port, String username, String password) {
        return new ApiClient(port, basicHeader(username, password), null);
    }

    /** The first administrator, created at start-up from the test configuration. */
    public static ApiClient admin(int port) {
        return basic(port, "admin", SharedDataDirectory.ADMIN_PASSWORD);
    }

    public static ApiClient bearer(int port, String token) {
        return new ApiClient(port, "Bearer " + token, null);
    }

    /** A browser: keeps cookies, sends no credentials until {@link #signIn} starts a session. */
    public static ApiClient browser(int port) {
        return new ApiClient(port, null, new CookieManager());
    }

    /**
     * The same credentials without the CSRF cookie and header a script sends with Basic on a request that
     * changes state: what a browser that cached Basic credentials sends on a cross-site form post.
     */
    public ApiClient withoutCsrfToken() {
        return new ApiClient(port, authorization, cookies, false);
    }

    /**
     * A script using HTTP Basic proves a request is not a cross-site forgery as the web app does: the same
     * value in the XSRF-TOKEN cookie and the X-XSRF-TOKEN header (a page on another site can set neither).
     */
    public static String[] csrfPairHeaders() {
        return new String[] {"X-XSRF-TOKEN", "script-token", "Cookie", "XSRF-TOKEN=script-token"};
    }

    public static String basicHeader(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** {@code headers} are name, value pairs. */
    public Reply get(String target, String... headers) {
        return send("GET", target, null, headers);
    }

    public Reply post(String target, Object jsonBody, String... headers) {
        return send("POST", target, jsonBody, headers);
    }

    public Reply put(String target, Object jsonBody, String... headers) {
        return send("PUT", target, jsonBody, headers);
    }

    public Reply patch(String target, Object jsonBody, String... headers) {
        return send("PATCH", target, jsonBody, headers);
    }

    public Reply delete(String target, String... headers) {
        return send("DELETE", target, null, headers);
    }

    /** The JSON body of a response with the expected status; anything else fails with the response. */
    public JsonNode json(int expectedStatus, Reply reply) {
        if (reply.status() != expectedStatus) {
            throw new AssertionError("expected " + expectedStatus + " but got " + reply);
        }
        return reply.json();
    }

    public JsonNode getJson(String target) {
        return json(200, get(target));
    }

    public JsonNode postJson(String target, Object body) {
        Reply reply = post(target, body);
        return json(reply.status() == 201 ? 201 : 200, reply);
    }

    /** Any method with a JSON body (null for none); a string body is sent as a form instead. */
    public Reply send(String method, String target, Object body, String... headers) {
        URI uri = URI.create(target.startsWith("http") ? target : base + target);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        if (csrfPair && !List.of("GET", "HEAD", "OPTIONS").contains(method) && !List.of(headers).contains("X-XSRF-TOKEN")) {
            String[] pair = csrfPairHeaders();
            for (int i = 0; i < pair.length; i += 2) {
                request.header(pair[i], pair[i + 1]);
            }
        }
        if (body == null) {
            request.method(method, BodyPublishers.noBody());
        } else if (body instanceof String form) {
            request.header("Content-Type", "application/x-www-form-urlencoded").method(method, BodyPublishers.ofString(form));
        } else {
            request.header("Content-Type", "application/json").method(method, BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        try {
            var response = http.send(request.build(), BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " " + uri + " interrupted", e);
        }
    }

    /** A GET whose body is bytes (tiles, images, files), with the same credentials. */
    public java.net.http.HttpResponse<byte[]> getBytes(String target, String... headers) {
        URI uri = URI.create(target.startsWith("http") ? target : base + target);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("GET " + uri + " interrupted", e);
        }
    }

    // --- browser sessions ---

    /**
     * Signs in as the sign-in page's script does: fetch the XSRF-TOKEN cookie from {@code /api/session},
     * then post the form with that token in X-XSRF-TOKEN and X-Requested-With (JSON answers, no redirect).
     */
    public Reply signIn(String username, String password) {
        return post("/login", form(username, password), "X-XSRF-TOKEN", xsrfToken(), "X-Requested-With", "XMLHttpRequest");
    }

    /** The sign-in form body. */
    public static String form(String username, String password) {
        return "username=" + encode(username) + "&password=" + encode(password);
    }

    /** The current XSRF-TOKEN cookie, asking the server for one first when there is none. */
    public String xsrfToken() {
        if (cookie("XSRF-TOKEN") == null) {
            get("/api/session");
        }
        return cookie("XSRF-TOKEN");
    }

    /** A state-changing request as the web app makes it: the session cookie plus the CSRF header. */
    public Reply sendWithCsrf(String method, String target, Object body) {
        return send(method, target, body, "X-XSRF-TOKEN", xsrfToken(), "X-Requested-With", "XMLHttpRequest");
    }

    /** The value of a cookie this browser holds for the server, or null. */
    public String cookie(String name) {
        if (cookies == null) {
            throw new IllegalStateException("only a browser() client keeps cookies");
        }
        return cookies.getCookieStore().get(URI.create(base)).stream()
                .filter(c -> c.getName().equals(name) && !c.getValue().isEmpty() && !c.hasExpired())
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    /** Puts a cookie in this browser's jar, e.g. another browser's session cookie. */
    public void setCookie(String name, String value) {
        HttpCookie cookie = new HttpCookie(name, value);
        cookie.setPath("/");
        cookie.setVersion(0);
        cookies.getCookieStore().add(URI.create(base), cookie);
    }

    public static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
