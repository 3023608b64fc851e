package org.patchwork.layers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import org.patchwork.ApiClient;
import org.patchwork.SharedDataDirectory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * GETs from the server under test exactly as a GIS client would, with nothing Spring-specific in between:
 * signed in with HTTP Basic as the first administrator (who sees the open data, i.e. the boundaries, at
 * record level), unless made {@link #anonymous}.
 */
final class ServerClient {

    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    static final String EPSG_4326 = "http://www.opengis.net/def/crs/EPSG/0/4326";
    static final String EPSG_27700 = "http://www.opengis.net/def/crs/EPSG/0/27700";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;
    private final String authorization;

    ServerClient(int port) {
        this(port, ApiClient.basicHeader("admin", SharedDataDirectory.ADMIN_PASSWORD));
    }

    private ServerClient(int port, String authorization) {
        this.base = "http://localhost:" + port;
        this.authorization = authorization;
    }

    /** A client that sends no credentials. */
    static ServerClient anonymous(int port) {
        return new ServerClient(port, null);
    }

    /** {@code target} is a path with its query (already URL-encoded) or an absolute URL from a link. */
    HttpResponse<String> get(String target) {
        URI uri = URI.create(target.startsWith("http") ? target : base + target);
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(uri).GET();
            if (authorization != null) {
                request.header("Authorization", authorization);
            }
            return HTTP.send(request.build(), BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + uri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("GET " + uri + " interrupted", e);
        }
    }

    /** The body of a successful JSON response. */
    JsonNode getJson(String target) {
        HttpResponse<String> response = get(target);
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + target + " answered " + response.statusCode() + ": " + response.body());
        }
        return json(response);
    }

    static JsonNode json(HttpResponse<String> response) {
        return JSON.readTree(response.body());
    }

    static String contentType(HttpResponse<?> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    /** The href of the first link with this rel, or null. */
    static String link(JsonNode document, String rel) {
        for (JsonNode link : document.path("links")) {
            if (rel.equals(link.path("rel").asString())) {
                return link.path("href").asString();
            }
        }
        return null;
    }

    static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
