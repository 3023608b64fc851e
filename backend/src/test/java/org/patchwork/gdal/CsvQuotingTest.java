package org.patchwork.gdal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Quotes that open and never close properly, found with the line they open on; well-quoted files pass. */
class CsvQuotingTest {

    @TempDir
    Path dir;

    @Test
    void aQuoteLeftOpenToTheEndOfTheFileIsFoundOnItsLine() throws IOException {
        assertThat(CsvQuoting.find(write("a.csv", "a,b,c\r\n1,2,3\r\n4,\"5,6\r\n7,8,9\r\n")))
                .contains(new CsvQuoting.BrokenQuote(3, null));
    }

    @Test
    void aQuoteClosedByALaterLinesQuoteIsFoundWhereItOpens() throws IOException {
        assertThat(CsvQuoting.find(write("b.csv", "a,b,c\n1,\"2,3\n4,5,6\n7,\"On or near A, B\",9\n")))
                .contains(new CsvQuoting.BrokenQuote(2, 4L));
    }

    @Test
    void wellQuotedValuesPassEvenAcrossLinesWithDoubledQuotesAndABom() throws IOException {
        assertThat(CsvQuoting.find(write("c.csv", "\uFEFF\"a\",\"b\"\r\n\"x, y\",\"a \"\"quoted\"\" word\"\r\n"
                + "\"two\r\nlines\" ,3\r\n5,6 \"inch\"\r\n\"\",\"\""))).isEmpty();
    }

    @Test
    void aSemicolonFileIsReadWithItsOwnSeparator() throws IOException {
        assertThat(CsvQuoting.find(write("d.csv", "\"a\";\"b\"\n\"1\";\"2\"\n"))).isEmpty();
        assertThat(CsvQuoting.find(write("e.csv", "\"a\";\"b\"\n\"1\";\"2\n3;4\n"))).contains(new CsvQuoting.BrokenQuote(2, null));
    }

    @Test
    void linesEndingInACarriageReturnAloneAreCounted() throws IOException {
        assertThat(CsvQuoting.find(write("f.csv", "a,b\r1,2\r3,\"4\r5,6\r"))).contains(new CsvQuoting.BrokenQuote(3, null));
    }

    private Path write(String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text, StandardCharsets.UTF_8);
    }
}
