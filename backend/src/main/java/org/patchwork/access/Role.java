package org.patchwork.access;

import java.util.Arrays;
import java.util.Optional;

/** What a user does in the partnership; stored as {@link #key()}. */
public enum Role {
    ADMIN("admin"), DATA_MANAGER("data-manager"), ANALYST("analyst"), OFFICER("officer"), VIEWER("viewer");

    private final String key;

    Role(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public String authority() {
        return "ROLE_" + name();
    }

    public static Optional<Role> fromKey(String key) {
        return Arrays.stream(values()).filter(r -> r.key.equals(key)).findFirst();
    }
}
