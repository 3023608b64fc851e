package org.patchwork.access;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import org.patchwork.sql.SqlScripts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Partners, users and API tokens in the database. */
@Repository
class AccountStore {

    private final JdbcClient jdbc;

    AccountStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Partner(long id, String name, String kind) {
    }

    record UserRow(long id, String username, String displayName, long partnerId, String partnerName, String role,
                   boolean enabled, OffsetDateTime createdAt) {
    }

    record TokenRow(long id, String name, OffsetDateTime createdAt, OffsetDateTime expiresAt, OffsetDateTime revokedAt) {
    }

    List<Partner> partners() {
        return jdbc.sql("select id, name, kind from partner order by name").query(Partner.class).list();
    }

    Optional<Partner> partner(long id) {
        return jdbc.sql("select id, name, kind from partner where id = :id").param("id", id).query(Partner.class).optional();
    }

    Optional<Partner> partnerByName(String name) {
        return jdbc.sql("select id, name, kind from partner where name = :name").param("name", name)
                .query(Partner.class).optional();
    }

    long createPartner(String name, String kind) {
        return jdbc.sql("insert into partner (name, kind) values (:name, :kind) returning id")
                .param("name", name).param("kind", kind).query(Long.class).single();
    }

    Optional<PatchworkUser> user(String username) {
        return jdbc.sql(SqlScripts.load("access/user") + " where u.username = :username")
                .param("username", username).query(AccountStore::mapUser).optional();
    }

    Optional<PatchworkUser> userById(long id) {
        return jdbc.sql(SqlScripts.load("access/user") + " where u.id = :id")
                .param("id", id).query(AccountStore::mapUser).optional();
    }

    Optional<PatchworkUser> userByToken(String tokenSha256) {
        return jdbc.sql(SqlScripts.load("access/user") + " join api_token t on t.user_id = u.id "
                        + "where t.token_sha256 = :sha and t.revoked_at is null and t.expires_at > now()")
                .param("sha", tokenSha256).query(AccountStore::mapUser).optional();
    }

    List<UserRow> users() {
        return jdbc.sql("select u.id, u.username, u.display_name, u.partner_id, p.name as partner_name, u.role, u.enabled, "
                        + "u.created_at from app_user u join partner p on p.id = u.partner_id order by p.name, u.username")
                .query(UserRow.class).list();
    }

    long createUser(String username, String displayName, long partnerId, Role role, String passwordHash) {
        return jdbc.sql("insert into app_user (username, display_name, partner_id, role, password_hash) "
                        + "values (:username, :display_name, :partner_id, :role, :hash) returning id")
                .param("username", username).param("display_name", displayName).param("partner_id", partnerId)
                .param("role", role.key()).param("hash", passwordHash).query(Long.class).single();
    }

    void updateUser(long id, Role role, Boolean enabled, String passwordHash) {
        jdbc.sql("update app_user set role = coalesce(:role, role), enabled = coalesce(:enabled, enabled), "
                        + "password_hash = coalesce(:hash, password_hash) where id = :id")
                .param("role", role == null ? null : role.key()).param("enabled", enabled)
                .param("hash", passwordHash).param("id", id).update();
    }

    boolean anyAdmin() {
        return jdbc.sql("select exists (select 1 from app_user where role = 'admin')").query(Boolean.class).single();
    }

    long createToken(long userId, String name, String tokenSha256, OffsetDateTime expiresAt) {
        return jdbc.sql("insert into api_token (user_id, name, token_sha256, expires_at) values (:user, :name, :sha, :expires) returning id")
                .param("user", userId).param("name", name).param("sha", tokenSha256).param("expires", expiresAt)
                .query(Long.class).single();
    }

    List<TokenRow> tokens(long userId) {
        return jdbc.sql("select id, name, created_at, expires_at, revoked_at from api_token where user_id = :user order by id")
                .param("user", userId).query(TokenRow.class).list();
    }

    boolean revokeToken(long userId, long tokenId) {
        return jdbc.sql("update api_token set revoked_at = now() where id = :id and user_id = :user and revoked_at is null")
                .param("id", tokenId).param("user", userId).update() == 1;
    }

    private static PatchworkUser mapUser(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new PatchworkUser(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getLong("partner_id"), rs.getString("partner_name"),
                Role.fromKey(rs.getString("role")).orElseThrow(), rs.getString("password_hash"), rs.getBoolean("enabled"));
    }
}
