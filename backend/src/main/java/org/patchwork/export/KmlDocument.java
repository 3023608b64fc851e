package org.patchwork.export;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Gives the KML GDAL wrote a document name and description (the export's metadata), which GDAL's KML driver has no
 * option for: written right after the opening {@code <Document>} tag, where KML expects them, the file streamed once.
 */
final class KmlDocument {

    private KmlDocument() {
    }

    static void describe(Path kml, String name, String description) throws IOException {
        Path described = kml.resolveSibling(kml.getFileName() + ".described");
        boolean done = false;
        try (BufferedReader in = Files.newBufferedReader(kml, StandardCharsets.UTF_8);
             Writer out = Files.newBufferedWriter(described, StandardCharsets.UTF_8)) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                out.write(line);
                out.write('\n');
                if (!done && line.contains("<Document")) {
                    out.write("<name>" + escape(name) + "</name>\n<description><![CDATA[" + description.replace("]]>", "]] >")
                            + "]]></description>\n");
                    done = true;
                }
            }
        }
        Files.move(described, kml, StandardCopyOption.REPLACE_EXISTING);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
