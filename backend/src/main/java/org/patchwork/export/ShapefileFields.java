package org.patchwork.export;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The field names a Shapefile holds (dBASE allows 10 characters) against the full names they stand for: GDAL
 * shortens long names and numbers clashes; this reads what it wrote from the .dbf header and pairs it, in order,
 * with the source's names, for the fields.csv mapping that travels in the zip.
 */
final class ShapefileFields {

    private ShapefileFields() {
    }

    /** The field names in a .dbf header (32-byte descriptors after the 32-byte header, each name 11 bytes, NUL-padded). */
    static List<String> read(Path dbf) throws IOException {
        List<String> names = new ArrayList<>();
        try (InputStream in = Files.newInputStream(dbf)) {
            byte[] header = in.readNBytes(32);
            int headerLength = (header[8] & 0xFF) | (header[9] & 0xFF) << 8;
            for (int at = 32; at + 32 <= headerLength; at += 32) {
                byte[] descriptor = in.readNBytes(32);
                if (descriptor.length < 32 || descriptor[0] == 0x0D) {
                    break;
                }
                int length = 0;
                while (length < 11 && descriptor[length] != 0) {
                    length++;
                }
                names.add(new String(descriptor, 0, length, StandardCharsets.UTF_8));
            }
        }
        return names;
    }

    /** fields.csv: each Shapefile field beside the full name it stands for (RFC 4180, a header row first). */
    static String mapping(List<String> fullNames, List<String> shortNames) {
        if (fullNames.size() != shortNames.size()) {
            throw new IllegalStateException("the Shapefile has " + shortNames.size() + " fields for " + fullNames.size() + " source fields");
        }
        StringBuilder csv = new StringBuilder("shapefile_field,full_name\r\n");
        for (int i = 0; i < fullNames.size(); i++) {
            csv.append(quoted(shortNames.get(i))).append(',').append(quoted(fullNames.get(i))).append("\r\n");
        }
        return csv.toString();
    }

    /** The mapping in words for README.txt: only the names that changed. */
    static String notes(List<String> fullNames, List<String> shortNames) {
        StringBuilder text = new StringBuilder("Shapefile field names are at most 10 characters; fields.csv maps each to its full name.\n");
        for (int i = 0; i < fullNames.size(); i++) {
            if (!fullNames.get(i).equals(shortNames.get(i))) {
                text.append("  ").append(shortNames.get(i)).append(" = ").append(fullNames.get(i)).append('\n');
            }
        }
        return text.toString();
    }

    private static String quoted(String value) {
        return "\"" + value.replace("\"", "\"\"") + "\"";
    }
}
