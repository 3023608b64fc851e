package org.patchwork.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.patchwork.ApiClient.Reply;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Files that are not what their name says, and Shapefiles / MapInfo tables whose parts disagree on how
 * many records they hold, are refused at once (preview and load) with a problem in words that names
 * neither a server path nor a GDAL driver, and nothing is created.
 */
@PatchworkIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FileContentIT {

    private static final String WARDS = "boundaries/merseyside/merseyside_wards2021_bsc.shp";

    @TempDir
    static Path dir;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Value("${patchwork.uploads.dir}")
    String uploadsDir;

    UploadClient manager;

    @BeforeAll
    void connect() {
        manager = UploadClient.newPartner(port, "File content IT");
    }

    static Stream<Arguments> disguised() throws IOException {
        byte[] jpeg = concat(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}, "JFIF junk".getBytes(StandardCharsets.US_ASCII));
        ByteArrayOutputStream gzip = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gzip)) {
            out.write("Month,Crime type\r\n2022-03,Burglary\r\n".getBytes(StandardCharsets.UTF_8));
        }
        byte[] xlsx = zipOf(Map.of("[Content_Types].xml", "<Types/>", "xl/workbook.xml", "<workbook/>"));
        return Stream.of(
                Arguments.of("picture.csv", png(), "this file is not a CSV: it looks like a PNG image"),
                Arguments.of("crimes.geojson", jpeg, "this file is not a GeoJSON: it looks like a JPEG image"),
                Arguments.of("report.csv", "%PDF-1.4\n%âãÏÓ\n1 0 obj\n".getBytes(StandardCharsets.ISO_8859_1),
                        "this file is not a CSV: it looks like a PDF document"),
                Arguments.of("places.kml", "GIF89a\u0001\u0000\u0001\u0000".getBytes(StandardCharsets.ISO_8859_1),
                        "this file is not a KML: it looks like a GIF image"),
                Arguments.of("crimes.csv", gzip.toByteArray(), "this file is not a CSV: it looks like a gzip-compressed file"),
                Arguments.of("workbook.csv", xlsx, "this file is not a CSV: it looks like an Excel workbook (.xlsx)"),
                Arguments.of("archive.zip", png(), "is not a readable zip archive: this file is not a zip: it looks like a PNG image"),
                Arguments.of("layers.gpkg", png(), "this file is not a GeoPackage: it looks like a PNG image"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("disguised")
    void aFileThatIsNotWhatItsNameSaysIsRefusedInWords(String name, byte[] content, String expected) throws IOException {
        Path file = Files.write(dir.resolve(name), content);
        DatabaseCounts before = DatabaseCounts.of(jdbc);

        for (Reply reply : List.of(manager.inspect(file), manager.createDataset(file, Map.of("title", "File content IT " + name)))) {
            assertThat(reply.status()).as("%s", reply).isEqualTo(422);
            assertThat(reply.isProblem()).isTrue();
            JsonNode problem = reply.json();
            assertThat(problem.path("type").asString()).isEqualTo("/problems/upload-rejected");
            assertThat(problem.path("detail").asString()).startsWith(name + ": " + expected);
            assertNoServerDetails(reply);
        }
        assertThat(DatabaseCounts.of(jdbc)).isEqualTo(before);
    }

    @Test
    void whatGdalCannotReadIsSaidWithoutItsDriversOrTheServersPaths() throws IOException {
        // no magic number Patchwork knows, so GDAL is asked, and answers with every driver it tried and the full path
        Path file = Files.write(dir.resolve("unknown.fgb"), "not a flatgeobuf, just words\n".repeat(20).getBytes(StandardCharsets.UTF_8));

        Reply reply = manager.inspect(file);

        assertThat(reply.status()).as("%s", reply).isEqualTo(422);
        assertThat(reply.json().path("detail").asString()).startsWith("unknown.fgb: could not be read as FlatGeobuf");
        assertNoServerDetails(reply);
    }

    @Test
    void aShapefileWhoseDbfHasFewerRecordsThanItsShapesIsRefusedNamingBothCounts() throws IOException {
        Path full = Files.createDirectories(dir.resolve("wards-full"));
        Ogr2ogr.convert("ESRI Shapefile", full.resolve("wards.shp"), CrimeFiles.shared(WARDS).toString());
        Path fifty = Files.createDirectories(dir.resolve("wards-50"));
        Ogr2ogr.convert("ESRI Shapefile", fifty.resolve("wards.shp"), CrimeFiles.shared(WARDS).toString(), "-where", "FID < 50");
        assertThat(dbaseRecords(full.resolve("wards.dbf"))).as("Merseyside's wards").isEqualTo(105);
        assertThat(dbaseRecords(fifty.resolve("wards.dbf"))).isEqualTo(50);
        Map<String, Path> parts = new LinkedHashMap<>(CrimeFiles.parts(full, "wards"));
        parts.put("wards.dbf", fifty.resolve("wards.dbf"));   // the .dbf of another save, with 50 rows
        Path zip = CrimeFiles.zip(dir.resolve("wards-50-dbf.zip"), parts);

        refusedAtOnce(zip, "the .shx has 105 shapes but the .dbf has 50 records");
    }

    @Test
    void aShapefileWhoseDbfIsCutShortIsRefusedNamingBothCounts() throws IOException {
        Path full = Files.createDirectories(dir.resolve("wards-cut"));
        Ogr2ogr.convert("ESRI Shapefile", full.resolve("wards.shp"), CrimeFiles.shared(WARDS).toString());
        Path dbf = full.resolve("wards.dbf");
        byte[] bytes = Files.readAllBytes(dbf);
        ByteBuffer header = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int headerLength = header.getShort(8);
        int recordLength = header.getShort(10);
        Files.write(dbf, Arrays.copyOf(bytes, headerLength + 50 * recordLength));   // the header still says 105
        Path zip = CrimeFiles.zip(dir.resolve("wards-cut-dbf.zip"), CrimeFiles.parts(full, "wards"));

        refusedAtOnce(zip, "the .dbf says it holds 105 records but holds only 50");
    }

    @Test
    void aMapInfoTableWhoseDatHasFewerRecordsThanItsObjectsIsRefusedNamingBothCounts() throws IOException {
        Path full = Files.createDirectories(dir.resolve("tab-full"));
        Ogr2ogr.convert("MapInfo File", full.resolve("wards.tab"), CrimeFiles.shared(WARDS).toString());
        Path fifty = Files.createDirectories(dir.resolve("tab-50"));
        Ogr2ogr.convert("MapInfo File", fifty.resolve("wards.tab"), CrimeFiles.shared(WARDS).toString(), "-where", "FID < 50");
        assertThat(Files.size(full.resolve("wards.id")) / 4).as("one 4-byte pointer per ward").isEqualTo(105);
        Map<String, Path> parts = new LinkedHashMap<>(CrimeFiles.parts(full, "wards"));
        parts.put("wards.dat", fifty.resolve("wards.dat"));
        Path zip = CrimeFiles.zip(dir.resolve("tab-50-dat.zip"), parts);

        refusedAtOnce(zip, "the .id has 105 objects but the .dat has 50 records");
    }

    private void refusedAtOnce(Path zip, String expected) {
        DatabaseCounts before = DatabaseCounts.of(jdbc);
        String name = zip.getFileName().toString();
        for (Reply reply : List.of(manager.inspect(zip), manager.createDataset(zip, Map.of("title", "File content IT " + name)))) {
            assertThat(reply.status()).as("%s", reply).isEqualTo(422);
            JsonNode problem = reply.json();
            assertThat(problem.path("type").asString()).isEqualTo("/problems/upload-rejected");
            assertThat(problem.path("detail").asString()).contains(expected);
            assertThat(problem.path("errors").get(0).path("reason").asString()).contains(expected);
            assertNoServerDetails(reply);
        }
        assertThat(DatabaseCounts.of(jdbc)).as("nothing created").isEqualTo(before);
    }

    private void assertNoServerDetails(Reply reply) {
        assertThat(reply.body()).doesNotContain(uploadsDir, "/tmp/", "original-", "FAILURE", "ERROR 1", "->", "driver", "ESRI Shapefile",
                "GPKG", "PCIDSK", "Exception");
    }

    private static long dbaseRecords(Path dbf) throws IOException {
        return ByteBuffer.wrap(Files.readAllBytes(dbf)).order(ByteOrder.LITTLE_ENDIAN).getInt(4);
    }

    /** A real 1×1 PNG (signature, IHDR, IDAT, IEND with their CRCs). */
    static byte[] png() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A});
        chunk(out, "IHDR", ByteBuffer.allocate(13).putInt(1).putInt(1).put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0)
                .put((byte) 0).array());
        ByteArrayOutputStream pixels = new ByteArrayOutputStream();
        try (var z = new java.util.zip.DeflaterOutputStream(pixels)) {
            z.write(new byte[] {0, (byte) 0xFF, 0, 0});
        }
        chunk(out, "IDAT", pixels.toByteArray());
        chunk(out, "IEND", new byte[0]);
        return out.toByteArray();
    }

    private static void chunk(ByteArrayOutputStream out, String type, byte[] data) throws IOException {
        byte[] typeBytes = type.getBytes(StandardCharsets.US_ASCII);
        out.write(ByteBuffer.allocate(4).putInt(data.length).array());
        out.write(typeBytes);
        out.write(data);
        CRC32 crc = new CRC32();
        crc.update(typeBytes);
        crc.update(data);
        out.write(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] zipOf(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(entry.getKey()));
                zip.write(entry.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
