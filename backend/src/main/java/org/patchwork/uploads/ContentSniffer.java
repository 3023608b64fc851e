package org.patchwork.uploads;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.ZipFile;

/**
 * What a file really is, from its first bytes (its "magic number"), so a file with the wrong extension is
 * refused in words ("this file is not a CSV: it looks like a PNG image") before GDAL is asked to read it;
 * GDAL's own answer names the server's upload path and every driver it tried.
 */
final class ContentSniffer {

    private static final int HEAD = 8192;

    private ContentSniffer() {
    }

    /** Refuses each main file whose content is not what its extension says, and a .zip upload that is not a zip. */
    static void requireMatches(UploadFiles.Prepared prepared) {
        for (Path file : prepared.detected().mainFiles()) {
            requireMatches(file, prepared.detected().format(), prepared.label(file));
        }
    }

    static void requireZip(Path file, String label) {
        byte[] head = head(file);
        if (!isZip(head)) {
            kindOf(file, head).ifPresent(kind -> {
                throw UploadRejected.of(label, "is not a readable zip archive: this file is not a zip: it looks like " + kind);
            });
        }
    }

    static void requireMatches(Path file, SourceFormat format, String label) {
        byte[] head = head(file);
        Optional<String> kind = kindOf(file, head);
        String expected = format == SourceFormat.POLICE_UK ? "CSV" : format.label();
        switch (format) {
            case CSV, POLICE_UK, GEOJSON, KML, MAPINFO_MIF -> {
                if (kind.isPresent()) {
                    throw notA(label, format, expected, kind.get());
                }
                if (startsWith(head, 0xFF, 0xFE) || startsWith(head, 0xFE, 0xFF)) {
                    throw UploadRejected.of(label, "could not be read as " + format.label() + ": it is UTF-16 text (Excel's "
                            + "\"Unicode text\"); save it as UTF-8");
                }
                if (indexOfZero(head) >= 0) {
                    throw UploadRejected.of(label, "could not be read as " + format.label() + ": this file is not "
                            + article(expected) + " " + expected + ": it holds binary data, not text");
                }
            }
            case XLSX, KMZ -> {
                if (!isZip(head) && kind.isPresent()) {
                    throw notA(label, format, expected, kind.get());
                }
            }
            case GEOPACKAGE -> {
                if (!startsWith(head, "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII)) && kind.isPresent()) {
                    throw notA(label, format, expected, kind.get());
                }
            }
            case FLATGEOBUF, SHAPEFILE, MAPINFO_TAB -> {
                if (kind.isPresent() && !kind.get().equals(ownKind(format))) {
                    throw notA(label, format, expected, kind.get());
                }
            }
        }
    }

    private static UploadRejected notA(String label, SourceFormat format, String expected, String kind) {
        return UploadRejected.of(label, "this file is not " + article(expected) + " " + expected + ": it looks like " + kind);
    }

    private static String article(String word) {
        return "AEIOUaeiou".indexOf(word.charAt(0)) >= 0 ? "an" : "a";
    }

    private static String ownKind(SourceFormat format) {
        return switch (format) {
            case FLATGEOBUF -> "a FlatGeobuf file";
            case SHAPEFILE -> "the .shp part of a Shapefile";
            default -> "";
        };
    }

    /** Words for a file type recognised from its first bytes, or empty for text and anything unrecognised. */
    static Optional<String> kindOf(Path file, byte[] head) {
        if (startsWith(head, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("a PNG image");
        } else if (startsWith(head, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("a JPEG image");
        } else if (startsWith(head, 'G', 'I', 'F', '8')) {
            return Optional.of("a GIF image");
        } else if (startsWith(head, 'I', 'I', '*', 0) || startsWith(head, 'M', 'M', 0, '*')) {
            return Optional.of("a TIFF image");
        } else if (startsWith(head, 'R', 'I', 'F', 'F') && head.length >= 12 && new String(head, 8, 4, StandardCharsets.US_ASCII).equals("WEBP")) {
            return Optional.of("a WebP image");
        } else if (startsWith(head, '%', 'P', 'D', 'F', '-')) {
            return Optional.of("a PDF document");
        } else if (isZip(head)) {
            return Optional.of(zipKind(file));
        } else if (startsWith(head, 0x1F, 0x8B)) {
            return Optional.of("a gzip-compressed file (unpack it first, or send a .zip)");
        } else if (startsWith(head, 'R', 'a', 'r', '!', 0x1A, 0x07)) {
            return Optional.of("a RAR archive (send a .zip)");
        } else if (startsWith(head, '7', 'z', 0xBC, 0xAF, 0x27, 0x1C)) {
            return Optional.of("a 7-Zip archive (send a .zip)");
        } else if (startsWith(head, 0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1)) {
            return Optional.of("an old Microsoft Office file (such as .xls or .doc); save it as .xlsx or CSV");
        } else if (startsWith(head, "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII))) {
            return Optional.of("an SQLite database or GeoPackage (name it .gpkg)");
        } else if (startsWith(head, 'f', 'g', 'b', 3)) {
            return Optional.of("a FlatGeobuf file");
        } else if (startsWith(head, 0x00, 0x00, 0x27, 0x0A)) {
            return Optional.of("the .shp part of a Shapefile");
        }
        return Optional.empty();
    }

    /** A zip is many things: an Excel workbook, a Word document, a KMZ or just an archive. */
    private static String zipKind(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            boolean office = zip.getEntry("[Content_Types].xml") != null;
            boolean excel = zip.stream().anyMatch(e -> e.getName().startsWith("xl/"));
            boolean word = zip.stream().anyMatch(e -> e.getName().startsWith("word/"));
            boolean kml = zip.stream().anyMatch(e -> e.getName().toLowerCase(java.util.Locale.ROOT).endsWith(".kml"));
            if (office && excel) {
                return "an Excel workbook (.xlsx); upload it with the .xlsx extension, or save it as CSV";
            } else if (office && word) {
                return "a Word document (.docx)";
            } else if (kml) {
                return "a KMZ (zipped KML); name it .kmz";
            }
            return "a ZIP archive; name it .zip";
        } catch (IOException e) {
            return "a ZIP archive; name it .zip";
        }
    }

    private static boolean isZip(byte[] head) {
        return startsWith(head, 'P', 'K', 3, 4) || startsWith(head, 'P', 'K', 5, 6) || startsWith(head, 'P', 'K', 7, 8);
    }

    private static byte[] head(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readNBytes(HEAD);
        } catch (IOException e) {
            throw UploadRejected.of(file.getFileName().toString(), "could not be read");
        }
    }

    private static int indexOfZero(byte[] head) {
        for (int i = 0; i < head.length; i++) {
            if (head[i] == 0) {
                return i;
            }
        }
        return -1;
    }

    private static boolean startsWith(byte[] head, int... prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((head[i] & 0xFF) != (prefix[i] & 0xFF)) {
                return false;
            }
        }
        return true;
    }

    private static boolean startsWith(byte[] head, byte[] prefix) {
        return head.length >= prefix.length && Arrays.equals(head, 0, prefix.length, prefix, 0, prefix.length);
    }
}
