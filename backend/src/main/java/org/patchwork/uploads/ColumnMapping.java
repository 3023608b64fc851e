package org.patchwork.uploads;

import org.patchwork.catalogue.DatasetKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Which columns of an upload mean what, for each kind of dataset (column names as in the file).
 * <ul>
 * <li>{@code events}: where the point is (the file's own geometry, or x/y columns in {@code xyEpsg}),
 * when (a date or month column, and for dates such as 10/02/2023 the {@code dateOrder}: day-first or
 * month-first, see {@link DateOrder}), what (a category column), and optionally the publisher's identifier,
 * an LSOA code, a location and an outcome.</li>
 * <li>{@code area-statistics}: the area code column and its boundary level, optionally a period and a
 * breakdown ({@code category}, e.g. age group), and the numeric {@code measures}, of which
 * {@code counts} are counts of people or events (they get small-number suppression).</li>
 * <li>{@code polygons}: the file's own polygons, optionally a {@code name} and an identifier ({@code id}).</li>
 * </ul>
 */
public record ColumnMapping(String x, String y, Integer xyEpsg, String date, String category, String id,
                            String lsoaCode, String location, String outcome,
                            String kind, String areaCode, String areaLevel, String period, List<String> measures,
                            List<String> counts, String name, String dateOrder) {

    /** A mapping without a date order: it is decided from the date column's values (see {@link DateOrder}). */
    public ColumnMapping(String x, String y, Integer xyEpsg, String date, String category, String id, String lsoaCode, String location,
                         String outcome, String kind, String areaCode, String areaLevel, String period, List<String> measures,
                         List<String> counts, String name) {
        this(x, y, xyEpsg, date, category, id, lsoaCode, location, outcome, kind, areaCode, areaLevel, period, measures, counts, name,
                null);
    }

    /** The same mapping with the order of day and month in its date column: day-first, month-first or null. */
    public ColumnMapping withDateOrder(String order) {
        return new ColumnMapping(x, y, xyEpsg, date, category, id, lsoaCode, location, outcome, kind, areaCode, areaLevel, period,
                measures, counts, name, order);
    }

    static final String EVENTS = DatasetKind.EVENTS.key();
    static final String AREA_STATISTICS = DatasetKind.AREA_STATISTICS.key();
    static final String POLYGONS = DatasetKind.POLYGONS.key();
    static final List<String> LEVELS = org.patchwork.geography.BoundaryLevel.keys();

    private static final List<String> X = List.of("longitude", "lon", "long", "lng", "easting", "east", "x", "x_coord", "xcoord");
    private static final List<String> Y = List.of("latitude", "lat", "northing", "north", "y", "y_coord", "ycoord");
    private static final List<String> DATE = List.of("month", "date", "occurred", "date_occurred", "incident_date",
            "offence_date", "reported_date", "date_reported", "datetime", "event_date");
    private static final List<String> CATEGORY = List.of("crime type", "crime_type", "category", "offence", "offence_type",
            "incident_type", "type", "class", "classification");
    private static final List<String> ID = List.of("crime id", "crime_id", "id", "reference", "ref", "incident_id", "urn",
            "event_id", "record_id", "code", "fid", "objectid");
    private static final List<String> LSOA = List.of("lsoa code", "lsoa_code", "lsoa11cd", "lsoa21cd", "lsoa");
    private static final List<String> LOCATION = List.of("location", "address", "street", "place");
    private static final List<String> OUTCOME = List.of("last outcome category", "outcome", "last_outcome_category", "status");
    private static final List<String> PERIOD = List.of("period", "date", "year", "time_period", "time period", "month",
            "reference_date", "financial_year", "financial year");
    private static final List<String> NAME = List.of("name", "title", "label", "area_name", "npa_name", "neighbourhood");
    private static final List<String> BREAKDOWN = List.of("category", "age_group", "age group", "age band", "age_band", "sex",
            "gender", "group", "breakdown", "type", "indicator", "measure");

    private static final Pattern NAME_LIKE = Pattern.compile("(nm|name)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ID_LIKE = Pattern.compile("(cd|code|_id)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern AREA_CODE = Pattern.compile("^[EW](0[125678]|09)\\d{6}$");
    private static final Pattern NUMBER = Pattern.compile("^£?-?(\\d{1,3}(,\\d{3})+|\\d+)(\\.\\d+)?%?$");
    /** What statistical releases write for a value not available or withheld (an empty value, see upload_measure). */
    private static final java.util.Set<String> MISSING = java.util.Set.of("x", "c", "..", ".", ":", "-", "*", "n/a", "na", "z", "u",
            "supp", "suppressed");
    private static final Pattern WHOLE = Pattern.compile("^-?(\\d{1,3}(,\\d{3})+|\\d+)(\\.0+)?$");
    /** Names of numeric columns that are not counts: ranks, deciles, scores, rates, shares, distances. */
    private static final Pattern NOT_A_COUNT = Pattern.compile(
            "rank|dec(ile)?\\b|_dec|decile|quintile|score|rate|ratio|percent|pct|%|share|proportion|index|avg|average|mean|median"
                    + "|year|dist|_exp\\b|band|per ", Pattern.CASE_INSENSITIVE);

    /** Events mapping with only the point-event columns (the shape mappings had before other kinds existed). */
    static ColumnMapping events(String x, String y, Integer xyEpsg, String date, String category, String id, String lsoaCode,
                                String location, String outcome) {
        return new ColumnMapping(x, y, xyEpsg, date, category, id, lsoaCode, location, outcome, EVENTS, null, null, null,
                null, null, null);
    }

    /** The kind, for mappings remembered or sent before kinds existed: point events. */
    public String kindOrEvents() {
        return kind == null || kind.isBlank() ? EVENTS : kind;
    }

    /**
     * The mapping a person would pick, judged by the column names, whether (and what) geometry the file
     * has, and for files without coordinates, what the sample values look like (GSS area codes, numbers).
     */
    static ColumnMapping suggest(List<String> fields, String geometryType, List<Map<String, String>> sample) {
        boolean hasGeometry = geometryType != null && !geometryType.equalsIgnoreCase("None");
        String x = hasGeometry ? null : find(fields, X).orElse(null);
        String y = hasGeometry ? null : find(fields, Y).orElse(null);
        Integer xyEpsg = null;
        if (x != null) {
            String lower = x.toLowerCase(Locale.ROOT);
            xyEpsg = lower.startsWith("east") ? Integer.valueOf(27700) : lower.startsWith("lon") || lower.startsWith("lng")
                    ? Integer.valueOf(4326) : null;
        }
        String idColumn = find(fields, ID).orElse(null);
        if (hasGeometry && geometryType.toLowerCase(Locale.ROOT).contains("polygon")) {
            String name = find(fields, NAME).or(() -> matching(fields, NAME_LIKE)).orElse(null);
            String id = idColumn != null ? idColumn : matching(fields, ID_LIKE).orElse(null);
            return new ColumnMapping(null, null, null, null, null, id, null, null, null, POLYGONS, null, null, null, null, null, name);
        }
        String areaCode = hasGeometry || x != null ? null : areaCodeColumn(fields, sample);
        if (areaCode != null) {
            return areaStatistics(fields, sample, areaCode);
        }
        return events(x, y, xyEpsg, find(fields, DATE).orElse(null), find(fields, CATEGORY).orElse(null),
                find(fields, List.of("crime id", "crime_id", "id", "reference", "ref", "incident_id", "urn", "event_id", "record_id"))
                        .orElse(null),
                find(fields, LSOA).orElse(null), find(fields, LOCATION).orElse(null), find(fields, OUTCOME).orElse(null));
    }

    private static ColumnMapping areaStatistics(List<String> fields, List<Map<String, String>> sample, String areaCode) {
        String level = levelOf(sample.stream().map(row -> row.get(areaCode)).filter(Objects::nonNull).map(String::strip).toList());
        String period = fields.stream().filter(f -> PERIOD.contains(f.strip().toLowerCase(Locale.ROOT))).findFirst().orElse(null);
        List<String> measures = new ArrayList<>();
        List<String> counts = new ArrayList<>();
        for (String field : fields) {
            if (field.equals(areaCode) || field.equals(period)) {
                continue;
            }
            List<String> values = sample.stream().map(row -> row.get(field)).filter(v -> v != null && !v.isBlank())
                    .map(String::strip).filter(v -> !MISSING.contains(v.toLowerCase(Locale.ROOT))).toList();
            if (!values.isEmpty() && values.stream().allMatch(v -> NUMBER.matcher(v).matches())) {
                measures.add(field);
                if (values.stream().allMatch(v -> WHOLE.matcher(v).matches()) && !NOT_A_COUNT.matcher(field).find()) {
                    counts.add(field);
                }
            }
        }
        String breakdown = fields.stream().filter(f -> !f.equals(areaCode) && !measures.contains(f) && !f.equals(period))
                .filter(f -> BREAKDOWN.contains(f.strip().toLowerCase(Locale.ROOT))).findFirst().orElse(null);
        return new ColumnMapping(null, null, null, null, breakdown, null, null, null, null, AREA_STATISTICS, areaCode, level,
                period, measures, counts, null);
    }

    /** The column whose sample values are all GSS codes of LSOAs, MSOAs, wards or districts. */
    private static String areaCodeColumn(List<String> fields, List<Map<String, String>> sample) {
        for (String field : fields) {
            List<String> values = sample.stream().map(row -> row.get(field)).filter(v -> v != null && !v.isBlank()).toList();
            if (!values.isEmpty() && values.stream().allMatch(v -> AREA_CODE.matcher(v.strip().toUpperCase(Locale.ROOT)).matches())) {
                return field;
            }
        }
        return null;
    }

    /** The boundary level most of these codes belong to (by their GSS entity prefix), or null. */
    static String levelOf(List<String> codes) {
        return codes.stream().map(ColumnMapping::levelOf).filter(Objects::nonNull)
                .collect(java.util.stream.Collectors.groupingBy(l -> l, java.util.stream.Collectors.counting()))
                .entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    static String levelOf(String code) {
        if (code == null || code.length() < 3) {
            return null;
        }
        return switch (code.substring(0, 3).toUpperCase(Locale.ROOT)) {
            case "E01", "W01" -> "lsoa";
            case "E02", "W02" -> "msoa";
            case "E05", "W05" -> "ward";
            case "E06", "E07", "E08", "E09", "W06" -> "district";
            default -> null;
        };
    }

    List<String> columns() {
        Stream<String> single = Stream.of(x, y, date, category, id, lsoaCode, location, outcome, areaCode, period, name);
        return Stream.concat(single, measures == null ? Stream.empty() : measures.stream()).filter(Objects::nonNull).distinct().toList();
    }

    /** An error for each mapped column the file does not have (names compared ignoring case). */
    public List<UploadRejected.FileError> unknownColumns(List<String> fields, String label) {
        List<String> known = fields.stream().map(f -> f.toLowerCase(Locale.ROOT)).toList();
        List<UploadRejected.FileError> errors = new ArrayList<>();
        for (String column : columns()) {
            if (!known.contains(column.toLowerCase(Locale.ROOT))) {
                errors.add(new UploadRejected.FileError(label, null, column, null, "the file has no column '" + column + "'"));
            }
        }
        return errors;
    }

    private static Optional<String> matching(List<String> fields, Pattern pattern) {
        return fields.stream().filter(f -> pattern.matcher(f.strip()).find()).findFirst();
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
