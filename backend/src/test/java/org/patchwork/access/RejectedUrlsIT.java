package org.patchwork.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchwork.ApiClient;
import org.patchwork.PatchworkIntegrationTest;
import org.patchwork.SharedDataDirectory;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * URLs that Spring Security's firewall (or the servlet container) refuses are answered like every other
 * error: 400 application/problem+json with the request id of the X-Request-Id header, no stack trace.
 * Sent over a plain socket, byte for byte, because Java's HTTP client refuses to send most of them.
 */
@PatchworkIntegrationTest
class RejectedUrlsIT {

    @LocalServerPort
    int port;

    @ParameterizedTest
    @ValueSource(strings = {
            "/ogc/collections/lsoa/items/%27%3B%20drop%20table%20x%3B--",   // encoded semicolon (an SQL injection attempt)
            "/ogc/collections/lsoa/items/a%2Fb",                              // encoded slash
            "/ogc//collections/lsoa/items",                                    // double slash
            "/ogc/collections/lsoa\\items",                                    // backslash
            "/ogc/collections;x=1/lsoa/items",                                 // semicolon (path parameter)
            "/ogc/collections/%2e%2e/lsoa/items",                              // encoded dot-dot
            "/ogc/collections/lsoa/items/%25",                                 // encoded percent
            "/api/datasets/%3B"})
    void refusedUrlIsProblemJson(String target) throws IOException {
        Response response = get(target);

        assertThat(response.status).as(target).isEqualTo(400);
        assertThat(response.headers.getOrDefault("content-type", "")).as(target).startsWith("application/problem+json");
        assertThat(response.body).doesNotContain("Exception", "at org.", "at java.", "drop table");
        JsonNode problem = new ObjectMapper().readTree(response.body);
        assertThat(problem.path("status").asInt()).isEqualTo(400);
        assertThat(problem.path("type").asString()).isEqualTo("/problems/invalid-url");
        assertThat(problem.path("detail").asString()).isNotBlank();
        assertThat(problem.path("requestId").asString()).isNotBlank().isEqualTo(response.headers.get("x-request-id"));
    }

    private record Response(int status, Map<String, String> headers, String body) {
    }

    /** One HTTP/1.0 GET (so the body is not chunked) with the target exactly as given. */
    private Response get(String target) throws IOException {
        try (Socket socket = new Socket("localhost", port)) {
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + target + " HTTP/1.0\r\nHost: localhost:" + port + "\r\nAccept: application/json\r\nAuthorization: "
                    + ApiClient.basicHeader("admin", SharedDataDirectory.ADMIN_PASSWORD) + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            InputStream in = socket.getInputStream();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            String[] head = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new LinkedHashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.put(head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).strip());
            }
            return new Response(Integer.parseInt(head[0].split(" ")[1]), headers, text.substring(end + 4));
        }
    }
}
