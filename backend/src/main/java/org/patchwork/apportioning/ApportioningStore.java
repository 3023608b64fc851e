package org.patchwork.apportioning;

import java.util.List;
import java.util.Map;
import org.patchwork.sql.SqlScripts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Runs sql/apportioning/apportion.sql over a sources fragment and a targets fragment (both server-chosen files). */
@Repository
class ApportioningStore {

    private final JdbcClient jdbc;

    ApportioningStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * @param sources name of a sources_*.sql fragment; {@code params} binds its parameters
     * @param targets name of a targets_*.sql fragment
     */
    List<ApportionedValue> apportion(String sources, String targets, boolean extensive, Map<String, Object> params) {
        String sql = SqlScripts.load("apportioning/apportion", Map.of(
                "sources", strip(SqlScripts.load("apportioning/" + sources)),
                "targets", strip(SqlScripts.load("apportioning/" + targets))));
        JdbcClient.StatementSpec statement = jdbc.sql(sql);
        for (Map.Entry<String, Object> param : params.entrySet()) {
            statement = statement.param(param.getKey(), param.getValue());
        }
        return statement.query((rs, n) -> new ApportionedValue(rs.getString("code"), rs.getString("name"),
                (Double) rs.getObject(extensive ? "extensive" : "intensive", Double.class), rs.getDouble("coverage"))).list();
    }

    /** A fragment without its comment lines, so it can sit inside a WITH clause. */
    private static String strip(String fragment) {
        return fragment.lines().filter(line -> !line.strip().startsWith("--")).reduce("", (a, b) -> a + b + "\n").strip();
    }
}
