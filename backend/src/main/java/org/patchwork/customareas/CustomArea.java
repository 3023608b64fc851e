package org.patchwork.customareas;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A saved custom area. {@code code} ("custom-12") is what indicator values, profiles and the OGC collection
 * call it; {@code lsoas} are its whole LSOAs, sorted; {@code districts} the districts they lie in.
 */
public record CustomArea(long id, String name, String source, List<String> lsoas, List<String> districts, String createdBy,
                         String partnerName, OffsetDateTime createdAt) {

    public static final String CODE_PREFIX = "custom-";

    public String code() {
        return CODE_PREFIX + id;
    }

    /** The district the whole area lies in, or null when it spans several (it is then compared with the partnership only). */
    public String district() {
        return districts.size() == 1 ? districts.get(0) : null;
    }

    Map<String, Object> json() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", id);
        body.put("code", code());
        body.put("name", name);
        body.put("source", source);
        body.put("lsoaCount", lsoas.size());
        body.put("lsoas", lsoas);
        body.put("districts", districts);
        body.put("createdBy", createdBy);
        body.put("partner", partnerName);
        body.put("createdAt", createdAt == null ? null : createdAt.toString());
        body.put("href", "/api/custom-areas/" + id);
        body.put("profile", "/api/areas/" + code() + "/profile");
        return body;
    }
}
