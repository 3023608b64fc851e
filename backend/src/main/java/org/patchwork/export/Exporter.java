package org.patchwork.export;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.patchwork.access.AccessPolicy;
import org.patchwork.access.Viewer;
import org.patchwork.gdal.CsvFormulaGuard;
import org.patchwork.layers.CollectionReader;
import org.patchwork.layers.FeatureCollection;
import org.patchwork.web.ApiProblem;
import org.springframework.stereotype.Component;
import tools.jackson.databind.ObjectMapper;

/**
 * Runs one export: opens the collection for the viewer (the OGC API's access decision), reads exactly the features
 * its items endpoint would serve them, has GDAL write the format in a private temporary directory, adds the
 * metadata, streams the result (zipped where the format is several files) and records the export in the audit trail.
 */
@Component
class Exporter {

    /** A page of a collection (f=csv on OGC items), or null for the whole selection. */
    record Paging(long offset, int limit) {
    }

    private final CollectionReader reader;
    private final ExportSources sources;
    private final ExportMetadata metadata;
    private final AccessPolicy policy;
    private final ObjectMapper json;
    private final java.util.List<RasterLayers> rasters;
    private final org.patchwork.gdal.Gdal gdal;

    Exporter(CollectionReader reader, ExportSources sources, ExportMetadata metadata, AccessPolicy policy, ObjectMapper json,
             java.util.List<RasterLayers> rasters, org.patchwork.gdal.Gdal gdal) {
        this.rasters = rasters;
        this.gdal = gdal;
        this.reader = reader;
        this.sources = sources;
        this.metadata = metadata;
        this.policy = policy;
        this.json = json;
    }

    /**
     * Exports {@code collectionId} as {@code request} asks; {@code plainCsv} sends a CSV file alone (the OGC API's f=csv)
     * rather than zipped with its metadata.
     */
    void export(String collectionId, ExportRequest request, Paging paging, boolean plainCsv, HttpServletRequest http,
                HttpServletResponse response) throws IOException {
        String output = plainCsv ? "ogc-items-csv" : "export-" + request.format().key();
        FeatureCollection collection = reader.open(collectionId, output);
        if (request.format().raster()) {
            java.util.Optional<byte[]> raster = rasters.stream().map(r -> r.geoTiff(collection.id()))
                    .flatMap(java.util.Optional::stream).findFirst();
            if (raster.isPresent()) {
                sendRaster(collection, request, raster.get(), output, response);
                return;
            }
            throw ApiProblem.badRequest("not-a-raster", "Collection '" + collectionId + "' is a vector layer (features), not a raster: "
                    + "GeoTIFF is for raster layers such as density surfaces. Export it as one of shp, gpkg, kml, kmz, geojson, csv or tab.");
        }
        Path dir = Files.createTempDirectory("patchwork-export-");
        try {
            ExportSources.Source source = sources.stage(collection, request, paging, dir, http);
            Viewer viewer = policy.currentViewer();
            Map<String, Object> document = metadata.describe(collection, request, viewer);
            document.put("features", source.features());
            String layer = collection.id();
            GdalOutput written = sources.write(source, request, document, layer, dir);
            // recorded once the file exists and before it is sent, so a download broken off half way is audited too
            String detail = ("collection=" + collection.id() + " format=" + request.format().key() + " crs=EPSG:" + request.srid() + " "
                    + document.get("parameters") + (paging == null ? "" : " offset=" + paging.offset() + " limit=" + paging.limit())).strip();
            if (collection.datasetId() == null) {
                policy.audit("export", output, detail + " features=" + source.features());
            } else {
                policy.audit("export", collection.datasetId(), output, (int) Math.min(Integer.MAX_VALUE, source.features()), detail);
            }
            if (plainCsv) {
                send(response, "text/csv", collection.id() + ".csv", false);
                try (OutputStream out = response.getOutputStream()) {
                    Files.copy(written.main(), out);
                }
            } else if (request.format().zipped()) {
                send(response, request.format().mediaType(), request.format().downloadName(collection.id()), true);
                zip(written, document, response.getOutputStream());
            } else {
                send(response, request.format().mediaType(), request.format().downloadName(collection.id()), false);
                response.setContentLengthLong(Files.size(written.main()));
                try (OutputStream out = response.getOutputStream()) {
                    Files.copy(written.main(), out);
                }
            }
        } finally {
            deleteRecursively(dir);
        }
    }

    /** A raster as GeoTIFF: as computed (EPSG:27700), or warped by gdalwarp to EPSG:4326 when asked. */
    private void sendRaster(FeatureCollection collection, ExportRequest request, byte[] tiff, String output,
                            HttpServletResponse response) throws IOException {
        Path dir = Files.createTempDirectory("patchwork-export-");
        try {
            Path file = dir.resolve("surface.tif");
            Files.write(file, tiff);
            if (request.srid() != 27700) {
                Path warped = dir.resolve("warped.tif");
                gdal.run("gdalwarp", List.of("-q", "-s_srs", "EPSG:27700", "-t_srs", "EPSG:" + request.srid(), "-r", "bilinear",
                        "-co", "COMPRESS=DEFLATE", file.toString(), warped.toString()), Map.of());
                file = warped;
            }
            String detail = "collection=" + collection.id() + " format=tif crs=EPSG:" + request.srid();
            if (collection.datasetId() == null) {
                policy.audit("export", output, detail);
            } else {
                policy.audit("export", collection.datasetId(), output, 1, detail);
            }
            send(response, request.format().mediaType(), request.format().downloadName(collection.id()), false);
            response.setContentLengthLong(Files.size(file));
            try (OutputStream out = response.getOutputStream()) {
                Files.copy(file, out);
            }
        } finally {
            deleteRecursively(dir);
        }
    }

    /** The files GDAL wrote: the main one, the others of the same dataset (Shapefile parts), and notes for README.txt. */
    record GdalOutput(Path main, List<Path> files, Map<String, String> extras, String notes) {
    }

    private void zip(GdalOutput written, Map<String, Object> document, OutputStream response) throws IOException {
        try (ZipOutputStream zip = new ZipOutputStream(response, StandardCharsets.UTF_8)) {
            zip.setLevel(java.util.zip.Deflater.BEST_SPEED);   // most of the time of a large export otherwise; the files are half as big still
            for (Path file : written.files()) {
                zip.putNextEntry(new ZipEntry(file.getFileName().toString()));
                Files.copy(file, zip);
                zip.closeEntry();
            }
            Map<String, String> extras = new LinkedHashMap<>(written.extras());
            extras.put("metadata.json", json.writerWithDefaultPrettyPrinter().writeValueAsString(document));
            extras.put("README.txt", ExportMetadata.readme(document, written.notes()));
            for (var extra : extras.entrySet()) {
                zip.putNextEntry(new ZipEntry(extra.getKey()));
                zip.write(extra.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
    }

    private static void send(HttpServletResponse response, String mediaType, String fileName, boolean zipped) {
        response.setContentType(mediaType);
        response.setHeader("Content-Disposition", "attachment; filename=\"" + fileName + "\"");
        response.setHeader("Cache-Control", "no-store");
    }

    /** Copies {@code in} to {@code out} with spreadsheet formulas neutralised. */
    static void guardCsv(Path in, Path out) throws IOException {
        try (var reader = Files.newBufferedReader(in, StandardCharsets.UTF_8);
             Writer writer = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            CsvFormulaGuard.copy(reader, writer);
        }
    }

    static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            List<Path> all = new ArrayList<>(paths.sorted(Comparator.reverseOrder()).toList());
            for (Path path : all) {
                Files.deleteIfExists(path);
            }
        } catch (IOException ignored) {
            // a temporary file left behind is harmless; the system's tmp cleaning removes it
        }
    }
}
