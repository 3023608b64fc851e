package org.patchwork.access;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * A signed-in account: the principal of every authenticated request, however the user signed in.
 * Its password hash is erased once authentication succeeds, so it never reaches the session store.
 */
final class PatchworkUser implements UserDetails, CredentialsContainer {

    private final long id;
    private final String username;
    private final String displayName;
    private final long partnerId;
    private final String partnerName;
    private final Role role;
    private final boolean enabled;
    private String passwordHash;

    PatchworkUser(long id, String username, String displayName, long partnerId, String partnerName, Role role,
                  String passwordHash, boolean enabled) {
        this.id = id;
        this.username = username;
        this.displayName = displayName;
        this.partnerId = partnerId;
        this.partnerName = partnerName;
        this.role = role;
        this.passwordHash = passwordHash;
        this.enabled = enabled;
    }

    Viewer viewer() {
        return new Viewer(id, username, partnerId, partnerName, role);
    }

    long id() {
        return id;
    }

    String displayName() {
        return displayName;
    }

    String partnerName() {
        return partnerName;
    }

    long partnerId() {
        return partnerId;
    }

    Role role() {
        return role;
    }

    String passwordHash() {
        return passwordHash;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority(role.authority()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return username;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void eraseCredentials() {
        passwordHash = null;
    }
}
