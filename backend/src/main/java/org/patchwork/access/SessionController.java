package org.patchwork.access;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Who is signed in, for the web app's header and for deciding which pages to offer. Open to all. */
@RestController
class SessionController {

    private final AccountStore accounts;
    private final AccessProperties properties;

    SessionController(AccountStore accounts, AccessProperties properties) {
        this.accounts = accounts;
        this.properties = properties;
    }

    @GetMapping("/api/session")
    Map<String, Object> session() {
        Viewer viewer = viewerOf(SecurityContextHolder.getContext().getAuthentication());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("authenticated", !viewer.isAnonymous());
        body.put("publicTier", properties.publicTier());
        if (!viewer.isAnonymous()) {
            body.put("username", viewer.username());
            accounts.userById(viewer.userId()).ifPresent(user -> body.put("displayName", user.displayName()));
            body.put("partner", viewer.partnerName());
            body.put("partnerId", viewer.partnerId());
            body.put("role", viewer.role().key());
        }
        return body;
    }

    static Viewer viewerOf(Authentication authentication) {
        if (authentication == null) {
            return Viewer.anonymous();
        }
        if (authentication.getPrincipal() instanceof PatchworkUser user) {
            return user.viewer();
        }
        if (authentication.getPrincipal() instanceof OidcAccounts.PatchworkOidcUser oidc) {
            return oidc.account().viewer();
        }
        return Viewer.anonymous();
    }
}
