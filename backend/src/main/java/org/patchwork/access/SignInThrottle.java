package org.patchwork.access;

import org.patchwork.sql.SqlScripts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Failed sign-ins, counted per account at a client address and per address, in the database so that all
 * app instances agree. Past a few failures the pair (or, for a password-spraying address, the address)
 * waits, exponentially longer, capped at a few minutes. There is deliberately no per-account lock
 * across addresses: it would let anyone lock a real user out by failing on purpose from elsewhere.
 */
@Repository
class SignInThrottle {

    private final JdbcClient jdbc;
    private final SignInThrottleProperties properties;

    SignInThrottle(JdbcClient jdbc, SignInThrottleProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    /** Seconds this account must still wait before trying from this address; 0 when it may try now. */
    int secondsToWait(String username, String address) {
        return jdbc.sql(SqlScripts.load("access/throttle_wait")).param("pair", pair(username, address))
                .param("address", address).query(Integer.class).single();
    }

    void failed(String username, String address) {
        count("pair", pair(username, address), properties.freeFailures());
        count("address", address, properties.addressFreeFailures());
    }

    /** A successful sign-in clears the account's failures at this address (not the address's). */
    void succeeded(String username, String address) {
        jdbc.sql("delete from sign_in_throttle where scope = 'pair' and key = :key").param("key", pair(username, address)).update();
    }

    private void count(String scope, String key, int free) {
        jdbc.sql(SqlScripts.load("access/throttle_failure")).param("scope", scope).param("key", key)
                .param("forget_seconds", properties.forgetAfter().toSeconds()).query(Integer.class).single();
        jdbc.sql(SqlScripts.load("access/throttle_block")).param("scope", scope).param("key", key).param("free", free)
                .param("first_seconds", properties.firstWait().toSeconds())
                .param("longest_seconds", properties.longestWait().toSeconds()).update();
    }

    private static String pair(String username, String address) {
        return username.strip().toLowerCase(java.util.Locale.ROOT) + "\n" + address;
    }
}
