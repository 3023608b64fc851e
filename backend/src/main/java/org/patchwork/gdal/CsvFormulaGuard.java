package org.patchwork.gdal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.util.regex.Pattern;

/**
 * Neutralises spreadsheet formulas in a CSV file that leaves the system (CSV injection, CWE-1236): a text cell that
 * begins with {@code = + - @}, a tab or a carriage return is written with a leading apostrophe, and quoted, so Excel
 * and LibreOffice show it as text instead of running it. Numbers, negative ones included, are left as they are. The
 * file is read as RFC 4180 (quoted fields may hold separators, quotes and line ends) and streamed, so its size does
 * not matter; the companion of {@link CsvQuoting}, which checks quoting on the way in.
 */
public final class CsvFormulaGuard {

    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private CsvFormulaGuard() {
    }

    /** Copies comma-separated {@code in} to {@code out} with every risky cell neutralised; returns how many were. */
    public static long copy(Reader in, Writer out) throws IOException {
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean inQuotes = false;
        boolean afterQuote = false;
        long neutralised = 0;
        int c;
        while ((c = in.read()) != -1) {
            char ch = (char) c;
            if (inQuotes) {
                if (ch == '"') {
                    inQuotes = false;
                    afterQuote = true;
                } else {
                    cell.append(ch);
                }
                continue;
            }
            if (afterQuote && ch == '"') {   // "" inside a quoted value
                cell.append('"');
                inQuotes = true;
                afterQuote = false;
                continue;
            }
            afterQuote = false;
            if (ch == '"' && cell.isEmpty() && !quoted) {
                quoted = true;
                inQuotes = true;
            } else if (ch == ',' || ch == '\n' || ch == '\r') {
                neutralised += write(cell, quoted, out);
                out.write(ch);
                cell.setLength(0);
                quoted = false;
            } else {
                cell.append(ch);
            }
        }
        if (!cell.isEmpty() || quoted) {
            neutralised += write(cell, quoted, out);
        }
        return neutralised;
    }

    /** Whether a cell's value would be taken for a formula by a spreadsheet. */
    public static boolean risky(CharSequence value) {
        if (value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        boolean formulaStart = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
        return formulaStart && !NUMBER.matcher(value).matches();
    }

    private static int write(StringBuilder cell, boolean quoted, Writer out) throws IOException {
        boolean risky = risky(cell);
        String value = risky ? "'" + cell : cell.toString();
        if (quoted || risky) {
            out.write('"');
            out.write(value.replace("\"", "\"\""));
            out.write('"');
        } else {
            out.write(value);
        }
        return risky ? 1 : 0;
    }
}
