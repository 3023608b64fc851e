package org.patchwork.uploads;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.patchwork.gdal.CrsDetector;
import org.patchwork.gdal.CsvQuoting;
import org.patchwork.gdal.Gdal;
import org.patchwork.gdal.IngestException;
import org.springframework.stereotype.Component;

/** Looks into a prepared upload with ogrinfo: layer, fields, count, extent, CRS, and a few sample rows. */
@Component
class Inspector {

    private static final Pattern FIELD = Pattern.compile("^(.+): (String|Integer|Integer64|Real|Date|DateTime|Time|Binary|"
            + "IntegerList|Integer64List|RealList|StringList) \\(.*\\)$");
    private static final Pattern EXTENT = Pattern.compile("Extent: \\(([-0-9.e+]+), ([-0-9.e+]+)\\) - \\(([-0-9.e+]+), ([-0-9.e+]+)\\)");

    /** Columns a file may have: the scratch table adds a few to them, and PostgreSQL allows 1,600 at most. */
    static final int MAX_COLUMNS = 1_000;

    private final Gdal gdal;
    private final CrsDetector crsDetector;

    Inspector(Gdal gdal, CrsDetector crsDetector) {
        this.gdal = gdal;
        this.crsDetector = crsDetector;
    }

    /** A layer as ogrinfo describes it. */
    record Layer(String name, String geometryType, long featureCount, List<String> fields, double[] extent, String srsWkt) {
        boolean hasGeometry() {
            return geometryType != null && !geometryType.equalsIgnoreCase("None");
        }
    }

    Inspection inspect(UploadFiles.Prepared prepared) {
        Path main = prepared.detected().mainFile();
        String label = prepared.label(main);
        SourceFormat format = prepared.detected().format();
        Layer layer = layer(main, format, label);
        long featureCount = layer.featureCount();
        for (Path file : prepared.detected().mainFiles()) {
            if (!file.equals(main)) {
                long more = layer(file, format, prepared.label(file)).featureCount();   // each file of a police.uk archive
                featureCount = featureCount < 0 || more < 0 ? -1 : featureCount + more;
            }
            if (format == SourceFormat.CSV || format == SourceFormat.POLICE_UK) {
                requireClosedQuotes(file, prepared.label(file));
            }
        }
        Integer epsg = null;
        String crsProblem = null;
        if (prepared.detected().format().hasOwnGeometry() && layer.hasGeometry()) {
            try {
                epsg = detectEpsg(main, prepared.detected().format(), layer);
            } catch (IngestException e) {
                crsProblem = org.patchwork.web.ServerPaths.scrub(e.getMessage()) + ". " + CoordinateHint.describe(layer.extent());
            }
        }
        List<Map<String, String>> sample = sample(main, prepared.detected().format(), layer.name());
        ColumnMapping mapping = ColumnMapping.suggest(layer.fields(), ownGeometryType(prepared.detected().format(), layer), sample);
        DateOrder.Preview dateOrder = null;
        if (mapping.kindOrEvents().equals(ColumnMapping.EVENTS) && mapping.date() != null) {
            dateOrder = DateOrder.preview(mapping.date(), dateEvidence(prepared, layer, mapping.date(), sample));
            if (dateOrder != null && DateOrder.CHOICES.contains(dateOrder.verdict())) {
                mapping = mapping.withDateOrder(dateOrder.verdict());
            }
        }
        List<String> files = prepared.detected().mainFiles().stream().map(prepared::label).toList();
        return new Inspection(prepared.stored().id().toString(), prepared.stored().originalName(), prepared.detected().format().label(),
                layer.name(), layer.geometryType(), featureCount, layer.fields(), epsg, crsProblem, layer.extent(),
                sample, mapping, mapping.kindOrEvents(), files, "suggested", dateOrder, null);
    }

    /**
     * The day/month evidence of a date column: from every value of the column when the sample has dates such
     * as 10/02/2023 (one more read of that column only), else from the sample, which then settles nothing.
     */
    private DateOrder.Evidence dateEvidence(UploadFiles.Prepared prepared, Layer layer, String column, List<Map<String, String>> sample) {
        List<String> sampled = sample.stream().map(row -> row.get(column)).toList();
        if (sampled.stream().noneMatch(v -> v != null && DateOrder.NUMERIC.matcher(v).matches())) {
            return DateOrder.tally(sampled);
        }
        List<String> values = new ArrayList<>();
        SourceFormat format = prepared.detected().format();
        for (Path file : prepared.detected().mainFiles()) {
            String layerName = format == SourceFormat.POLICE_UK ? stem(file) : layer.name();
            List<String> args = new ArrayList<>(List.of("-f", "CSV", "/vsistdout/"));
            args.addAll(openOptions(format));
            args.addAll(List.of(file.toString(), "-sql", "SELECT \"" + column.replace("\"", "") + "\" FROM \"" + layerName.replace("\"", "") + "\""));
            try {
                // no header parsing: GDAL writes this one-column header with a trailing comma ("Date,")
                var parser = CSVFormat.RFC4180.parse(new StringReader(gdal.run("ogr2ogr", args, Map.of())));
                boolean header = true;
                for (CSVRecord record : parser) {
                    if (!header) {
                        values.add(record.get(0));
                    }
                    header = false;
                }
            } catch (IngestException | IOException | IllegalArgumentException e) {
                return DateOrder.tally(sampled);   // the load reads every value anyway
            }
        }
        return DateOrder.tally(values);
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        return name.substring(0, name.lastIndexOf('.'));
    }

    /** Refuses a CSV file with a quote GDAL would read to the end of the file (or to a stray later quote), losing rows silently. */
    static void requireClosedQuotes(Path file, String label) {
        CsvQuoting.find(file).ifPresent(quote -> {
            String reason = "a quote opened on line " + quote.openedOn() + (quote.closedOn() == null
                    ? " is never closed, so every line after it would be read as part of one value and those rows lost"
                    : " is not closed until line " + quote.closedOn() + ", in the middle of a value, so the lines between would "
                    + "be read as one value and those rows lost")
                    + "; close the quote, or write a quote that is part of a value as two (\"\")";
            throw new UploadRejected(label + ": " + reason, List.of(new UploadRejected.FileError(label, quote.openedOn(), null, null, reason)));
        });
    }

    /** The mapping Patchwork suggests for an upload's main layer (what the preview offers). */
    ColumnMapping suggest(UploadFiles.Prepared prepared, Layer layer) {
        Path main = prepared.detected().mainFile();
        return ColumnMapping.suggest(layer.fields(), ownGeometryType(prepared.detected().format(), layer),
                sample(main, prepared.detected().format(), layer.name()));
    }

    /** The geometry type of the file's own geometry, or null when it has none (CSV and Excel never do). */
    static String ownGeometryType(SourceFormat format, Layer layer) {
        return format.hasOwnGeometry() && layer.hasGeometry() ? layer.geometryType() : null;
    }

    int detectEpsg(Path main, SourceFormat format, Layer layer) {
        if (format == SourceFormat.KML || format == SourceFormat.KMZ) {
            return 4326;   // KML is always WGS84 longitude/latitude
        }
        if (format == SourceFormat.SHAPEFILE) {
            return crsDetector.detectEpsg(main);
        }
        if (layer.srsWkt() == null) {
            throw new IngestException(main.getFileName() + " does not say which coordinate reference system it uses");
        }
        return CrsDetector.epsgOf(layer.srsWkt(), main.getFileName().toString());
    }

    Layer layer(Path main, SourceFormat format, String label) {
        List<String> args = new ArrayList<>(List.of("-ro", "-so", "-al", "-wkt_format", "WKT1"));
        args.addAll(openOptions(format));
        if (format == SourceFormat.CSV || format == SourceFormat.POLICE_UK) {
            // GDAL stops at 2,000 columns unless told otherwise; the count must be the file's own, to refuse it in words
            args.addAll(List.of("--config", "OGR_CSV_MAX_FIELD_COUNT", String.valueOf(Integer.MAX_VALUE)));
        }
        args.add(main.toString());
        String info;
        try {
            info = gdal.run("ogrinfo", args, Map.of());
        } catch (IngestException e) {
            throw UploadRejected.of(label, "could not be read as " + format.label() + ": " + e.getMessage().replaceFirst("^ogrinfo could not read the file: ", ""));
        }
        String[] sections = info.split("\nLayer name: ");
        for (int i = 1; i < sections.length; i++) {
            Layer layer = parse(sections[i]);
            if (layer.fields().stream().anyMatch(field -> field.indexOf('\uFFFD') >= 0)) {
                throw UploadRejected.of(label, "could not be read as " + format.label() + ": its text is not valid UTF-8; save it "
                        + "as UTF-8 (or, for a Shapefile, add a .cpg file naming its encoding)");
            }
            if (layer.fields().size() > MAX_COLUMNS) {
                throw UploadRejected.of(label, String.format(Locale.UK, "the file has %,d columns; at most %,d are supported",
                        layer.fields().size(), MAX_COLUMNS));
            }
            if (layer.featureCount() != 0 || i == sections.length - 1) {
                return layer;
            }
        }
        throw UploadRejected.of(label, "holds no layer of features");
    }

    static List<String> openOptions(SourceFormat format) {
        return switch (format) {
            case CSV, POLICE_UK -> List.of("-oo", "AUTODETECT_TYPE=NO");
            case XLSX -> List.of("--config", "OGR_XLSX_HEADERS", "FORCE", "--config", "OGR_XLSX_FIELD_TYPES", "STRING");
            default -> List.of();
        };
    }

    private static Layer parse(String section) {
        String[] lines = section.split("\n");
        String name = lines[0].strip();
        String geometry = null;
        long count = -1;
        double[] extent = null;
        List<String> fields = new ArrayList<>();
        StringBuilder wkt = null;
        for (String line : lines) {
            if (line.startsWith("Geometry: ")) {
                geometry = line.substring("Geometry: ".length()).strip();
            } else if (line.startsWith("Feature Count: ")) {
                count = Long.parseLong(line.substring("Feature Count: ".length()).strip());
            } else if (line.startsWith("Extent: ")) {
                Matcher m = EXTENT.matcher(line);
                if (m.find()) {
                    extent = new double[] {Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2)),
                            Double.parseDouble(m.group(3)), Double.parseDouble(m.group(4))};
                }
            } else if (line.startsWith("Layer SRS WKT:")) {
                wkt = new StringBuilder();
            } else if (wkt != null && (line.startsWith("Data axis") || line.startsWith("FID Column") || line.startsWith("Geometry Column"))) {
                wkt = wkt.length() == 0 ? null : wkt;
                break;
            } else if (wkt != null) {
                wkt.append(line.strip());
            }
        }
        boolean inFields = false;
        for (String line : lines) {
            Matcher field = FIELD.matcher(line);
            if (field.matches() && (inFields || !line.startsWith(" "))) {
                fields.add(field.group(1));
                inFields = true;
            }
        }
        String srs = wkt == null || wkt.toString().startsWith("(unknown)") ? null : wkt.toString();
        return new Layer(name, geometry, count, fields, extent, srs);
    }

    /** Up to ten rows of attributes (no geometry), as text. */
    private List<Map<String, String>> sample(Path main, SourceFormat format, String layer) {
        List<String> args = new ArrayList<>(List.of("-f", "CSV", "/vsistdout/"));
        args.addAll(openOptions(format));
        args.addAll(List.of(main.toString(), layer, "-limit", "10"));
        try {
            String csv = gdal.run("ogr2ogr", args, Map.of());
            List<Map<String, String>> rows = new ArrayList<>();
            var parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(new StringReader(csv));
            for (CSVRecord record : parser) {
                rows.add(new LinkedHashMap<>(record.toMap()));
            }
            return rows;
        } catch (IngestException | IOException | IllegalArgumentException e) {
            return List.of();
        }
    }

    static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }
}
