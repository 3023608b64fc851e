package org.patchwork.uploads;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The parts of a Shapefile (.shp/.shx and .dbf) or of a MapInfo TAB (.map/.id and .dat) must hold the
 * same number of records: GDAL reads as many features as the attribute table has rows and silently drops
 * the other shapes (a .dbf of 50 rows beside 105 wards loads 50). The counts come from the files' own
 * headers, which is cheap and exact: the .shx is a 100-byte header and 8 bytes a record, the .id 4 bytes a
 * record, and a dBase table (.dbf, and MapInfo's .dat) gives its record count at byte 4, its header and
 * record lengths at bytes 8 and 10 (little-endian).
 */
final class RecordCounts {

    private RecordCounts() {
    }

    static void requireMatching(UploadFiles.Prepared prepared) {
        SourceFormat format = prepared.detected().format();
        Path main = prepared.detected().mainFile();
        if (format == SourceFormat.SHAPEFILE) {
            requireMatching(prepared.label(main), part(main, "shx"), shapeIndexRecords(part(main, "shx")), "shapes", part(main, "dbf"));
        } else if (format == SourceFormat.MAPINFO_TAB) {
            Path id = part(main, "id");
            Path dat = part(main, "dat");
            if (Files.exists(id) && Files.exists(dat) && isDbase(dat)) {   // a TAB may also sit on another table (a raster, a view)
                requireMatching(prepared.label(main), id, size(id) / 4, "objects", dat);
            }
        }
    }

    private static void requireMatching(String label, Path index, long shapes, String what, Path table) {
        if (!Files.exists(index) || !Files.exists(table)) {
            return;   // a missing part is named by FormatDetector
        }
        long[] header = dbaseHeader(table, label);
        long declared = header[0];
        long present = header[2] <= 0 ? declared : Math.max(0, (size(table) - header[1]) / header[2]);
        String tableName = extension(table);
        String indexName = extension(index);
        if (present < declared) {
            throw new UploadRejected(String.format(Locale.UK, "%s: the .%s says it holds %,d records but holds only %,d; the file is "
                    + "truncated, so %,d rows would be lost. Export the file again.", label, tableName, declared, present, declared - present),
                    List.of(new UploadRejected.FileError(label, null, null, null, String.format(Locale.UK,
                            "the .%s says it holds %,d records but holds only %,d", tableName, declared, present))));
        }
        if (declared != shapes) {
            String reason = String.format(Locale.UK, "the .%s has %,d %s but the .%s has %,d records", indexName, shapes, what, tableName,
                    declared);
            throw new UploadRejected(String.format(Locale.UK, "%s: %s; the parts do not belong together (or one was cut short), "
                    + "so %,d %s would be lost or have no attributes. Export the file again so that every part comes from the "
                    + "same save.", label, reason, Math.abs(shapes - declared), shapes > declared ? what : "rows"),
                    List.of(new UploadRejected.FileError(label, null, null, null, reason)));
        }
    }

    /** Records in a .shx: a 100-byte header, then 8 bytes (offset and length) per shape. */
    private static long shapeIndexRecords(Path shx) {
        return Files.exists(shx) ? Math.max(0, (size(shx) - 100) / 8) : -1;
    }

    /** [record count, header length, record length] of a dBase table. */
    private static long[] dbaseHeader(Path table, String label) {
        try (InputStream in = Files.newInputStream(table)) {
            byte[] head = in.readNBytes(32);
            if (head.length < 12) {
                throw UploadRejected.of(label, "its ." + extension(table) + " is too short to be a table");
            }
            ByteBuffer buffer = ByteBuffer.wrap(head).order(ByteOrder.LITTLE_ENDIAN);
            return new long[] {Integer.toUnsignedLong(buffer.getInt(4)), Short.toUnsignedInt(buffer.getShort(8)),
                    Short.toUnsignedInt(buffer.getShort(10))};
        } catch (IOException e) {
            throw UploadRejected.of(label, "its ." + extension(table) + " could not be read");
        }
    }

    /** A dBase table starts with its version byte (0x02 to 0xFB), not with text. */
    private static boolean isDbase(Path table) {
        try (InputStream in = Files.newInputStream(table)) {
            int first = in.read();
            return first == 0x02 || first == 0x03 || first == 0x04 || first == 0x05 || first == 0x30 || first == 0x31
                    || first == 0x43 || first == 0x63 || first == 0x83 || first == 0x8B || first == 0xCB || first == 0xF5 || first == 0xFB;
        } catch (IOException e) {
            return false;
        }
    }

    private static Path part(Path main, String extension) {
        String name = main.getFileName().toString();
        String base = name.substring(0, name.lastIndexOf('.'));
        return Optional.of(main.resolveSibling(base + "." + extension)).filter(Files::exists)
                .orElse(main.resolveSibling(base + "." + extension.toUpperCase(Locale.ROOT)));
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }

    private static String extension(Path file) {
        return FormatDetector.extension(file.getFileName().toString());
    }
}
