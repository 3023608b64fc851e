package org.patchwork.events;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.patchwork.disclosure.DisclosureProperties;
import org.patchwork.sql.SqlScripts;
import org.patchwork.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which custom areas are counted under disclosure control, per dataset version, for everyone together
 * (so two people pooling what they got are held to the same limits as one):
 * <ul>
 * <li>a standard area (an LSOA, MSOA, ward or district) given as its LSOAs, or a custom area already
 *     released, is counted again freely: the same events have the same key and get the same noise;</li>
 * <li>any other area must have at least k LSOAs and differ from every standard area and every custom
 *     area already released by at least k LSOAs, so that no two released areas differ by a single small
 *     group of people (k = patchwork.disclosure.custom-areas.min-difference);</li>
 * <li>each person may have at most B new custom areas per dataset version (…per-person). Averaging
 *     differences of many areas that share a small cell (Asghar and Kaafar) needs many areas: B bounds how
 *     many measurements of any one cell a person, or a few people pooling, can collect. B = 5: with 10, two
 *     people pooling padded areas and their series (month and quarter) measured a small cell to ±2 standard
 *     errors under 1, which leaves one whole count (CustomAreaSeriesAttackIT).</li>
 * </ul>
 */
@Repository
class CustomAreaLedger {

    private final JdbcClient jdbc;
    private final DisclosureProperties properties;

    CustomAreaLedger(JdbcClient jdbc, DisclosureProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
    }

    private record Released(boolean mine, String[] lsoas) {
    }

    /**
     * Records {@code lsoas} as released to {@code username}, or refuses it (400 custom-area-refused, 429
     * when the person's allowance is used up). Its own transaction, after a lock on the dataset, so that
     * two requests at once are checked one after the other.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void admit(long datasetId, long versionId, TreeSet<String> lsoas, List<Set<String>> standardAreas, String username) {
        if (standardAreas.contains(lsoas)) {
            return;
        }
        jdbc.sql("select pg_advisory_xact_lock(20260941, cast(:dataset_id as integer))").param("dataset_id", datasetId).query().singleRow();
        List<Released> released = jdbc.sql(SqlScripts.load("events/custom_area_check")).param("version_id", versionId)
                .param("username", username).query((rs, n) -> new Released(rs.getBoolean("mine"), (String[]) rs.getArray("lsoas").getArray()))
                .list();
        for (Released area : released) {
            if (Set.of(area.lsoas()).equals(lsoas)) {
                return;
            }
        }
        int k = properties.customAreas().minDifference();
        if (lsoas.size() < k) {
            throw refused("A custom area needs at least " + k + " LSOAs (or must be one standard area)");
        }
        for (Set<String> area : standardAreas) {
            if (differenceBelow(lsoas, area, k)) {
                throw refused("This custom area differs from a standard area by fewer than " + k + " LSOAs");
            }
        }
        for (Released area : released) {
            if (differenceBelow(lsoas, Set.of(area.lsoas()), k)) {
                throw refused("This custom area differs from a custom area already counted by fewer than " + k + " LSOAs");
            }
        }
        long mine = released.stream().filter(Released::mine).count();
        if (mine >= properties.customAreas().perPerson()) {
            throw new ApiProblem(HttpStatus.TOO_MANY_REQUESTS, "custom-area-allowance-used", "Too Many Requests",
                    "You have counted " + mine + " different custom areas of this dataset version, the most allowed; "
                            + "the areas you have already counted can be asked again with any filter");
        }
        jdbc.sql("insert into custom_area_release (dataset_id, version_id, username, lsoas) values (:dataset_id, :version_id, :username, :lsoas)")
                .param("dataset_id", datasetId).param("version_id", versionId).param("username", username)
                .param("lsoas", lsoas.toArray(String[]::new)).update();
    }

    /** Whether the symmetric difference of the two areas has fewer than k LSOAs (and they are not the same). */
    private static boolean differenceBelow(Set<String> a, Set<String> b, int k) {
        int common = 0;
        for (String lsoa : a) {
            if (b.contains(lsoa)) {
                common++;
            }
        }
        int difference = a.size() + b.size() - 2 * common;
        return difference > 0 && difference < k;
    }

    private static ApiProblem refused(String detail) {
        return ApiProblem.badRequest("custom-area-refused", detail + ": two counted areas that differ by a few LSOAs "
                + "could be subtracted to reveal a small count.");
    }
}
