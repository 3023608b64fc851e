package org.patchwork.layers;

import java.util.List;

/**
 * One collection the API serves: its id, words for people, the view it reads (an allow-listed name)
 * and the properties a client may filter on by equality.
 */
record FeatureCollection(String id, String title, String description, String view, List<String> queryables) {

    private static final List<String> SUMMARY_QUERYABLES = List.of("code", "name", "lad_code");

    static final List<FeatureCollection> ALL = List.of(
            new FeatureCollection("lsoa", "Lower layer super output areas (LSOA 2011)",
                    "LSOA 2011 boundaries with their MSOA, ward and district, mid-2015 population and the "
                            + "IMD 2019 rank and decile of the index and its seven domains.",
                    "feature_lsoa", List.of("code", "name", "msoa_code", "ward_code", "lad_code", "imd_decile")),
            new FeatureCollection("msoa", "Middle layer super output areas (MSOA 2011)",
                    "MSOA 2011 boundaries with their district, population, and the share of their LSOAs in "
                            + "England's most deprived 10% on the IMD 2019 and each domain.",
                    "feature_msoa", SUMMARY_QUERYABLES),
            new FeatureCollection("ward", "Electoral wards (December 2021)",
                    "Ward boundaries with their district, population of their best-fit LSOAs, and the share "
                            + "of those LSOAs in England's most deprived 10% on the IMD 2019 and each domain.",
                    "feature_ward", SUMMARY_QUERYABLES),
            new FeatureCollection("district", "Local authority districts (2021)",
                    "District boundaries with population and the share of LSOAs in England's most deprived 10% "
                            + "on the IMD 2019 and each domain.",
                    "feature_district", SUMMARY_QUERYABLES));
}
