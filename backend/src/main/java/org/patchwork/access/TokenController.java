package org.patchwork.access;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.patchwork.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** A signed-in user's own API tokens, for QGIS, GDAL and scripts. The token is shown once, at creation. */
@RestController
class TokenController {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccountStore accounts;
    private final AccessPolicy policy;
    private final AccessProperties properties;

    TokenController(AccountStore accounts, AccessPolicy policy, AccessProperties properties) {
        this.accounts = accounts;
        this.policy = policy;
        this.properties = properties;
    }

    record NewToken(String name, Integer days) {
    }

    @PostMapping("/api/me/tokens")
    ResponseEntity<Map<String, Object>> create(@RequestBody NewToken request) {
        Viewer viewer = signedIn();
        String name = AccountController.required(request.name(), "name").strip();
        Duration lifetime = request.days() == null ? Duration.ofDays(90) : Duration.ofDays(request.days());
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(properties.tokenLifetime()) > 0) {
            throw ApiProblem.badRequest("invalid-request", "days must be from 1 to " + properties.tokenLifetime().toDays());
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = ApiTokenAuthenticationFilter.PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        OffsetDateTime expires = OffsetDateTime.now().plus(lifetime);
        long id = accounts.createToken(viewer.userId(), name, ApiTokenAuthenticationFilter.sha256(token), expires);
        policy.audit(viewer, "account-change", "allowed", null, "tokens", null, "created API token " + name);
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id, "name", name, "token", token, "expiresAt", expires));
    }

    @GetMapping("/api/me/tokens")
    List<AccountStore.TokenRow> list() {
        return accounts.tokens(signedIn().userId());
    }

    @DeleteMapping("/api/me/tokens/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id) {
        Viewer viewer = signedIn();
        if (!accounts.revokeToken(viewer.userId(), id)) {
            throw ApiProblem.notFound("unknown-token", "You have no active token " + id);
        }
        policy.audit(viewer, "account-change", "allowed", null, "tokens", null, "revoked API token " + id);
        return ResponseEntity.noContent().build();
    }

    private Viewer signedIn() {
        Viewer viewer = policy.currentViewer();
        if (viewer.isAnonymous()) {
            throw new ApiProblem(HttpStatus.UNAUTHORIZED, "unauthenticated", "Unauthenticated", "Sign in first");
        }
        return viewer;
    }
}
