package org.patchwork.partnership;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.patchwork.sql.SqlScripts;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns a setting of the area into its districts: {@code england}; a list of district codes (2021),
 * separated by commas or spaces; or the name of a police force area (December 2020), whose districts are
 * those most of whose LSOAs lie inside the force area's polygon.
 */
@Component
class AreaResolver {

    private static final Pattern CODES = Pattern.compile("\\s*E0[6-9]\\d{6}(\\s*[,\\s]\\s*E0[6-9]\\d{6})*\\s*,?\\s*");

    private final JdbcClient jdbc;

    AreaResolver(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record Resolved(String setting, String name, List<District> districts) {
    }

    Resolved resolve(String setting, NationalFiles files) {
        String text = setting == null ? "" : setting.strip();
        if (text.isEmpty()) {
            throw new AreaSettingRejected("the area is empty: give district codes (2021), a police force area's name, or england");
        }
        Map<String, String> all = new LinkedHashMap<>();
        jdbc.sql(SqlScripts.load("partnership/districts_of_lookup", Map.of("lookup", files.lookup())))
                .query((rs, n) -> all.put(rs.getString("code"), rs.getString("name"))).list();
        if (text.equalsIgnoreCase("england")) {
            return new Resolved("england", "England", all.entrySet().stream().map(e -> new District(e.getKey(), e.getValue())).toList());
        }
        if (CODES.matcher(text.toUpperCase(Locale.ROOT)).matches()) {
            List<District> districts = new ArrayList<>();
            List<String> unknown = new ArrayList<>();
            for (String code : text.toUpperCase(Locale.ROOT).split("[,\\s]+")) {
                if (code.isEmpty() || districts.stream().anyMatch(d -> d.code().equals(code))) {
                    continue;
                }
                if (all.containsKey(code)) {
                    districts.add(new District(code, all.get(code)));
                } else {
                    unknown.add(code);
                }
            }
            if (!unknown.isEmpty()) {
                throw new AreaSettingRejected("no English local authority district (2021) has the code " + String.join(", ", unknown));
            }
            districts.sort(java.util.Comparator.comparing(District::code));
            return new Resolved(String.join(",", districts.stream().map(District::code).toList()), nameOf(districts), districts);
        }
        List<District> districts = jdbc.sql(SqlScripts.load("partnership/districts_of_force_area",
                        Map.of("pfa", files.forceAreas(), "lsoas", files.lsoas(), "lookup", files.lookup())))
                .param("name", text)
                .query((rs, n) -> new District(rs.getString("code"), rs.getString("name"))).list();
        if (districts.isEmpty()) {
            List<String> forces = jdbc.sql("select pfa20nm from " + files.forceAreas() + " where pfa20cd like 'E%' order by pfa20nm")
                    .query(String.class).list();
            throw new AreaSettingRejected("'" + text + "' is neither england, nor district codes (2021) such as E08000012, nor an "
                    + "English police force area; the force areas are: " + String.join(", ", forces));
        }
        String name = jdbc.sql("select min(pfa20nm) from " + files.forceAreas() + " where lower(btrim(pfa20nm)) = lower(btrim(:name))")
                .param("name", text).query(String.class).single();
        return new Resolved(name, name, districts);
    }

    /** A list of districts is named by its districts: "Knowsley, Liverpool and Sefton", or "12 districts (Barnsley, ...)". */
    static String nameOf(List<District> districts) {
        List<String> names = districts.stream().map(District::name).toList();
        if (names.size() == 1) {
            return names.get(0);
        }
        if (names.size() <= 5) {
            return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
        }
        return names.size() + " districts (" + String.join(", ", names.subList(0, 3)) + ", ...)";
    }
}
