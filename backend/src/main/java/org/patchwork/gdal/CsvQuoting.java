package org.patchwork.gdal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Finds a quoted CSV field that never closes properly. GDAL's CSV reader, given such a quote, reads every
 * following line into that one field (or until a later quote, wherever it falls) and says nothing, so rows are
 * silently lost; RFC 4180 read strictly says where it went wrong. The file is streamed byte by byte (quotes,
 * separators and line ends are ASCII in UTF-8), so its size does not matter.
 */
public final class CsvQuoting {

    private CsvQuoting() {
    }

    /**
     * A quote that opens a field on line {@code openedOn} (1-based, the header is line 1) and either runs to the
     * end of the file ({@code closedOn} null) or closes on line {@code closedOn} with more of the value after it.
     */
    public record BrokenQuote(long openedOn, Long closedOn) {
    }

    /** The first broken quote of {@code file}, read with the separator GDAL would detect; empty when every quote closes. */
    public static Optional<BrokenQuote> find(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return find(in, separator(file));
        } catch (IOException e) {
            throw new IngestException(file.getFileName() + " could not be read: " + e.getMessage(), e);
        }
    }

    static Optional<BrokenQuote> find(InputStream in, int separator) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long line = 1;
        long openedOn = 0;
        boolean fieldStart = true;
        boolean quoted = false;
        boolean afterClosingQuote = false;
        boolean afterCr = false;
        boolean first = true;
        for (int n; (n = in.read(buffer)) != -1; ) {
            int start = 0;
            if (first && n >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB && (buffer[2] & 0xFF) == 0xBF) {
                start = 3;   // UTF-8 byte order mark
            }
            first = false;
            for (int i = start; i < n; i++) {
                int b = buffer[i];
                if (b == '\n' && afterCr) {   // the \n of \r\n: the line was counted at the \r
                    afterCr = false;
                    continue;
                }
                afterCr = b == '\r';
                boolean lineEnd = b == '\n' || b == '\r';
                if (quoted) {
                    if (b == '"') {
                        quoted = false;
                        afterClosingQuote = true;
                    } else if (lineEnd) {
                        line++;
                    }
                    continue;
                }
                if (afterClosingQuote) {
                    if (b == '"') {   // "" inside a quoted value
                        quoted = true;
                        afterClosingQuote = false;
                        continue;
                    }
                    if ((b == ' ' || b == '\t') && b != separator) {
                        continue;
                    }
                    if (b != separator && !lineEnd) {
                        return Optional.of(new BrokenQuote(openedOn, line));
                    }
                    afterClosingQuote = false;
                }
                if (lineEnd) {
                    line++;
                    fieldStart = true;
                } else if (b == separator) {
                    fieldStart = true;
                } else if (b == '"' && fieldStart) {
                    quoted = true;
                    openedOn = line;
                } else {
                    fieldStart = false;
                }
            }
        }
        return quoted ? Optional.of(new BrokenQuote(openedOn, null)) : Optional.empty();
    }

    /**
     * The separator GDAL's CSV driver picks from the header line: the first of comma, semicolon or tab outside
     * quotes (comma when they are mixed), else a space if there is one, else comma; tab for a .tsv file.
     */
    static int separator(Path file) throws IOException {
        if (file.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".tsv")) {
            return '\t';
        }
        int separator = 0;
        boolean spaces = false;
        boolean inString = false;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            for (int b = in.read(); b != -1 && b != '\n' && b != '\r'; b = in.read()) {
                if (!inString && (b == ',' || b == ';' || b == '\t')) {
                    if (separator == 0) {
                        separator = b;
                    } else if (separator != b) {
                        return ',';
                    }
                } else if (!inString && b == ' ') {
                    spaces = true;
                } else if (b == '"') {
                    inString = !inString;
                }
            }
        }
        return separator != 0 ? separator : spaces ? ' ' : ',';
    }
}
