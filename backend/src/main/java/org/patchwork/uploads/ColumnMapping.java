package org.patchwork.uploads;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which columns of an upload mean what, for point events: where the point is (the file's own geometry,
 * or x/y columns in {@code xyEpsg}), when (a date or month column), what (a category column), and
 * optionally the publisher's identifier, an area code, a location and an outcome. Column names are as
 * in the file.
 */
public record ColumnMapping(String x, String y, Integer xyEpsg, String date, String category, String id,
                            String lsoaCode, String location, String outcome) {

    private static final List<String> X = List.of("longitude", "lon", "long", "lng", "easting", "east", "x", "x_coord", "xcoord");
    private static final List<String> Y = List.of("latitude", "lat", "northing", "north", "y", "y_coord", "ycoord");
    private static final List<String> DATE = List.of("month", "date", "occurred", "date_occurred", "incident_date",
            "offence_date", "reported_date", "date_reported", "datetime", "event_date");
    private static final List<String> CATEGORY = List.of("crime type", "crime_type", "category", "offence", "offence_type",
            "incident_type", "type", "class", "classification");
    private static final List<String> ID = List.of("crime id", "crime_id", "id", "reference", "ref", "incident_id", "urn",
            "event_id", "record_id");
    private static final List<String> LSOA = List.of("lsoa code", "lsoa_code", "lsoa11cd", "lsoa21cd", "lsoa");
    private static final List<String> LOCATION = List.of("location", "address", "street", "place");
    private static final List<String> OUTCOME = List.of("last outcome category", "outcome", "last_outcome_category", "status");

    /** The mapping a person would pick for these columns, judged by their names (and the file having geometry). */
    static ColumnMapping suggest(List<String> fields, boolean hasGeometry, double[] extent) {
        String x = hasGeometry ? null : find(fields, X).orElse(null);
        String y = hasGeometry ? null : find(fields, Y).orElse(null);
        Integer xyEpsg = null;
        if (x != null) {
            String lower = x.toLowerCase(Locale.ROOT);
            xyEpsg = lower.startsWith("east") ? Integer.valueOf(27700) : lower.startsWith("lon") || lower.startsWith("lng")
                    ? Integer.valueOf(4326) : null;
        }
        return new ColumnMapping(x, y, xyEpsg, find(fields, DATE).orElse(null), find(fields, CATEGORY).orElse(null),
                find(fields, ID).orElse(null), find(fields, LSOA).orElse(null), find(fields, LOCATION).orElse(null),
                find(fields, OUTCOME).orElse(null));
    }

    List<String> columns() {
        return java.util.stream.Stream.of(x, y, date, category, id, lsoaCode, location, outcome)
                .filter(java.util.Objects::nonNull).toList();
    }

    private static Optional<String> find(List<String> fields, List<String> candidates) {
        for (String candidate : candidates) {
            for (String field : fields) {
                if (field.strip().toLowerCase(Locale.ROOT).equals(candidate)) {
                    return Optional.of(field);
                }
            }
        }
        return Optional.empty();
    }
}
