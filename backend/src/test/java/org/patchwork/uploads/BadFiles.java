package org.patchwork.uploads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * The bad files partners send, made in a directory at test time: hand-written bytes, or real police.uk rows
 * (the first 40 of Merseyside's March 2022 file) and real boundaries spoilt in one particular way.
 */
final class BadFiles {

    static final int ROWS = 40;

    final Path dir;
    final Path csv;
    final List<Map<String, String>> rows;
    final Map<String, Path> shapefile;
    final Map<String, Path> mapInfoTab;
    final Map<String, Path> mapInfoMif;

    BadFiles(Path dir) throws IOException {
        this.dir = dir;
        this.csv = CrimeFiles.slice(CrimeFiles.MERSEYSIDE_ZIP, CrimeFiles.merseysideMonth("2022-03"), ROWS, dir.resolve("good.csv"));
        this.rows = CrimeFiles.read(csv);
        Path bng = Ogr2ogr.convert("GPKG", dir.resolve("good.gpkg"), csv.toString(), "-oo", "X_POSSIBLE_NAMES=Longitude",
                "-oo", "Y_POSSIBLE_NAMES=Latitude", "-oo", "KEEP_GEOM_COLUMNS=NO", "-oo", "AUTODETECT_TYPE=NO",
                "-s_srs", "EPSG:4326", "-t_srs", "EPSG:27700", "-nln", "crimes", "-nlt", "POINT");
        Path shp = Files.createDirectories(dir.resolve("shp"));
        Ogr2ogr.convert("ESRI Shapefile", shp.resolve("crimes.shp"), bng.toString(), "-lco", "ENCODING=UTF-8");
        this.shapefile = CrimeFiles.parts(shp, "crimes");
        Path tab = Files.createDirectories(dir.resolve("tab"));
        Ogr2ogr.convert("MapInfo File", tab.resolve("crimes.tab"), bng.toString());
        this.mapInfoTab = CrimeFiles.parts(tab, "crimes");
        Path mif = Files.createDirectories(dir.resolve("mif"));
        Ogr2ogr.convert("MapInfo File", mif.resolve("crimes.mif"), bng.toString(), "-dsco", "FORMAT=MIF");
        this.mapInfoMif = CrimeFiles.parts(mif, "crimes");
    }

    Path path(String name) {
        return dir.resolve(name);
    }

    Path bytes(String name, byte[] content) {
        CrimeFiles.writeTo(dir.resolve(name), content);
        return dir.resolve(name);
    }

    Path text(String name, String content) {
        return bytes(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** The good rows, each changed by {@code change} (given the row and its index), under {@code header}. */
    Path rows(String name, List<String> header, RowChange change) {
        List<Map<String, String>> changed = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            changed.add(change.apply(new LinkedHashMap<>(rows.get(i)), i));
        }
        return CrimeFiles.write(dir.resolve(name), header, changed);
    }

    Path rows(String name, RowChange change) {
        return rows(name, CrimeFiles.POLICE_UK_HEADER, change);
    }

    /** The good rows without one column. */
    Path without(String name, String column) {
        List<String> header = new ArrayList<>(CrimeFiles.POLICE_UK_HEADER);
        header.remove(column);
        return rows(name, header, (row, i) -> row);
    }

    /** The Shapefile's parts except {@code leaveOut}, with replacements by extension, zipped. */
    Path shapefileZip(String name, String leaveOut, Map<String, byte[]> replace) {
        return partsZip(name, shapefile, leaveOut, replace);
    }

    Path partsZip(String name, Map<String, Path> parts, String leaveOut, Map<String, byte[]> replace) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        parts.forEach((file, path) -> {
            String extension = file.substring(file.lastIndexOf('.') + 1);
            if (!extension.equals(leaveOut)) {
                entries.put(file, replace.containsKey(extension) ? replace.get(extension) : read(path));
            }
        });
        replace.forEach((extension, content) -> entries.putIfAbsent("crimes." + extension, content));
        return CrimeFiles.zipBytes(dir.resolve(name), entries);
    }

    Path zip(String name, Map<String, byte[]> entries) {
        return CrimeFiles.zipBytes(dir.resolve(name), entries);
    }

    /** A zip whose one entry is {@code megabytes} of zeros, written as it is compressed (never whole in memory). */
    Path zipOfZeros(String name, int megabytes) {
        Path target = dir.resolve(name);
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(target))) {
            out.putNextEntry(new ZipEntry("crimes.csv"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < megabytes; i++) {
                out.write(zeros);
            }
            out.closeEntry();
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A well-formed zip with no entries: only the end-of-central-directory record (ZipOutputStream refuses to write one). */
    Path emptyZip(String name) {
        byte[] end = new byte[22];
        end[0] = 0x50;
        end[1] = 0x4b;
        end[2] = 0x05;
        end[3] = 0x06;
        return bytes(name, end);
    }

    /** The first half of a good zip, as a broken transfer leaves it. */
    Path truncated(String name) {
        byte[] whole = read(shapefileZip("whole-" + name, null, Map.of()));
        return bytes(name, java.util.Arrays.copyOf(whole, whole.length / 2));
    }

    static byte[] random(int size, long seed) {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A zip's entries: {@code n} small text files. */
    static Map<String, byte[]> manyEntries(int n) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            entries.put("part-" + i + ".txt", bytes("x"));
        }
        return entries;
    }

    static Map<String, String> put(Map<String, String> row, String column, String value) {
        row.put(column, value);
        return row;
    }

    static Map<String, String> swap(Map<String, String> row) {
        String longitude = row.get("Longitude");
        row.put("Longitude", row.get("Latitude"));
        row.put("Latitude", longitude);
        return row;
    }

    /** March 2022 written five ways, two of them impossible. */
    static Map<String, String> month(Map<String, String> row, int index) {
        return put(row, "Month", List.of("2022-03", "2022-03-15", "15/03/2022", "2022-13", "31/02/2022").get(index % 5));
    }

    /** The police.uk header with columns renamed (old, new pairs). */
    static List<String> renamed(String... pairs) {
        List<String> header = new ArrayList<>(CrimeFiles.POLICE_UK_HEADER);
        for (int i = 0; i < pairs.length; i += 2) {
            header.set(header.indexOf(pairs[i]), pairs[i + 1]);
        }
        return header;
    }

    /** A row whose Longitude and Latitude are called X and Y. */
    static Map<String, String> renameKeys(Map<String, String> row) {
        row.put("X", row.remove("Longitude"));
        row.put("Y", row.remove("Latitude"));
        return row;
    }

    /** The good file in Latin-1, with an accent in its locations (as Excel's "CSV" export writes it). */
    byte[] latin1() {
        String text = new String(read(csv), StandardCharsets.UTF_8).replace("On or near", "On or near Café");
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    /** The good file as UTF-16 with a byte-order mark. */
    byte[] utf16() {
        return new String(read(csv), StandardCharsets.UTF_8).getBytes(StandardCharsets.UTF_16);
    }

    /** A small file whose header has an accented name in Windows-1252. */
    static byte[] windows1252Header() {
        return "Catégorie,Month,Longitude,Latitude\r\nBurglary,2022-03,-2.98,53.4\r\n".getBytes(Charset.forName("windows-1252"));
    }

    /** The good file with a quote opened and never closed on line 3. */
    Path brokenQuoting(String name) {
        List<String> lines = new ArrayList<>(List.of(new String(read(csv), StandardCharsets.UTF_8).split("\r\n")));
        lines.set(2, lines.get(2).replaceFirst(",2022-03,", ",\"2022-03,"));
        return text(name, String.join("\r\n", lines) + "\r\n");
    }

    /** The police.uk columns plus enough empty ones to make 10,000. */
    Path wide(String name) {
        StringBuilder text = new StringBuilder(String.join(",", CrimeFiles.POLICE_UK_HEADER));
        for (int i = CrimeFiles.POLICE_UK_HEADER.size(); i < 10_000; i++) {
            text.append(",extra_").append(i);
        }
        text.append("\r\n");
        String padding = ",".repeat(10_000 - CrimeFiles.POLICE_UK_HEADER.size());
        List<String> lines = List.of(new String(read(csv), StandardCharsets.UTF_8).split("\r\n"));
        lines.subList(1, 6).forEach(line -> text.append(line).append(padding).append("\r\n"));
        return text(name, text.toString());
    }

    /** Twenty real LSOA polygons with a month and a category, as if they were events. */
    Path polygons(String name) {
        Path target = path(name);
        if (!Files.exists(target)) {
            Ogr2ogr.convert("GeoJSON", target, CrimeFiles.shared("boundaries/merseyside/merseyside_lsoa11_bsc.shp").toString(),
                    "-t_srs", "EPSG:4326", "-sql", "SELECT lsoa11cd, '2022-03' AS month, 'Burglary' AS category FROM merseyside_lsoa11_bsc",
                    "-limit", "20");
        }
        return target;
    }

    /** File lines (index + 2) of the good rows whose index passes. */
    static List<Long> lines(IntPredicate rows) {
        return IntStream.range(0, ROWS).filter(rows).mapToObj(i -> (long) i + 2).toList();
    }

    /** Consecutive row numbers, e.g. of a file whose features GDAL numbers from 0 (reported from 1). */
    static List<Long> numbered(long first, long last) {
        return LongStream.rangeClosed(first, last).boxed().toList();
    }

    /** Changes one row (a mutable copy); {@code index} counts from 0, so the row is on line index + 2 of the file. */
    interface RowChange {
        Map<String, String> apply(Map<String, String> row, int index);
    }
}
