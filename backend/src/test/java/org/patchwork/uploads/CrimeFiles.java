package org.patchwork.uploads;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.patchwork.SharedDataDirectory;

/**
 * Test files made at test time from the real police.uk archives in the shared data directory (nothing is
 * copied into the repository): slices of the monthly files, exactly as published, and zips of them.
 */
final class CrimeFiles {

    static final String MERSEYSIDE_ZIP = "crime/merseyside-street-2022.zip";
    static final String NATIONAL_ZIP = "crime/england-wales-street-2022-05.zip";
    static final List<String> POLICE_UK_HEADER = List.of("Crime ID", "Month", "Reported by", "Falls within", "Longitude", "Latitude",
            "Location", "LSOA code", "LSOA name", "Crime type", "Last outcome category", "Context");

    private CrimeFiles() {
    }

    static Path shared(String relative) {
        return SharedDataDirectory.locate().resolve(relative);
    }

    /** The monthly file's path inside the Merseyside archive, e.g. 2022-03/2022-03-merseyside-street.csv. */
    static String merseysideMonth(String month) {
        return month + "/" + month + "-merseyside-street.csv";
    }

    /** GDAL's path of a file inside one of the shared zips. */
    static String vsizip(String zip, String entry) {
        return "/vsizip/" + shared(zip) + "/" + entry;
    }

    /** The header and the first {@code rows} lines of a file inside a shared zip, byte for byte (all rows if negative). */
    static Path slice(String zip, String entry, int rows, Path target) {
        try (ZipFile archive = new ZipFile(shared(zip).toFile());
             BufferedReader in = new BufferedReader(new InputStreamReader(archive.getInputStream(archive.getEntry(entry)),
                     StandardCharsets.UTF_8))) {
            Files.createDirectories(target.toAbsolutePath().getParent());
            StringBuilder text = new StringBuilder();
            String line = in.readLine();
            for (int n = 0; line != null && (rows < 0 || n <= rows); n++, line = in.readLine()) {
                text.append(line).append("\r\n");
            }
            Files.writeString(target, text, StandardCharsets.UTF_8);
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The records of a CSV file, by column name. */
    static List<Map<String, String>> read(Path csv) {
        try (Reader in = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            List<Map<String, String>> rows = new ArrayList<>();
            for (CSVRecord record : CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get().parse(in)) {
                rows.add(new LinkedHashMap<>(record.toMap()));
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes rows (maps by column) under the header as CSV, in UTF-8. */
    static Path write(Path target, List<String> header, List<Map<String, String>> rows) {
        try (CSVPrinter csv = new CSVPrinter(Files.newBufferedWriter(target, StandardCharsets.UTF_8),
                CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (Map<String, String> row : rows) {
                List<String> values = new ArrayList<>();
                header.forEach(column -> values.add(row.getOrDefault(column, "")));
                csv.printRecord(values);
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A zip of files, each under its entry name (which may contain folders). */
    static Path zip(Path target, Map<String, Path> entries) {
        Map<String, byte[]> bytes = new LinkedHashMap<>();
        entries.forEach((name, file) -> {
            try {
                bytes.put(name, Files.readAllBytes(file));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        return zipBytes(target, bytes);
    }

    /** A zip of raw entries; a name ending in '/' is a directory entry. */
    static Path zipBytes(Path target, Map<String, byte[]> entries) {
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(entry.getKey()));
                out.write(entry.getValue());
                out.closeEntry();
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every file of a Shapefile/MapInfo set in {@code dir} named {@code base.*}, by file name. */
    static Map<String, Path> parts(Path dir, String base) {
        try (var files = Files.list(dir)) {
            Map<String, Path> parts = new LinkedHashMap<>();
            files.filter(f -> f.getFileName().toString().startsWith(base + ".")).sorted()
                    .forEach(f -> parts.put(f.getFileName().toString(), f));
            return parts;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void writeTo(Path target, byte[] content) {
        try (OutputStream out = Files.newOutputStream(target)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
