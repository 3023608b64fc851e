package org.patchwork.access;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.patchwork.web.ApiProblem;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The admin API for partners and users ({@code /api/admin/**} is for administrators only). */
@RestController
class AccountController {

    private static final Set<String> PARTNER_KINDS = Set.of("police", "council", "nhs", "school-trust", "fire", "voluntary", "other");
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._@+-]{2,99}");

    private final AccountStore accounts;
    private final PasswordEncoder passwords;
    private final AccessProperties properties;
    private final AccessPolicy policy;

    AccountController(AccountStore accounts, PasswordEncoder passwords, AccessProperties properties, AccessPolicy policy) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.properties = properties;
        this.policy = policy;
    }

    record NewPartner(String name, String kind) {
    }

    record NewUser(String username, String displayName, Long partnerId, String role, String password) {
    }

    record UserChange(String role, Boolean enabled, String password) {
    }

    /** Partners, for anyone signed in (agreement forms name them). */
    @GetMapping({"/api/partners", "/api/admin/partners"})
    List<AccountStore.Partner> partners() {
        return accounts.partners();
    }

    @PostMapping("/api/admin/partners")
    ResponseEntity<AccountStore.Partner> createPartner(@RequestBody NewPartner request) {
        String name = required(request.name(), "name").strip();
        if (request.kind() == null || !PARTNER_KINDS.contains(request.kind())) {
            throw ApiProblem.badRequest("invalid-request", "kind must be one of " + PARTNER_KINDS);
        }
        try {
            long id = accounts.createPartner(name, request.kind());
            policy.audit(policy.currentViewer(), "account-change", "allowed", null, "admin-api", null, "created partner " + name);
            return ResponseEntity.created(URI.create("/api/admin/partners/" + id)).body(new AccountStore.Partner(id, name, request.kind()));
        } catch (DuplicateKeyException e) {
            throw new ApiProblem(HttpStatus.CONFLICT, "conflict", "Conflict", "A partner called '" + name + "' already exists");
        }
    }

    @GetMapping("/api/admin/users")
    List<AccountStore.UserRow> users() {
        return accounts.users();
    }

    @PostMapping("/api/admin/users")
    @Transactional
    ResponseEntity<Map<String, Object>> createUser(@RequestBody NewUser request) {
        String username = required(request.username(), "username").strip().toLowerCase();
        if (!USERNAME.matcher(username).matches()) {
            throw ApiProblem.badRequest("invalid-request", "username must be 3 to 100 characters: letters, digits and . _ @ + - "
                    + "(use the e-mail address for accounts that sign in with OpenID Connect)");
        }
        Role role = role(request.role());
        long partnerId = request.partnerId() == null ? -1 : request.partnerId();
        var partner = accounts.partner(partnerId).orElseThrow(() -> ApiProblem.badRequest("invalid-request",
                "partnerId must be the id of an existing partner"));
        if (request.displayName() != null) {
            required(request.displayName(), "displayName");
        }
        administratorsOnlyInOwnPartner(role, partner.id(), "create administrator " + username);
        String hash = request.password() == null ? null : passwords.encode(checkedPassword(request.password()));
        try {
            long id = accounts.createUser(username, request.displayName() == null ? username : request.displayName().strip(),
                    partner.id(), role, hash);
            policy.audit(policy.currentViewer(), "account-change", "allowed", null, "admin-api", null,
                    "created user " + username + " (" + role.key() + ", " + partner.name() + ")");
            return ResponseEntity.created(URI.create("/api/admin/users/" + id)).body(Map.of("id", id, "username", username,
                    "partnerId", partner.id(), "role", role.key()));
        } catch (DuplicateKeyException e) {
            throw new ApiProblem(HttpStatus.CONFLICT, "conflict", "Conflict", "The user name '" + username + "' is taken");
        }
    }

    @PatchMapping("/api/admin/users/{id}")
    Map<String, Object> changeUser(@PathVariable long id, @RequestBody UserChange change) {
        PatchworkUser user = accounts.userById(id).orElseThrow(() -> ApiProblem.notFound("unknown-user", "There is no user " + id));
        Role role = change.role() == null ? null : role(change.role());
        administratorsOnlyInOwnPartner(role, user.partnerId(), "make " + user.getUsername() + " an administrator");
        String hash = change.password() == null ? null : passwords.encode(checkedPassword(change.password()));
        accounts.updateUser(id, role, change.enabled(), hash);
        policy.audit(policy.currentViewer(), "account-change", "allowed", null, "admin-api", null, "changed user "
                + user.getUsername() + (role != null ? " role=" + role.key() : "") + (change.enabled() != null ? " enabled="
                + change.enabled() : "") + (hash != null ? " password" : ""));
        return Map.of("id", id, "username", user.getUsername());
    }

    /**
     * Separation of duties between partners: an administrator may make administrators only inside their own
     * partner, so one partner's administrator cannot plant an administrator (and with it that partner's
     * record access) in another.
     */
    private void administratorsOnlyInOwnPartner(Role role, long partnerId, String act) {
        Viewer viewer = policy.currentViewer();
        if (role == Role.ADMIN && (viewer.partnerId() == null || viewer.partnerId() != partnerId)) {
            policy.audit(viewer, "denied", "denied", null, "admin-api", null, "may not " + act + " in another partner");
            throw new ApiProblem(HttpStatus.FORBIDDEN, "access-denied", "Forbidden",
                    "Administrators may create administrators only inside their own partner; ask that partner's administrator");
        }
    }

    private String checkedPassword(String password) {
        if (password.length() < properties.minPasswordLength()) {
            throw ApiProblem.badRequest("invalid-request", "password must be at least " + properties.minPasswordLength() + " characters");
        }
        return password;
    }

    private static Role role(String key) {
        return Role.fromKey(key == null ? "" : key).orElseThrow(() -> ApiProblem.badRequest("invalid-request",
                "role must be one of admin, data-manager, analyst, officer, viewer"));
    }

    static String required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ApiProblem.badRequest("invalid-request", field + " is required");
        }
        // PostgreSQL text cannot hold NUL (it was a 500); no text here needs a control character but line breaks and tabs
        if (value.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw ApiProblem.badRequest("invalid-request", field + " must not contain control characters such as NUL");
        }
        return value;
    }
}
