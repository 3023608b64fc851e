package org.patchwork.hotspots;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patchwork.ApiClient;
import tools.jackson.databind.JsonNode;

/** Starts hotspot runs through the API and waits for them to finish, as the web app does. */
public final class HotspotRunClient {

    private HotspotRunClient() {
    }

    public static Map<String, Object> body(long datasetId, List<String> categories, String from, String to, String method,
                                           Map<String, Object> parameters) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("datasetId", datasetId);
        body.put("categories", categories);
        body.put("from", from);
        body.put("to", to);
        body.put("method", method);
        body.put("parameters", parameters);
        return body;
    }

    /** Starts a run (202) and answers it once it has succeeded. */
    public static JsonNode run(ApiClient client, Map<String, Object> body) {
        ApiClient.Reply reply = client.post("/api/hotspots", body);
        assertThat(reply.status()).as("%s", reply).isEqualTo(202);
        return await(client, reply.json().path("id").asLong());
    }

    public static JsonNode await(ApiClient client, long id) {
        long deadline = System.currentTimeMillis() + 300_000;
        while (true) {
            JsonNode run = client.getJson("/api/hotspots/" + id);
            String state = run.path("state").asString();
            if (state.equals("succeeded")) {
                return run;
            }
            assertThat(state).as("run %s: %s", id, run).isNotEqualTo("failed");
            assertThat(System.currentTimeMillis()).as("run %s finishes in time", id).isLessThan(deadline);
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
