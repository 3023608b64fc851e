package org.patchwork.uploads;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.patchwork.gdal.Gdal;
import org.patchwork.gdal.IngestException;
import org.patchwork.partnership.Area;
import org.patchwork.partnership.PartnershipArea;
import org.patchwork.sql.SqlScripts;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether an upload's points belong to the partnership's area. Points counted in no loaded LSOA (neither
 * their own LSOA code nor point in polygon names one) are kept out of every count; how many there are is
 * reported by name ("156,434 of 156,435 points fall outside Merseyside's 910 LSOAs"), and when their share
 * passes {@code patchwork.uploads.outside-warning-share} (default 20%) the preview, on a sample of the file,
 * and the job's result, on every row, carry a warning with the likely causes.
 */
@Component
public class AreaCheck {

    static final int PREVIEW_SAMPLE = 2_000;
    static final int LISTED_ROWS = 1_000;

    private final PartnershipArea partnership;
    private final JdbcClient jdbc;
    private final Gdal gdal;
    private final double threshold;

    AreaCheck(PartnershipArea partnership, JdbcClient jdbc, Gdal gdal,
              @Value("${patchwork.uploads.outside-warning-share:0.2}") double threshold) {
        this.partnership = partnership;
        this.jdbc = jdbc;
        this.gdal = gdal;
        this.threshold = threshold;
    }

    /** The verdict on a checked and assigned upload ({@code assigned}: the job's table of usable rows with their areas). */
    public Map<String, Object> ofJob(String assigned, long points, long outside, Integer epsg, ColumnMapping mapping, String forceNamed) {
        Map<String, Object> verdict = verdict(points, outside, false, epsg, mapping, forceNamed);
        verdict.put("rowsOutsideArea", jdbc.sql(SqlScripts.load("uploads/rows_outside_area", Map.of("assigned", assigned)))
                .param("limit", LISTED_ROWS).query().listOfRows());
        return verdict;
    }

    /**
     * Lists every point of {@code assigned} counted in no loaded LSOA in the job's report (report.csv), with where it
     * lies, after the rejected rows; answers how many were listed.
     */
    public int recordRowsOutside(java.util.UUID job, String assigned) {
        Area area = partnership.describe();
        return jdbc.sql(SqlScripts.load("uploads/record_rows_outside_area", Map.of("assigned", assigned))).param("job", job)
                .param("reason", "outside the partnership's area (" + area.name() + "'s " + String.format(Locale.UK, "%,d", area.lsoas())
                        + " LSOAs): kept in the dataset, counted in no area").update();
    }

    /** The verdict on the first {@value #PREVIEW_SAMPLE} points of the file's main layer, for the preview (null when it has no points). */
    Map<String, Object> ofPreview(UploadFiles.Prepared prepared, Inspection inspection) {
        ColumnMapping mapping = inspection.suggestedMapping();
        if (mapping == null || !ColumnMapping.EVENTS.equals(inspection.suggestedKind())) {
            return null;
        }
        SourceFormat format = prepared.detected().format();
        boolean ownGeometry = format.hasOwnGeometry() && inspection.geometryType() != null
                && inspection.geometryType().toLowerCase(Locale.ROOT).contains("point");
        if (!ownGeometry && (mapping.x() == null || mapping.y() == null)) {
            return null;
        }
        List<String> args = new ArrayList<>(List.of("-f", "CSV", "/vsistdout/"));
        args.addAll(Inspector.openOptions(format));
        if (ownGeometry) {
            args.addAll(List.of("-lco", "GEOMETRY=AS_XY"));
        }
        Path main = prepared.detected().mainFile();
        args.addAll(List.of(main.toString(), inspection.layer(), "-limit", String.valueOf(PREVIEW_SAMPLE)));
        List<Double> xs = new ArrayList<>();
        List<Double> ys = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        String force = null;
        try {
            String csv = gdal.run("ogr2ogr", args, Map.of());
            var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv));
            for (CSVRecord record : parser) {
                Double x = number(record, ownGeometry ? "X" : mapping.x());
                Double y = number(record, ownGeometry ? "Y" : mapping.y());
                if (x == null || y == null) {
                    continue;
                }
                xs.add(x);
                ys.add(y);
                codes.add(mapping.lsoaCode() != null && record.isMapped(mapping.lsoaCode()) ? record.get(mapping.lsoaCode()) : null);
                if (force == null && record.isMapped("Falls within") && !record.get("Falls within").isBlank()) {
                    force = record.get("Falls within");
                }
            }
        } catch (IngestException | IOException | IllegalArgumentException e) {
            return null;
        }
        if (xs.isEmpty()) {
            return null;
        }
        Integer epsg = ownGeometry ? inspection.epsg() : mapping.xyEpsg() != null ? mapping.xyEpsg() : guessEpsg(xs, ys);
        if (epsg == null) {
            return null;
        }
        Map<String, Object> counted = jdbc.sql(SqlScripts.load("uploads/sample_outside_area"))
                .param("xs", xs.toArray(Double[]::new)).param("ys", ys.toArray(Double[]::new)).param("codes", codes.toArray(String[]::new))
                .param("epsg", epsg).query().singleRow();
        return verdict(((Number) counted.get("points")).longValue(), ((Number) counted.get("outside")).longValue(), true, epsg, mapping, force);
    }

    private Map<String, Object> verdict(long points, long outside, boolean sample, Integer epsg, ColumnMapping mapping, String force) {
        Area area = partnership.describe();
        double share = points == 0 ? 0 : (double) outside / points;
        String where = area.name().equals("the loaded areas")
                ? String.format(Locale.UK, "the %,d loaded LSOAs", area.lsoas())
                : String.format(Locale.UK, "%s%s %,d LSOAs", area.name(), area.name().endsWith("s") ? "'" : "'s", area.lsoas());
        String summary = String.format(Locale.UK, sample ? "%,d of the first %,d points of the file fall outside %s"
                : "%,d of %,d points fall outside %s", outside, points, where);
        Map<String, Object> verdict = new LinkedHashMap<>();
        verdict.put("area", area.name());
        verdict.put("areaLsoas", area.lsoas());
        verdict.put("points", points);
        verdict.put("outside", outside);
        verdict.put("outsideShare", Math.round(share * 1000) / 1000.0);
        verdict.put("threshold", threshold);
        verdict.put("sample", sample);
        verdict.put("summary", summary + (outside == 0 ? "" : sample ? "" : "; they are kept out of every count and listed below"));
        if (points > 0 && share > threshold) {
            List<String> causes = new ArrayList<>();
            if (force != null) {
                causes.add("the file is another area's: its rows fall within " + force);
            } else {
                causes.add("the file covers another area (another police force's or council's file)");
            }
            if (mapping != null && mapping.x() != null) {
                causes.add("the coordinate columns are swapped (" + mapping.x() + " and " + mapping.y() + ")");
            }
            causes.add("the coordinates are not in " + (epsg == null ? "the coordinate reference system given" : "EPSG:" + epsg)
                    + " (a wrong CRS)");
            causes.add("the partnership's area is smaller than the file: an administrator can widen it (Admin, Area)");
            verdict.put("warning", String.format(Locale.UK, "%s (%.0f%%, more than the %.0f%% allowed without a warning)%s. Likely causes: %s.",
                    summary, share * 100, threshold * 100, sample ? "; loading it would count none of those points" : "",
                    String.join("; ", causes)));
            verdict.put("likelyCauses", causes);
        }
        return verdict;
    }

    private static Double number(CSVRecord record, String column) {
        if (column == null || !record.isMapped(column)) {
            return null;
        }
        try {
            double value = Double.parseDouble(record.get(column).strip());
            return Double.isFinite(value) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Degrees when every coordinate could be longitude/latitude, else British National Grid metres. */
    private static Integer guessEpsg(List<Double> xs, List<Double> ys) {
        boolean degrees = xs.stream().allMatch(x -> Math.abs(x) <= 180) && ys.stream().allMatch(y -> Math.abs(y) <= 90);
        return degrees ? 4326 : 27700;
    }
}
