package org.patchwork.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SQL kept in files under {@code resources/sql/<feature>/<name>.sql}, runnable in psql, loaded by name.
 * Placeholders like {@code {{table}}} are only ever filled from catalogues in code, never from a request.
 */
public final class SqlScripts {

    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private SqlScripts() {
    }

    /** The text of {@code sql/<name>.sql}, e.g. {@code load("layers/items")}. */
    public static String load(String name) {
        return CACHE.computeIfAbsent(name, SqlScripts::read);
    }

    /** The script with each {@code {{key}}} replaced; values must be trusted identifiers or fragments. */
    public static String load(String name, Map<String, String> placeholders) {
        String sql = load(name);
        for (var entry : placeholders.entrySet()) {
            sql = sql.replace("{{" + entry.getKey() + "}}", entry.getValue());
        }
        if (sql.contains("{{")) {
            throw new IllegalStateException("Unfilled placeholder in sql/" + name + ".sql");
        }
        return sql;
    }

    private static String read(String name) {
        try (InputStream in = SqlScripts.class.getResourceAsStream("/sql/" + name + ".sql")) {
            if (in == null) {
                throw new IllegalArgumentException("No SQL file sql/" + name + ".sql");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
