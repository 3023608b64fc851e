package org.patchwork.access;

import java.util.Locale;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/**
 * OpenID Connect sign-in (e.g. Microsoft Entra ID), on when a client registration is configured.
 * The identity provider proves who the person is; what they may see still comes from a Patchwork
 * account, matched by e-mail address (the account's user name), which an administrator creates first.
 */
@Component
class OidcAccounts extends OidcUserService {

    private final AccountStore accounts;

    OidcAccounts(AccountStore accounts) {
        this.accounts = accounts;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) throws OAuth2AuthenticationException {
        OidcUser oidcUser = super.loadUser(request);
        return toPatchworkUser(oidcUser);
    }

    OidcUser toPatchworkUser(OidcUser oidcUser) {
        String email = oidcUser.getEmail() != null ? oidcUser.getEmail() : oidcUser.getPreferredUsername();
        PatchworkUser account = email == null ? null : accounts.user(email.toLowerCase(Locale.ROOT))
                .filter(PatchworkUser::isEnabled).orElse(null);
        if (account == null) {
            throw new OAuth2AuthenticationException(new OAuth2Error("access_denied",
                    "No enabled Patchwork account for this identity", null));
        }
        account.eraseCredentials();
        return new PatchworkOidcUser(oidcUser, account);
    }

    /** The identity provider's user, carrying the Patchwork account it maps to. */
    static final class PatchworkOidcUser extends DefaultOidcUser {
        private final PatchworkUser account;

        PatchworkOidcUser(OidcUser user, PatchworkUser account) {
            super(account.getAuthorities(), user.getIdToken(), user.getUserInfo());
            this.account = account;
        }

        PatchworkUser account() {
            return account;
        }

        @Override
        public String getName() {
            return account.getUsername();
        }
    }
}
