package org.patchwork.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.patchwork.ApiClient;
import org.patchwork.SharedDataDirectory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Sets up accounts through the admin API with HTTP Basic, as a script would (sending the CSRF cookie and
 * header pair on requests that change state). The database outlives a test run, so names get a random suffix.
 */
final class TestAccounts {

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String base;

    TestAccounts(int port) {
        this.base = "http://localhost:" + port;
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    long partnerId(String name) {
        for (JsonNode partner : send("GET", "/api/partners", null, "admin", SharedDataDirectory.ADMIN_PASSWORD)) {
            if (name.equals(partner.path("name").asString())) {
                return partner.path("id").asLong();
            }
        }
        throw new AssertionError("No partner called " + name);
    }

    /** Creates a partner of this kind (police, council, nhs, ...) and returns its id. */
    long createPartner(String name, String kind) {
        return send("POST", "/api/admin/partners", Map.of("name", name, "kind", kind), "admin", SharedDataDirectory.ADMIN_PASSWORD)
                .path("id").asLong();
    }

    void createUser(String username, String displayName, long partnerId, String role, String password) {
        send("POST", "/api/admin/users", Map.of("username", username, "displayName", displayName, "partnerId", partnerId,
                "role", role, "password", password), "admin", SharedDataDirectory.ADMIN_PASSWORD);
    }

    /** The status of a GET sent with an API token, as QGIS or GDAL would send it. */
    int statusWithToken(String path, String token) {
        return status(path, "Bearer " + token);
    }

    /** The status of a GET as the given user. */
    int status(String path, String username, String password) {
        return status(path, basic(username, password));
    }

    private int status(String path, String authorization) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", authorization)
                .header("Accept", "application/json").GET().build();
        try {
            return HTTP.send(request, BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** GET as the given user; the body of a 200 answer. */
    JsonNode get(String path, String username, String password) {
        return send("GET", path, null, username, password);
    }

    private static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private JsonNode send(String method, String path, Object body, String username, String password) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path))
                .header("Authorization", basic(username, password))
                .header("Accept", "application/json, application/geo+json");
        if (!method.equals("GET")) {
            request.headers(ApiClient.csrfPairHeaders());
        }
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": " + response.body());
            }
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
