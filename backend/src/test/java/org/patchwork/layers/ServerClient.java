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
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** GETs from the server under test exactly as a GIS client would, with nothing Spring-specific in between. */
final class ServerClient {

    static final String CRS84 = "http://www.opengis.net/def/crs/OGC/1.3/CRS84";
    static final String EPSG_4326 = "http://www.opengis.net/def/crs/EPSG/0/4326";
    static final String EPSG_27700 = "http://www.opengis.net/def/crs/EPSG/0/27700";

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;

    ServerClient(int port) {
        this.base = "http://localhost:" + port;
    }

    /** {@code target} is a path with its query (already URL-encoded) or an absolute URL from a link. */
    HttpResponse<String> get(String target) {
        URI uri = URI.create(target.startsWith("http") ? target : base + target);
        try {
            return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), BodyHandlers.ofString());
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
