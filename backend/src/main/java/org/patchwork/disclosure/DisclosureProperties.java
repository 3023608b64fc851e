package org.patchwork.disclosure;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How counts are perturbed (cell-key method). These parameters are kept on the server: responses name
 * the method and the ptable version only, because knowing the largest adjustment narrows what a
 * published number can hide.
 *
 * @param ptableVersion names the tables generated from these parameters; change it whenever they change
 * @param aggregate     the ptable for people with aggregate access
 * @param publicTier    the ptable for the public level (a higher threshold; counts then rounded as the dataset says)
 * @param secret        keys the hash that gives a cell of uploaded statistics its cell key; empty: the
 *                      secret drawn into the database when it was created
 * @param customAreas   limits on custom areas under disclosure control
 */
@ConfigurationProperties("patchwork.disclosure")
public record DisclosureProperties(@DefaultValue("1") String ptableVersion,
                                   @DefaultValue Ptable aggregate,
                                   @DefaultValue Ptable publicTier,
                                   @DefaultValue("") String secret,
                                   @DefaultValue CustomAreas customAreas) {

    /**
     * @param maxAdjustment D: no published count differs from the true one by more
     * @param variance      V: the variance of the adjustment
     * @param threshold     js: no positive count of js or less is published
     */
    public record Ptable(@DefaultValue("5") int maxAdjustment, @DefaultValue("3") double variance, @DefaultValue("4") int threshold) {
    }

    /**
     * @param minDifference a new custom area must differ from every standard area and every custom area
     *                      already released by at least this many LSOAs (or be the same area)
     * @param perPerson     how many different custom areas one person may have counted per dataset version
     */
    public record CustomAreas(@DefaultValue("3") int minDifference, @DefaultValue("5") int perPerson) {
    }
}
