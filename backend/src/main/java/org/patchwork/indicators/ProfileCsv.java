package org.patchwork.indicators;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * An area profile as CSV: the same content as its JSON, one row per indicator (its value, intervals,
 * comparators and comparisons, or why it has none) and one row per IMD 2019 domain (rank and decile); for a custom
 * area, per domain one row per national decile (its LSOAs and residents there) and one each for the 10% and 20%
 * most deprived (counts and shares).
 * Text cells a spreadsheet would run as a formula (starting with =, +, -, @, a tab or a carriage return: indicator
 * names are typed by users) get a leading apostrophe; numbers are written as numbers.
 */
final class ProfileCsv {

    static final List<String> HEADER = List.of("kind", "area_code", "area_name", "area_level", "indicator_id", "indicator", "measure",
            "from", "to", "numerator", "denominator", "value", "lower95", "upper95", "lower998", "upper998", "district_value",
            "partnership_value", "vs_district", "vs_partnership", "vs_district_998", "vs_partnership_998", "perturbation_variance",
            "rank", "decile", "note", "lsoas", "population", "lsoa_share", "population_share");

    private ProfileCsv() {
    }

    @SuppressWarnings("unchecked")
    static String write(Map<String, Object> profile) {
        Map<String, Object> area = (Map<String, Object>) profile.get("area");
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get())) {
            for (Map<String, Object> entry : (List<Map<String, Object>>) profile.get("indicators")) {
                Map<String, Object> indicator = (Map<String, Object>) entry.get("indicator");
                Map<String, Object> value = (Map<String, Object>) entry.get("value");
                Map<String, Object> none = Map.of();
                Map<String, Object> v = value == null ? none : value;
                Map<String, Object> comparison = (Map<String, Object>) v.getOrDefault("comparison", none);
                Map<String, Object> comparison998 = (Map<String, Object>) v.getOrDefault("comparison998", none);
                Map<String, Object> disclosure = (Map<String, Object>) v.getOrDefault("disclosure", none);
                String note = entry.get("unavailable") != null ? (String) entry.get("unavailable")
                        : Boolean.TRUE.equals(disclosure.get("suppressed")) ? "withheld: " + disclosure.get("reason") : null;
                print(csv, "indicator", area, indicator.get("id"), indicator.get("name"), indicator.get("measure"), indicator.get("from"),
                        indicator.get("to"), v.get("numerator"), v.get("denominator"), v.get("value"), v.get("lower95"), v.get("upper95"),
                        v.get("lower998"), v.get("upper998"), v.get("districtValue"), v.get("partnershipValue"),
                        comparison.get("district"), comparison.get("partnership"), comparison998.get("district"),
                        comparison998.get("partnership"), disclosure.get("perturbationVariance"), null, null, note);
            }
            Map<String, Map<String, Integer>> domains = (Map<String, Map<String, Integer>>) profile.get("deprivation");
            if (domains != null) {
                for (Map.Entry<String, Map<String, Integer>> domain : domains.entrySet()) {
                    print(csv, "imd2019", area, null, domain.getKey(), null, null, null, null, null, null, null, null, null, null,
                            null, null, null, null, null, null, null, domain.getValue().get("rank"), domain.getValue().get("decile"),
                            "rank 1 is the most deprived of England's 32,844 LSOAs");
                }
            }
            Map<String, Object> deciles = (Map<String, Object>) profile.get("deprivationDeciles");
            if (deciles != null) {
                writeDeciles(csv, area, (Map<String, Map<String, Object>>) deciles.get("domains"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private static void writeDeciles(CSVPrinter csv, Map<String, Object> area, Map<String, Map<String, Object>> domains)
            throws IOException {
        for (Map.Entry<String, Map<String, Object>> domain : domains.entrySet()) {
            for (Map<String, Object> row : (List<Map<String, Object>>) domain.getValue().get("deciles")) {
                print(csv, "imd2019-decile", area, null, domain.getKey(), null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null, null, null, null, row.get("decile"),
                        "the area's LSOAs in this national decile (1 = most deprived tenth) and their mid-2015 residents",
                        row.get("lsoas"), row.get("population"), null, null);
            }
            for (String most : List.of("mostDeprived10", "mostDeprived20")) {
                Map<String, Object> share = (Map<String, Object>) domain.getValue().get(most);
                print(csv, "imd2019-" + (most.endsWith("10") ? "most-deprived-10pc" : "most-deprived-20pc"), area, null,
                        domain.getKey(), null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, "in England's " + (most.endsWith("10") ? "10% (decile 1)" : "20% (deciles 1 and 2)")
                                + " most deprived LSOAs; shares of the LSOAs with this domain's decile",
                        share.get("lsoas"), share.get("population"), share.get("lsoaShare"), share.get("populationShare"));
            }
        }
    }

    private static void print(CSVPrinter csv, String kind, Map<String, Object> area, Object... rest) throws IOException {
        List<Object> row = new ArrayList<>(List.of(kind, area.get("code"), neutralised(area.get("name")), area.get("level")));
        for (Object cell : rest) {
            row.add(neutralised(cell));
        }
        while (row.size() < HEADER.size()) {
            row.add(null);
        }
        csv.printRecord(row);
    }

    private static Object neutralised(Object cell) {
        if (cell instanceof String text && !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            return "'" + text;
        }
        return cell;
    }
}
