package org.patchwork.access;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patchwork.AdminApi;
import org.patchwork.AdminApi.Recipient;
import org.patchwork.AdminApi.User;
import org.patchwork.ApiClient;
import org.patchwork.SharedDataDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A partnership around the crime data, made through the admin and agreement APIs: a council with an
 * agreement for aggregates by LSOA, an NHS trust with one for aggregates from MSOA up, a voluntary
 * organisation with none, and an agreement giving viewers of any partner the public level; with a user
 * of every role in each, plus the owner's (Merseyside Police) users and the first administrator.
 */
final class Partnership {

    /**
     * What a person should get from the crime data, and why (see {@code AccessPolicy.decide}), with the
     * levels counts are published at for them: every level from the agreement's smallest up, MSOAs and
     * wards both (under cell-key perturbation subtracting one from the other gives noise, not a count).
     */
    enum Level {
        RECORD("record", CrimeData.LEVELS),                               // the owner partner's users, except its viewers
        AGGREGATE("aggregate", CrimeData.LEVELS),                         // the owner's viewers; aggregate agreement at LSOA
        AGGREGATE_MSOA("aggregate", List.of("msoa", "ward", "district")), // recipients of an aggregate agreement from MSOA up
        PUBLIC("public", CrimeData.LEVELS),                               // viewers of any partner, through the role-only agreement
        METADATA("metadata", List.of()),  // administrators with no other basis: that it exists, not its data
        NONE(null, List.of());            // everyone else: the dataset does not exist for them

        final String key;
        final List<String> levels;

        Level(String key, List<String> levels) {
            this.key = key;
            this.levels = levels;
        }

        /** Whether counts come under disclosure control (cell-key perturbation). */
        boolean protectedCounts() {
            return this == AGGREGATE || this == AGGREGATE_MSOA || this == PUBLIC;
        }
    }

    record Person(String name, User user, Level level) {
        ApiClient client(int port) {
            return user.basic(port);
        }
    }

    private static final String[][] PEOPLE = {
        // name                    partner   role            level
        {"first administrator",    "admins", "admin",        "METADATA"},
        {"police admin",           "police", "admin",        "RECORD"},
        {"police data manager",    "police", "data-manager", "RECORD"},
        {"police analyst",         "police", "analyst",      "RECORD"},
        {"police officer",         "police", "officer",      "RECORD"},
        {"police viewer",          "police", "viewer",       "AGGREGATE"},
        {"council admin",          "council", "admin",       "AGGREGATE"},
        {"council data manager",   "council", "data-manager", "AGGREGATE"},
        {"council analyst",        "council", "analyst",     "AGGREGATE"},
        {"council officer",        "council", "officer",     "AGGREGATE"},
        {"council viewer",         "council", "viewer",      "AGGREGATE"},
        {"nhs analyst",            "nhs",    "analyst",      "AGGREGATE_MSOA"},
        {"nhs viewer",             "nhs",    "viewer",       "AGGREGATE_MSOA"},
        {"voluntary viewer",       "voluntary", "viewer",    "PUBLIC"},
        {"voluntary admin",        "voluntary", "admin",     "METADATA"},
        {"voluntary data manager", "voluntary", "data-manager", "NONE"},
        {"voluntary analyst",      "voluntary", "analyst",   "NONE"},
        {"voluntary officer",      "voluntary", "officer",   "NONE"},
    };

    final Map<String, Person> people = new LinkedHashMap<>();
    final List<Long> agreements = new ArrayList<>();
    private final AdminApi admin;

    /** Creates the partners, agreements (in force from yesterday for 30 days) and users. */
    Partnership(AdminApi admin, long datasetId, LocalDate today, JdbcClient jdbc) {
        this(admin, datasetId, today, jdbc, CrimeData.OWNER);
    }

    /** The same around a dataset owned by {@code owner} (the "police" partner). */
    Partnership(AdminApi admin, long datasetId, LocalDate today, JdbcClient jdbc, String owner) {
        this.admin = admin;
        Map<String, Long> partners = Map.of(
                "admins", admin.partnerId("Partnership administration"),
                "police", admin.partnerId(owner),
                "council", admin.partner("Knowsley Council", "council"),
                "nhs", admin.partner("Mersey NHS Trust", "nhs"),
                "voluntary", admin.partner("Neighbourhood Watch", "voluntary"));
        LocalDate start = today.minusDays(1);
        LocalDate expiry = today.plusDays(30);
        agreements.add(admin.agreement(datasetId, start, expiry, Recipient.partner(partners.get("council"), "aggregate", "lsoa")));
        agreements.add(admin.agreement(datasetId, start, expiry, Recipient.partner(partners.get("nhs"), "aggregate", "msoa")));
        agreements.add(admin.agreement(datasetId, start, expiry, Recipient.role("viewer", "public")));
        for (String[] row : PEOPLE) {
            User user = row[0].equals("first administrator")
                    ? new User(0, "admin", SharedDataDirectory.ADMIN_PASSWORD, partners.get("admins"), "admin")
                    : row[2].equals("admin") && !row[1].equals("admins") ? administratorOf(partners.get(row[1]), jdbc)
                    : admin.user(partners.get(row[1]), row[2]);
            people.put(row[0], new Person(row[0], user, Level.valueOf(row[3])));
        }
    }

    /**
     * An administrator inside another partner. The admin API refuses to make one (separation of duties:
     * administrators create administrators only inside their own partner), so, as the database operator
     * setting up a partner's own first administrator would, an account is made and promoted in the database.
     */
    private User administratorOf(long partnerId, JdbcClient jdbc) {
        User user = admin.user(partnerId, "analyst");
        jdbc.sql("update app_user set role = 'admin' where id = :id").param("id", user.id()).update();
        return new User(user.id(), user.username(), user.password(), partnerId, "admin");
    }

    Person person(String name) {
        Person person = people.get(name);
        if (person == null) {
            throw new IllegalArgumentException("no person called " + name);
        }
        return person;
    }

    /** Ends the agreements, so that the role-only one stops reaching viewers created by other tests. */
    void withdrawAgreements() {
        agreements.forEach(admin::withdraw);
    }
}
