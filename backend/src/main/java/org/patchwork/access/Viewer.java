package org.patchwork.access;

/** Whoever is asking: a signed-in user of a partner, or an anonymous member of the public. */
public record Viewer(Long userId, String username, Long partnerId, String partnerName, Role role) {

    public static Viewer anonymous() {
        return new Viewer(null, "anonymous", null, null, null);
    }

    public boolean isAnonymous() {
        return userId == null;
    }

    public boolean isAdmin() {
        return role == Role.ADMIN;
    }
}
