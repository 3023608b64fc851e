package org.patchwork;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * Sets up partners, users and sharing agreements through the admin API, as an administrator would; an
 * agreement is made and changed by a data manager of the dataset's owner partner (separation of duties:
 * administrators may only withdraw them).
 * The database outlives a test class (and a run), so every name gets a random suffix and nothing
 * assumes how many partners, users or agreements exist.
 */
public final class AdminApi {

    /** A user the tests can sign in as. */
    public record User(long id, String username, String password, long partnerId, String role) {

        public ApiClient basic(int port) {
            return ApiClient.basic(port, username, password);
        }
    }

    /** One recipient of an agreement: a partner, a role, or both; null minGeography means lsoa. */
    public record Recipient(Long partnerId, String role, String accessLevel, String minGeography) {

        public static Recipient partner(long partnerId, String accessLevel, String minGeography) {
            return new Recipient(partnerId, null, accessLevel, minGeography);
        }

        public static Recipient role(String role, String accessLevel) {
            return new Recipient(null, role, accessLevel, "lsoa");
        }
    }

    private final ApiClient admin;
    private final int port;
    private final Map<Long, User> ownersManagers = new HashMap<>();
    private final Map<Long, Long> datasetOfAgreement = new HashMap<>();

    public AdminApi(int port) {
        this.admin = ApiClient.admin(port);
        this.port = port;
    }

    /** A data manager of the partner that owns the dataset (made on first use), who may make its agreements. */
    public User ownersDataManager(long datasetId) {
        long owner = admin.getJson("/api/datasets/" + datasetId).path("dataset").path("ownerPartnerId").asLong();
        return ownersManagers.computeIfAbsent(owner, partner -> user(partner, "data-manager"));
    }

    public ApiClient client() {
        return admin;
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** A new partner called {@code name} plus a random suffix; returns its id. */
    public long partner(String name, String kind) {
        return admin.postJson("/api/admin/partners", Map.of("name", unique(name), "kind", kind)).path("id").asLong();
    }

    /** A new partner called exactly {@code name} (for a database of its own, where the name cannot clash). */
    public long partnerNamed(String name, String kind) {
        return admin.postJson("/api/admin/partners", Map.of("name", name, "kind", kind)).path("id").asLong();
    }

    /** The id of an existing partner, e.g. "Merseyside Police" (created when its data is loaded). */
    public long partnerId(String name) {
        for (JsonNode partner : admin.getJson("/api/admin/partners")) {
            if (partner.path("name").asString().equals(name)) {
                return partner.path("id").asLong();
            }
        }
        throw new AssertionError("no partner called " + name);
    }

    /** A new enabled user of the partner with this role and a random password. */
    public User user(long partnerId, String role) {
        String username = unique(role).toLowerCase();
        String password = "pw-" + UUID.randomUUID();
        JsonNode created = admin.postJson("/api/admin/users", Map.of("username", username, "displayName", "Test " + role,
                "partnerId", partnerId, "role", role, "password", password));
        return new User(created.path("id").asLong(), username, password, partnerId, role);
    }

    public ApiClient.Reply setEnabled(User user, boolean enabled) {
        return admin.patch("/api/admin/users/" + user.id(), Map.of("enabled", enabled));
    }

    /** Creates an agreement on the dataset; returns its id. */
    public long agreement(long datasetId, LocalDate start, LocalDate expiry, Recipient... recipients) {
        long id = ownersDataManager(datasetId).basic(port).postJson("/api/datasets/" + datasetId + "/agreements",
                agreementBody(start, expiry, recipients)).path("id").asLong();
        datasetOfAgreement.put(id, datasetId);
        return id;
    }

    /** Changes an agreement made through this object. */
    public ApiClient.Reply updateAgreement(long agreementId, LocalDate start, LocalDate expiry, Recipient... recipients) {
        Long datasetId = datasetOfAgreement.get(agreementId);
        if (datasetId == null) {
            throw new IllegalStateException("agreement " + agreementId + " was not made through this AdminApi");
        }
        return ownersDataManager(datasetId).basic(port).put("/api/agreements/" + agreementId, agreementBody(start, expiry, recipients));
    }

    public ApiClient.Reply withdraw(long agreementId) {
        return admin.post("/api/agreements/" + agreementId + "/withdraw", null);
    }

    public static Map<String, Object> agreementBody(LocalDate start, LocalDate expiry, Recipient... recipients) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", unique("Test agreement"));
        body.put("purpose", "Integration test of the access rules");
        body.put("legalBasis", "Crime and Disorder Act 1998 s.115");
        body.put("startDate", start.toString());
        body.put("expiryDate", expiry.toString());
        List<Map<String, Object>> list = Arrays.stream(recipients).map(r -> {
            Map<String, Object> recipient = new LinkedHashMap<>();
            recipient.put("partnerId", r.partnerId());
            recipient.put("role", r.role());
            recipient.put("accessLevel", r.accessLevel());
            recipient.put("minGeography", r.minGeography());
            return recipient;
        }).toList();
        body.put("recipients", list);
        return body;
    }
}
