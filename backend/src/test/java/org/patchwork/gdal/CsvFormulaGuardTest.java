package org.patchwork.gdal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** Formula cells neutralised (OWASP's CSV injection advice), numbers and quoting left intact. */
class CsvFormulaGuardTest {

    private static String guard(String csv) throws Exception {
        StringWriter out = new StringWriter();
        CsvFormulaGuard.copy(new StringReader(csv), out);
        return out.toString();
    }

    @Test
    void cellsThatBeginWithAFormulaCharacterGetAnApostropheAndQuotes() throws Exception {
        assertThat(guard("name,note\r\n=1+2,+SUM(A1)\r\n@cmd,-2+3\r\n"))
                .isEqualTo("name,note\r\n\"'=1+2\",\"'+SUM(A1)\"\r\n\"'@cmd\",\"'-2+3\"\r\n");
    }

    @Test
    void numbersNegativeOnesIncludedAreLeftAlone() throws Exception {
        assertThat(guard("X,Y,n\n-2.9834,53.4084,-7\n+3,1e-5,-.5\n")).isEqualTo("X,Y,n\n-2.9834,53.4084,-7\n+3,1e-5,-.5\n");
    }

    @Test
    void quotedValuesWithSeparatorsQuotesAndLineEndsStayOneCell() throws Exception {
        assertThat(guard("a,b\n\"=HYPERLINK(\"\"x\"\",\"\"y\"\")\",\"St. Helens, \"\"Town\"\"\nline 2\"\n"))
                .isEqualTo("a,b\n\"'=HYPERLINK(\"\"x\"\",\"\"y\"\")\",\"St. Helens, \"\"Town\"\"\nline 2\"\n");
    }

    @Test
    void emptyCellsAndTheLastCellWithoutALineEnd() throws Exception {
        assertThat(guard("a,,\"\"\n,=x")).isEqualTo("a,,\"\"\n,\"'=x\"");
    }

    @Test
    void riskyMeansAFormulaStartThatIsNotANumber() {
        assertThat(CsvFormulaGuard.risky("\tx")).isTrue();
        assertThat(CsvFormulaGuard.risky("-")).isTrue();
        assertThat(CsvFormulaGuard.risky("-12.5")).isFalse();
        assertThat(CsvFormulaGuard.risky("Birkenhead & Tranmere")).isFalse();
        assertThat(CsvFormulaGuard.risky("")).isFalse();
    }
}
