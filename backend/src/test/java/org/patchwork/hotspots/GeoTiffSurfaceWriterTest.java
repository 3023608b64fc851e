package org.patchwork.hotspots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** The GeoTIFF read back by GDAL (gdalinfo -json, gdallocationinfo), an independent reader. */
class GeoTiffSurfaceWriterTest {

    @TempDir
    Path directory;

    @Test
    void gdalReadsTheGridTheCrsAndTheValues() throws Exception {
        // one point at (1005, 2005), h = 100 m, 10 m cells: grid west 900, north 2110, 21 × 21 cells;
        // the cell holding the point (row 10, column 10) has the peak 300/π = 95.4929658551 per km²
        DensitySurface surface = KernelDensity.quartic(new double[] {1005}, new double[] {2005}, null, 100, 10);
        Path tif = directory.resolve("density.tif");
        try (OutputStream out = Files.newOutputStream(tif)) {
            GeoTiffSurfaceWriter.write(surface, out);
        }

        JsonNode info = new ObjectMapper().readTree(run("gdalinfo", "-json", tif.toString()));
        assertThat(info.get("size").get(0).asInt()).isEqualTo(21);
        assertThat(info.get("size").get(1).asInt()).isEqualTo(21);
        JsonNode transform = info.get("geoTransform");
        assertThat(transform.get(0).asDouble()).isEqualTo(900.0);
        assertThat(transform.get(1).asDouble()).isEqualTo(10.0);
        assertThat(transform.get(2).asDouble()).isEqualTo(0.0);
        assertThat(transform.get(3).asDouble()).isEqualTo(2110.0);
        assertThat(transform.get(4).asDouble()).isEqualTo(0.0);
        assertThat(transform.get(5).asDouble()).isEqualTo(-10.0);
        assertThat(info.get("bands").get(0).get("type").asString()).isEqualTo("Float32");
        assertThat(info.get("coordinateSystem").get("wkt").asString()).contains("British National Grid")
                .contains("ID[\"EPSG\",27700]");

        assertThat(Double.parseDouble(run("gdallocationinfo", "-valonly", tif.toString(), "10", "10").trim()))
                .isCloseTo(95.4929658551, within(1e-5));
        // 50 m east of the point: 0.5625 of the peak
        assertThat(Double.parseDouble(run("gdallocationinfo", "-valonly", tif.toString(), "15", "10").trim()))
                .isCloseTo(53.7147932935, within(1e-5));
        // the same place asked by British National Grid coordinates
        assertThat(Double.parseDouble(run("gdallocationinfo", "-valonly", "-geoloc", tif.toString(), "1005", "2005").trim()))
                .isCloseTo(95.4929658551, within(1e-5));
    }

    private String run(String... command) throws IOException, InterruptedException {
        Path output = directory.resolve("gdal-output.txt");
        Process process = new ProcessBuilder(List.of(command)).redirectErrorStream(true).redirectOutput(output.toFile()).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finishes", command[0]).isTrue();
        String text = Files.readString(output, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as(text).isZero();
        return text;
    }
}
