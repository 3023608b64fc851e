package org.patchwork.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/**
 * OpenID Connect sign-in maps the identity provider's user to a Patchwork account by e-mail; what the
 * person may see comes from that account. (The round trip to a real identity provider is not run here.)
 */
@PatchworkIntegrationTest
class OidcAccountsIT {

    @Autowired
    OidcAccounts oidcAccounts;
    @Autowired
    AccountStore accounts;
    @Autowired
    PasswordEncoder passwords;

    @Test
    void anIdentityWithTheEmailOfAnAccountSignsInAsThatAccount() {
        String email = "oidc-" + UUID.randomUUID().toString().substring(0, 8) + "@example.gov.uk";
        long partner = accounts.createPartner("OIDC test partner " + UUID.randomUUID(), "nhs");
        accounts.createUser(email, "OIDC analyst", partner, Role.ANALYST, null);

        OidcUser signedIn = oidcAccounts.toPatchworkUser(identity(email.toUpperCase()));   // e-mail case does not matter

        assertThat(signedIn.getName()).isEqualTo(email);
        assertThat(signedIn.getAuthorities()).extracting(Object::toString).containsExactly("ROLE_ANALYST");
        Viewer viewer = SessionController.viewerOf(UsernamePasswordAuthenticationToken.authenticated(signedIn, null, signedIn.getAuthorities()));
        assertThat(viewer.username()).isEqualTo(email);
        assertThat(viewer.partnerId()).isEqualTo(partner);
        assertThat(viewer.role()).isEqualTo(Role.ANALYST);
    }

    @Test
    void anIdentityWithoutAnAccountIsRefused() {
        assertThatThrownBy(() -> oidcAccounts.toPatchworkUser(identity("nobody-" + UUID.randomUUID() + "@example.org")))
                .isInstanceOf(OAuth2AuthenticationException.class);
    }

    @Test
    void aDisabledAccountIsRefused() {
        String email = "disabled-" + UUID.randomUUID().toString().substring(0, 8) + "@example.gov.uk";
        long partner = accounts.createPartner("OIDC disabled partner " + UUID.randomUUID(), "council");
        long id = accounts.createUser(email, "Disabled", partner, Role.VIEWER, passwords.encode("a-long-password-1"));
        accounts.updateUser(id, null, false, null);
        assertThatThrownBy(() -> oidcAccounts.toPatchworkUser(identity(email))).isInstanceOf(OAuth2AuthenticationException.class);
    }

    private static OidcUser identity(String email) {
        OidcIdToken token = new OidcIdToken("token", Instant.now(), Instant.now().plusSeconds(300),
                Map.of("sub", UUID.randomUUID().toString(), "email", email, "iss", "https://login.example.org"));
        return new DefaultOidcUser(List.of(), token);
    }
}
