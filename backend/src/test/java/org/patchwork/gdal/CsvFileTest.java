package org.patchwork.gdal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The quirks of MHCLG's IoD2019 CSV files (Files 1 and 6), in a three-line file written here. */
class CsvFileTest {

    private static final String CODE = "LSOA code (2011)";
    private static final String TOTAL = "Total population: mid 2015 (excluding prisoners)";

    @TempDir
    Path dir;

    @Test
    void readsAFileWithAByteOrderMarkQuotedThousandsAndNoFinalNewline() throws IOException {
        Path file = write("\uFEFF" + CODE + ",LSOA name (2011)," + TOTAL + "\r\n"
                + "E01006512,Liverpool 031A,\"1,296\"\r\n"
                + "E01000001,City of London 001A,\"29,199\"");   // no newline after the last row

        List<String> rows = new ArrayList<>();
        long count = CsvFile.forEachRow(file, List.of(CODE, TOTAL), row ->
                rows.add(row.number() + " " + row.get(CODE) + " " + CsvFile.parseCount(row.get(TOTAL))));

        assertThat(count).isEqualTo(2);
        assertThat(rows).as("line number, the code under its header despite the BOM, and the count")
                .containsExactly("2 E01006512 1296", "3 E01000001 29199");
    }

    @Test
    void readsAFileWithoutAByteOrderMark() throws IOException {
        Path file = write(CODE + "," + TOTAL + "\n" + "E01006512,1296\n");

        List<String> codes = new ArrayList<>();
        assertThat(CsvFile.forEachRow(file, List.of(CODE), row -> codes.add(row.get(CODE)))).isEqualTo(1);
        assertThat(codes).containsExactly("E01006512");
    }

    @Test
    void namesTheFileAndTheMissingColumn() throws IOException {
        Path file = write("\uFEFFcode,total\nE01006512,1296");

        assertThatThrownBy(() -> CsvFile.forEachRow(file, List.of("code", TOTAL), row -> { }))
                .isInstanceOf(IngestException.class).hasMessageContaining("iod.csv").hasMessageContaining(TOTAL);
    }

    @Test
    void parsesCountsWithAndWithoutThousandsSeparators() {
        assertThat(CsvFile.parseCount("29,199")).isEqualTo(29_199);
        assertThat(CsvFile.parseCount(" 1,234,567 ")).isEqualTo(1_234_567);
        assertThat(CsvFile.parseCount("742")).isEqualTo(742);
        assertThatThrownBy(() -> CsvFile.parseCount("n/a")).isInstanceOf(NumberFormatException.class);
    }

    private Path write(String content) throws IOException {
        return Files.writeString(dir.resolve("iod.csv"), content, StandardCharsets.UTF_8);
    }
}
