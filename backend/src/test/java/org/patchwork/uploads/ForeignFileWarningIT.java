package org.patchwork.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patchwork.AdminApi;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The Merseyside partnership loading another force's police.uk file (South Yorkshire's May 2022, from the national
 * month): the preview warns before loading, the job result says so first, and nothing is counted in Merseyside's areas.
 */
@PatchworkIntegrationTest
class ForeignFileWarningIT {

    @LocalServerPort
    int port;

    @Test
    void anotherForcesFileIsWarnedAboutInThePreviewAndTheResultAndCountedNowhere() throws IOException {
        Path dir = Files.createTempDirectory("patchwork-foreign-file-");
        Path csv = CrimeFiles.slice(CrimeFiles.NATIONAL_ZIP, "2022-05/2022-05-south-yorkshire-street.csv", -1,
                dir.resolve("2022-05-south-yorkshire-street.csv"));
        List<Map<String, String>> rows = CrimeFiles.read(csv);
        long points = rows.stream().filter(r -> !r.get("Longitude").isBlank()).count();
        UploadClient manager = UploadClient.newPartner(port, "Foreign file IT");

        JsonNode preview = manager.api().json(201, manager.inspect(csv));
        JsonNode check = preview.path("areaCheck");
        assertThat(check.path("points").asLong()).isEqualTo(2_000);
        assertThat(check.path("warning").asString())
                .startsWith("2,000 of the first 2,000 points of the file fall outside Merseyside's 910 LSOAs")
                .contains("South Yorkshire Police").contains("swapped").contains("CRS");

        JsonNode job = manager.load(csv, Map.of("title", AdminApi.unique("Foreign file IT"), "theme", "crime", "publishValidRows", true));
        assertThat(job.path("state").asString()).as("%s", job).isEqualTo("succeeded");
        JsonNode result = job.path("result");
        assertThat(result.propertyNames().iterator().next()).as("the warning comes first in the result").isEqualTo("warning");
        long outside = result.path("areaCheck").path("outside").asLong();
        assertThat(result.path("assignment").path("points").asLong()).isEqualTo(points);
        assertThat(result.path("warning").asString())
                .startsWith(String.format(Locale.UK, "%,d of %,d points fall outside Merseyside's 910 LSOAs", outside, points));
        assertThat(outside).as("points outside Merseyside: every one").isEqualTo(points);
        assertThat(result.path("areaCheck").path("rowsOutsideArea").size()).isEqualTo(1_000);
        assertThat(result.path("areaCheck").path("rowsOutsideArea").get(0).path("lsoa_code").asString()).startsWith("E01");

        // every one of them in the job's report.csv too, by file line, with where the file puts it
        String report = job.path("report").asString();
        List<org.apache.commons.csv.CSVRecord> outsideRows = manager.report(report.substring(0, report.length() - "/report.csv".length()))
                .stream().filter(r -> r.get("reason").startsWith("outside the partnership's area (Merseyside's 910 LSOAs)")).toList();
        assertThat(outsideRows).hasSize((int) points);
        for (org.apache.commons.csv.CSVRecord r : outsideRows) {
            Map<String, String> row = rows.get(Integer.parseInt(r.get("row")) - 2);   // line 1 is the header
            assertThat(r.get("file")).isEqualTo(csv.getFileName().toString());
            String[] where = r.get("value").replaceFirst(" \\(LSOA .*\\)$", "").replace("longitude ", "").replace("latitude ", "").split(", ");
            assertThat(Double.parseDouble(where[0])).as("line %s", r.get("row")).isCloseTo(Double.parseDouble(row.get("Longitude")),
                    org.assertj.core.api.Assertions.within(1e-5));
            assertThat(Double.parseDouble(where[1])).as("line %s", r.get("row")).isCloseTo(Double.parseDouble(row.get("Latitude")),
                    org.assertj.core.api.Assertions.within(1e-5));
            if (!row.get("LSOA code").isBlank()) {
                assertThat(r.get("value")).endsWith("(LSOA " + row.get("LSOA code") + ")");
            }
        }

        UploadClient.Counts counts = manager.counts(result.path("datasetId").asLong(), "lsoa");
        assertThat(counts.areas().values().stream().mapToLong(Long::longValue).sum()).as("counted in Merseyside's LSOAs")
                .isZero();
        assertThat(counts.outside()).isEqualTo(outside);
    }
}
