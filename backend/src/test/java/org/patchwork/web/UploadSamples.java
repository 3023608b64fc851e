package org.patchwork.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.patchwork.SharedDataDirectory;

/**
 * Files for the upload wizard's browser tests, made at test time in a directory of the test's own:
 * real police.uk street crimes (the first rows of Merseyside's March 2022 file) with hand-made bad rows
 * after them, and zipped Shapefiles with a part missing.
 */
final class UploadSamples {

    private static final String MARCH = "2022-03/2022-03-merseyside-street.csv";

    private final Path dir;

    UploadSamples(Path dir) {
        this.dir = dir;
    }

    /** The header and the first {@code goodRows} rows of March 2022, then {@code badRows} as written. */
    Path crimes(String name, int goodRows, List<String> badRows) throws IOException {
        Path archive = SharedDataDirectory.locate().resolve("crime").resolve("merseyside-street-2022.zip");
        List<String> lines = new ArrayList<>();
        try (ZipFile zip = new ZipFile(archive.toFile());
             BufferedReader reader = new BufferedReader(new InputStreamReader(zip.getInputStream(zip.getEntry(MARCH)), StandardCharsets.UTF_8))) {
            for (String line; lines.size() <= goodRows && (line = reader.readLine()) != null; ) {
                lines.add(line);
            }
        }
        lines.addAll(badRows);
        return Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
    }

    /** A zip of a "Shapefile" whose .shx is missing (the other parts hold nothing GDAL could read). */
    Path shapefileWithoutShx() throws IOException {
        Path zip = dir.resolve("parcels.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String part : List.of("parcels.shp", "parcels.dbf", "parcels.prj")) {
                out.putNextEntry(new ZipEntry("parcels/" + part));
                out.write(("not really a " + part).getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
        }
        return zip;
    }

    /**
     * The CSV's points in British National Grid as a zipped Shapefile, without the .prj that would say
     * so; made with GDAL's ogr2ogr, which the application itself needs.
     */
    Path shapefileWithoutPrj(Path csv) throws IOException {
        Path parts = Files.createDirectories(dir.resolve("points"));
        Path log = dir.resolve("ogr2ogr.log");
        List<String> command = List.of("ogr2ogr", "-f", "ESRI Shapefile", parts.resolve("points.shp").toString(), csv.toString(),
                "-oo", "X_POSSIBLE_NAMES=Longitude", "-oo", "Y_POSSIBLE_NAMES=Latitude", "-oo", "AUTODETECT_TYPE=NO",
                "-s_srs", "EPSG:4326", "-t_srs", "EPSG:27700");
        try {
            Process gdal = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            assertThat(gdal.waitFor()).as(String.join(" ", command) + ": " + Files.readString(log)).isZero();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        Path zip = dir.resolve("points-without-prj.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            for (String part : List.of("points.shp", "points.shx", "points.dbf")) {
                out.putNextEntry(new ZipEntry(part));
                Files.copy(parts.resolve(part), out);
                out.closeEntry();
            }
        }
        return zip;
    }
}
