package org.patchwork.gdal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file as publishers really ship them: an optional UTF-8 byte order mark, quoted numbers with
 * thousands separators ({@code "29,199"}), and possibly no newline after the last row.
 */
public final class CsvFile {

    private CsvFile() {
    }

    /** One data row: its 1-based line number in the file (the header is row 1) and its cells. */
    public record Row(long number, CSVRecord cells) {
        public String get(String column) {
            return cells.get(column);
        }
    }

    /** Reads the header, checks the {@code required} columns are there, then hands every row to {@code each}. */
    public static long forEachRow(Path file, List<String> required, Consumer<Row> each) {
        try (Reader reader = withoutBom(Files.newBufferedReader(file, StandardCharsets.UTF_8));
             CSVParser parser = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                     .setTrim(true).get().parse(reader)) {
            List<String> missing = required.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).toList();
            if (!missing.isEmpty()) {
                throw new IngestException(file.getFileName() + " lacks the column(s) " + missing);
            }
            long count = 0;
            for (CSVRecord record : parser) {
                count++;
                each.accept(new Row(record.getRecordNumber() + 1, record));
            }
            return count;
        } catch (IOException | UncheckedIOException e) {
            throw new IngestException(file.getFileName() + " could not be read as CSV: " + e.getMessage(), e);
        }
    }

    /** Parses a whole number written with or without thousands separators: {@code "29,199"} is 29199. */
    public static int parseCount(String text) {
        return Integer.parseInt(text.replace(",", "").strip());
    }

    private static Reader withoutBom(BufferedReader reader) throws IOException {
        reader.mark(1);
        if (reader.read() != '\uFEFF') {
            reader.reset();
        }
        return reader;
    }
}
