package org.patchwork.layers;

import java.util.List;

/**
 * One collection the API serves: its id, words for people, where its features come from, and the
 * properties a client may filter on by equality. BOUNDARIES and EVENTS read an allow-listed view
 * (EVENTS restricted to one dataset); COUNTS are a dataset's events counted by area at {@code level},
 * with disclosure control.
 */
record FeatureCollection(String id, String title, String description, Kind kind, String view, List<String> queryables,
                         Long datasetId, String level) {

    enum Kind { BOUNDARIES, EVENTS, COUNTS, POLYGONS, STATISTICS }

    private static final List<String> SUMMARY_QUERYABLES = List.of("code", "name", "lad_code");
    static final List<String> COUNT_PARAMETERS = List.of("category", "from", "to");

    static final List<FeatureCollection> BOUNDARY_SETS = List.of(
            boundaries("lsoa", "Lower layer super output areas (LSOA 2011)",
                    "LSOA 2011 boundaries with their MSOA, ward and district, mid-2015 population and the "
                            + "IMD 2019 rank and decile of the index and its seven domains.",
                    "feature_lsoa", List.of("code", "name", "msoa_code", "ward_code", "lad_code", "imd_decile")),
            boundaries("msoa", "Middle layer super output areas (MSOA 2011)",
                    "MSOA 2011 boundaries with their district, population, and the share of their LSOAs in "
                            + "England's most deprived 10% on the IMD 2019 and each domain.",
                    "feature_msoa", SUMMARY_QUERYABLES),
            boundaries("ward", "Electoral wards (December 2021)",
                    "Ward boundaries with their district, population of their best-fit LSOAs, and the share "
                            + "of those LSOAs in England's most deprived 10% on the IMD 2019 and each domain.",
                    "feature_ward", SUMMARY_QUERYABLES),
            boundaries("district", "Local authority districts (2021)",
                    "District boundaries with population and the share of LSOAs in England's most deprived 10% "
                            + "on the IMD 2019 and each domain.",
                    "feature_district", SUMMARY_QUERYABLES));

    private static FeatureCollection boundaries(String id, String title, String description, String view, List<String> queryables) {
        return new FeatureCollection(id, title, description, Kind.BOUNDARIES, view, queryables, null, null);
    }

    static FeatureCollection events(long datasetId, String slug, String title) {
        return new FeatureCollection(slug, title + " (points)", "Individual events of '" + title + "': record-level data, "
                + "shown only to people whose sharing agreement allows it. Every request is audited.",
                Kind.EVENTS, "feature_event", List.of("category", "month", "lsoa_code"), datasetId, null);
    }

    static FeatureCollection polygons(long datasetId, String slug, String title) {
        return new FeatureCollection(slug, title, "Polygons of '" + title + "' as their owner uploaded them (invalid ones "
                + "repaired), with the file's attributes. Every request is audited.",
                Kind.POLYGONS, "feature_polygon", List.of("name", "source_id"), datasetId, null);
    }

    static FeatureCollection statistics(long datasetId, String slug, String title, String level) {
        return new FeatureCollection(slug, title + " by " + level, "Statistics of '" + title + "' by " + level + ": one feature per "
                + "area and category with the value of one measure (measure, default the first) in one period (period, default "
                + "the latest). Values of measures marked as counts are adjusted by a small amount (cell-key method) to protect "
                + "people, unless your access is record-level.", Kind.STATISTICS, null, StatisticsPages.PARAMETERS, datasetId, level);
    }

    /** Collections computed per request for the whole of one level (counts, statistics): no single items, no bbox. */
    boolean isByArea() {
        return kind == Kind.COUNTS || kind == Kind.STATISTICS;
    }

    /** A partner's own features, served only at record-level access and audited. */
    boolean isRecordLevel() {
        return kind == Kind.EVENTS || kind == Kind.POLYGONS;
    }

    static FeatureCollection counts(long datasetId, String slug, String title, String level) {
        return new FeatureCollection(slug + "-by-" + level, title + " by " + level, "Events of '" + title + "' counted by "
                + level + ", filtered by category and months (from, to as YYYY-MM: one month, a calendar quarter, a calendar year or "
                + "every month). Counts are adjusted by a small amount (cell-key method) to protect people, unless your "
                + "access is record-level; parts need not add up to totals.",
                Kind.COUNTS, null, COUNT_PARAMETERS, datasetId, level);
    }
}
