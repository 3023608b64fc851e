package org.patchwork.export;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.patchwork.gdal.DatabaseSource;
import org.patchwork.gdal.Gdal;
import org.patchwork.layers.CollectionReader;
import org.patchwork.layers.FeatureCollection;
import org.patchwork.web.ApiProblem;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Where GDAL reads an export from, and how it writes each format. A whole view-backed collection with no filter is
 * read by GDAL straight from PostGIS (the select holds catalogue names and the dataset id only); anything else
 * (filters, a page, counts and statistics by area, which are protected in Java) is read page by page through the
 * OGC items code into a staging GeoPackage, so the file holds exactly what the items endpoint serves.
 */
@Component
class ExportSources {

    /** A field line of ogrinfo's summary: {@code name: Type (width.precision)}, the type perhaps with a subtype, e.g. Integer(Boolean). */
    static final Pattern FIELD = Pattern.compile("^(.+): [A-Za-z0-9]+(\\([A-Za-z0-9]+\\))? \\([0-9]+\\.[0-9]+\\)$");

    private final CollectionReader reader;
    private final Gdal gdal;
    private final DatabaseSource database;
    private final ObjectMapper json;

    ExportSources(CollectionReader reader, Gdal gdal, DatabaseSource database, ObjectMapper json) {
        this.reader = reader;
        this.gdal = gdal;
        this.database = database;
        this.json = json;
    }

    /**
     * A GDAL data source: its connection or file and the arguments that select the layer, whether GDAL must be told
     * it is in British National Grid, its field names in order, its feature count, and whether it holds points.
     */
    record Source(List<String> arguments, Map<String, String> environment, boolean needsSourceCrs, List<String> fields,
                  long features, boolean points) {
    }

    Source stage(FeatureCollection collection, ExportRequest request, Exporter.Paging paging, Path dir, HttpServletRequest http)
            throws IOException {
        boolean points = reader.geometryType(collection).map(type -> type.equals("ST_Point")).orElse(false);
        if (request.csvGeometry() == ExportRequest.CsvGeometry.XY && !points) {
            throw ApiProblem.badRequest("invalid-parameter", "geometry=xy writes coordinate columns for points; collection '"
                    + collection.id() + "' is not points: use geometry=wkt");
        }
        var whole = request.filters().isEmpty() && paging == null ? reader.wholeViewSql(collection) : java.util.Optional.<String>empty();
        if (whole.isPresent()) {
            return new Source(List.of(database.ogrConnection(), "-sql", whole.get()), database.environment(), true,
                    reader.wholeViewColumns(collection), reader.wholeViewCount(collection), points);
        }
        Path staging = dir.resolve("staging.gpkg");
        long offset = paging == null ? 0 : paging.offset();
        int limit = paging == null ? Integer.MAX_VALUE : paging.limit();
        long features = 0;
        int pageNumber = 0;
        while (true) {
            Path page = dir.resolve("page.geojson");
            CollectionReader.Page read;
            try (Writer out = Files.newBufferedWriter(page, StandardCharsets.UTF_8)) {
                read = reader.page(collection, request.filters(), offset, (int) Math.min(limit - features, reader.pageSize()), http, out);
            }
            List<String> args = new ArrayList<>(List.of("-f", "GPKG", "-noNativeData"));   // not the page's numberMatched and links
            if (pageNumber > 0) {
                args.addAll(List.of("-update", "-append"));
            }
            args.addAll(List.of(staging.toString(), page.toString(), "-nln", "staging", "-a_srs", "EPSG:27700"));
            if (!points) {
                args.addAll(List.of("-nlt", "PROMOTE_TO_MULTI"));
            }
            gdal.run("ogr2ogr", args, Map.of());
            features += read.returned();
            offset += read.returned();
            pageNumber++;
            if (read.returned() == 0 || offset >= read.matched() || features >= limit || read.returned() < reader.pageSize()) {
                break;
            }
        }
        return new Source(List.of(staging.toString(), "staging"), Map.of(), false, fields(staging), features, points);
    }

    /** The field names of the staging layer, in order, from ogrinfo's summary. */
    private List<String> fields(Path staging) {
        List<String> names = new ArrayList<>();
        for (String line : gdal.run("ogrinfo", List.of("-ro", "-so", "-nomd", staging.toString(), "staging"), Map.of()).split("\\R")) {
            Matcher field = FIELD.matcher(line);
            if (field.matches()) {
                names.add(field.group(1));
            }
        }
        return names;
    }

    /** Has GDAL write {@code source} in the request's format and CRS into {@code dir}. */
    Exporter.GdalOutput write(Source source, ExportRequest request, Map<String, Object> metadata, String layer, Path dir) throws IOException {
        ExportFormat format = request.format();
        Path out = Files.createDirectory(dir.resolve("out"));
        String title = String.valueOf(metadata.get("title"));
        Path main = out.resolve((format == ExportFormat.KMZ ? "doc" : layer) + "." + format.extension());
        Path target = format == ExportFormat.CSV ? Files.createDirectory(dir.resolve("raw")).resolve(layer + ".csv") : main;
        List<String> args = new ArrayList<>(List.of("-f", format.driver(), "-noNativeData", target.toString()));
        args.addAll(source.arguments());
        args.addAll(List.of("-nln", layer));
        if (source.needsSourceCrs()) {
            args.addAll(request.srid() == 27700 ? List.of("-a_srs", "EPSG:27700") : List.of("-s_srs", "EPSG:27700", "-t_srs", "EPSG:4326"));
        } else if (request.srid() != 27700) {
            args.addAll(List.of("-t_srs", "EPSG:" + request.srid()));
        }
        if (format != ExportFormat.CSV) {   // the views' geometry columns have no type of their own
            args.addAll(List.of("-nlt", source.points() ? "POINT" : "PROMOTE_TO_MULTI"));
        }
        String summary = title + ". " + metadata.get("attribution") + ". Licence: " + metadata.get("licence") + ".";
        switch (format) {
            case SHP -> args.addAll(List.of("-lco", "ENCODING=UTF-8"));
            case GPKG -> args.addAll(List.of("-lco", "IDENTIFIER=" + title, "-lco", "DESCRIPTION=" + summary,
                    "-mo", "PATCHWORK_EXPORT=" + json.writeValueAsString(metadata),
                    "-mo", "TITLE=" + title, "-mo", "LICENCE=" + metadata.get("licence"), "-mo", "ATTRIBUTION=" + metadata.get("attribution")));
            case GEOJSON -> args.addAll(List.of("-lco", "DESCRIPTION=" + summary, "-lco", "NATIVE_MEDIA_TYPE=application/vnd.geo+json",
                    "-lco", "NATIVE_DATA=" + json.writeValueAsString(Map.of("metadata", metadata)),
                    "-lco", "RFC7946=" + (request.srid() == 4326 ? "YES" : "NO")));
            case CSV -> args.addAll(List.of("-lco", "GEOMETRY=" + (request.csvGeometry() == ExportRequest.CsvGeometry.XY
                    || request.csvGeometry() == null && source.points() ? "AS_XY" : "AS_WKT"), "-lco", "CREATE_CSVT=YES"));
            case TAB -> args.addAll(List.of("-lco", "ENCODING=UTF-8"));
            default -> { }
        }
        gdal.run("ogr2ogr", args, source.environment());
        Map<String, String> extras = new LinkedHashMap<>();
        String notes = null;
        if (format == ExportFormat.SHP) {
            List<String> shortNames = ShapefileFields.read(out.resolve(layer + ".dbf"));
            extras.put("fields.csv", ShapefileFields.mapping(source.fields(), shortNames));
            notes = ShapefileFields.notes(source.fields(), shortNames);
        } else if (format == ExportFormat.CSV) {
            Exporter.guardCsv(target, main);
            Path types = target.resolveSibling(layer + ".csvt");
            if (Files.exists(types)) {
                Files.copy(types, out.resolve(layer + ".csvt"));
            }
            notes = "Cells that begin with = + - @ (other than numbers) start with an apostrophe, so spreadsheets do not run them "
                    + "as formulas.\n";
        } else if (format == ExportFormat.KML || format == ExportFormat.KMZ) {
            KmlDocument.describe(main, title, ExportMetadata.readme(metadata, null));
        }
        List<Path> files;
        try (Stream<Path> listed = Files.list(out)) {
            files = new ArrayList<>(listed.sorted((a, b) -> a.equals(main) ? -1 : b.equals(main) ? 1 : a.compareTo(b)).toList());
        }
        return new Exporter.GdalOutput(main, files, extras, notes);
    }
}
