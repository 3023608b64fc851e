package org.patchwork.uploads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.WKTReader;
import org.patchwork.AdminApi;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * Polygon datasets: the real Liverpool MSOA GeoPackage (one invalid polygon, repaired and reported), the
 * Merseyside wards as a zipped Shapefile, and a GeoJSON with every kind of bad feature; served through
 * OGC API Features to the owner only.
 */
@PatchworkIntegrationTest
class PolygonUploadIT {

    static final Path MSOA_GPKG = CrimeFiles.shared("boundaries/liverpool/liverpool_msoa11_life_expectancy.gpkg");

    @TempDir
    Path dir;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Test
    void aGeoPackageOfPolygonsIsPublishedWithInvalidOnesRepairedAndServedToItsOwnerOnly() throws Exception {
        // the source polygons, read independently of Patchwork: JTS validity and area (the file is in EPSG:27700)
        Path wkt = Ogr2ogr.convert("CSV", dir.resolve("msoa.csv"), MSOA_GPKG.toString(), "-lco", "GEOMETRY=AS_WKT");
        Map<String, Geometry> source = new HashMap<>();
        for (Map<String, String> row : CrimeFiles.read(wkt)) {
            source.put(row.get("msoa11cd"), new WKTReader().read(row.get("WKT")));
        }
        long invalid = source.values().stream().filter(g -> !g.isValid()).count();

        UploadClient manager = UploadClient.newPartner(port, "Polygon IT gpkg");
        JsonNode preview = manager.inspect(MSOA_GPKG).json();
        assertThat(preview.path("suggestedKind").asString()).isEqualTo("polygons");
        assertThat(preview.path("suggestedMapping").path("name").asString()).isEqualTo("msoa11nm");
        assertThat(preview.path("suggestedMapping").path("id").asString()).isEqualTo("msoa11cd");

        String job = UploadClient.jobOf(manager.createDataset(MSOA_GPKG, Map.of("title", "Polygon IT MSOAs", "theme", "health")));
        JsonNode done = manager.awaitJob(job, Duration.ofMinutes(2));
        assertThat(done.path("state").asString()).as("%s", done).isEqualTo("succeeded");
        assertThat(done.path("result").path("kind").asString()).isEqualTo("polygons");
        assertThat(done.path("result").path("rowsIn").asInt()).isEqualTo(61);
        assertThat(done.path("result").path("rowsPublished").asInt()).isEqualTo(61);
        assertThat(done.path("result").path("repaired").asLong()).isEqualTo(invalid);
        assertThat(manager.report(job)).hasSize((int) invalid)
                .allSatisfy(r -> assertThat(r.get("reason")).contains("repaired with ST_MakeValid and published"));

        long datasetId = done.path("result").path("datasetId").asLong();
        Map<String, Double> areas = new HashMap<>();
        jdbc.sql("select source_id, ST_Area(geom) as area, ST_IsValid(geom) as valid from dataset_polygon where dataset_id = :id")
                .param("id", datasetId).query((rs, n) -> {
                    assertThat(rs.getBoolean("valid")).isTrue();
                    return areas.put(rs.getString("source_id"), rs.getDouble("area"));
                }).list();
        assertThat(areas).hasSize(61);
        source.forEach((code, geometry) -> {
            if (geometry.isValid()) {
                assertThat(areas.get(code)).as("area of %s", code).isCloseTo(geometry.getArea(), within(geometry.getArea() * 1e-9));
            } else {
                assertThat(areas.get(code)).as("repaired %s keeps an area", code).isPositive();
            }
        });

        String slug = manager.dataset(datasetId).path("slug").asString();
        assertThat(manager.dataset(datasetId).path("kind").asString()).isEqualTo("polygons");
        JsonNode items = manager.api().getJson("/ogc/collections/" + slug + "/items?limit=100");
        assertThat(items.path("numberMatched").asInt()).isEqualTo(61);
        JsonNode first = items.path("features").get(0);
        assertThat(first.path("geometry").path("type").asString()).isEqualTo("MultiPolygon");
        assertThat(first.path("properties").path("name").asString()).startsWith("Liverpool ");
        assertThat(first.path("properties").has("leb_est")).as("the file's attributes as flat properties").isTrue();
        assertThat(first.path("properties").path("name").asString()).isEqualTo(first.path("properties").path("msoa11nm").asString());

        AdminApi admin = new AdminApi(port);
        AdminApi.User stranger = admin.user(admin.partner(AdminApi.unique("Polygon IT stranger"), "council"), "analyst");
        assertThat(stranger.basic(port).get("/ogc/collections/" + slug + "/items").status()).isEqualTo(404);
        assertThat(stranger.basic(port).getJson("/ogc/collections").path("collections").valueStream()
                .map(c -> c.path("id").asString())).doesNotContain(slug);
        assertThat(jdbc.sql("select count(*) from audit_event where dataset_id = :id and action = 'record-access'")
                .param("id", datasetId).query(Long.class).single()).isPositive();
    }

    @Test
    void aZippedShapefileOfWardsLoadsEveryWard() {
        Path shp = Ogr2ogr.convert("ESRI Shapefile", dir.resolve("wards.shp"),
                CrimeFiles.shared("boundaries/merseyside/merseyside_wards2021_bsc.shp").toString());
        Map<String, Path> parts = new LinkedHashMap<>();
        for (String extension : List.of("shp", "shx", "dbf", "prj")) {
            parts.put("npa/WARDS." + extension.toUpperCase(), shp.resolveSibling("wards." + extension));
        }
        Path zip = CrimeFiles.zip(dir.resolve("wards.zip"), parts);
        UploadClient manager = UploadClient.newPartner(port, "Polygon IT wards");
        JsonNode preview = manager.inspect(zip).json();
        assertThat(preview.path("suggestedKind").asString()).isEqualTo("polygons");
        assertThat(preview.path("suggestedMapping").path("name").asString()).isEqualTo("wd21nm");
        JsonNode done = manager.load(zip, Map.of("title", "Polygon IT wards", "theme", "boundaries"));
        assertThat(done.path("state").asString()).as("%s", done).isEqualTo("succeeded");
        assertThat(done.path("result").path("rowsPublished").asInt()).isEqualTo(105);
        long datasetId = done.path("result").path("datasetId").asLong();
        double published = jdbc.sql("select sum(ST_Area(geom)) from dataset_polygon where dataset_id = :id").param("id", datasetId)
                .query(Double.class).single();
        double wards = jdbc.sql("select sum(ST_Area(geom)) from area where level = 'ward'").query(Double.class).single();
        assertThat(published).as("the same ward polygons Patchwork loaded as boundaries").isCloseTo(wards, within(wards * 1e-6));
    }

    @Test
    void everyBadFeatureIsReportedAndTheValidOnesPublished() throws Exception {
        String liverpool = "[[-2.99,53.40],[-2.98,53.40],[-2.98,53.41],[-2.99,53.41],[-2.99,53.40]]";
        String bowTie = "[[-2.97,53.40],[-2.96,53.41],[-2.96,53.40],[-2.97,53.41],[-2.97,53.40]]";
        String spain = "[[-3.70,40.41],[-3.69,40.41],[-3.69,40.42],[-3.70,40.42],[-3.70,40.41]]";
        String geojson = "{\"type\":\"FeatureCollection\",\"features\":["
                + feature("P1", "Good", "{\"type\":\"Polygon\",\"coordinates\":[" + liverpool + "]}") + ","
                + feature("P2", "Bow tie", "{\"type\":\"Polygon\",\"coordinates\":[" + bowTie + "]}") + ","
                + feature("P3", "A point", "{\"type\":\"Point\",\"coordinates\":[-2.98,53.40]}") + ","
                + feature("P4", "Madrid", "{\"type\":\"Polygon\",\"coordinates\":[" + spain + "]}") + ","
                + feature("P5", "Nothing", "null") + ","
                + feature("P1", "Again", "{\"type\":\"Polygon\",\"coordinates\":[" + liverpool + "]}") + "]}";
        Path file = dir.resolve("areas.geojson");
        Files.writeString(file, geojson, StandardCharsets.UTF_8);
        UploadClient manager = UploadClient.newPartner(port, "Polygon IT bad");
        String job = UploadClient.jobOf(manager.createDataset(file, Map.of("title", "Polygon IT bad", "theme", "other",
                "publishValidRows", true, "mapping", Map.of("kind", "polygons", "name", "label", "id", "ref"))));
        JsonNode done = manager.awaitJob(job, Duration.ofMinutes(2));
        assertThat(done.path("state").asString()).as("%s", done).isEqualTo("succeeded");
        assertThat(done.path("result").path("rowsIn").asInt()).isEqualTo(6);
        assertThat(done.path("result").path("rowsPublished").asInt()).isEqualTo(2);
        assertThat(done.path("result").path("rowsRejected").asInt()).isEqualTo(4);
        assertThat(done.path("result").path("repaired").asInt()).isEqualTo(1);
        Map<String, String> reasons = new HashMap<>();
        manager.report(job).forEach(r -> reasons.put(r.get("row"), r.get("reason")));
        assertThat(reasons).hasSize(5);
        assertThat(reasons.values()).anySatisfy(r -> assertThat(r).startsWith("invalid polygon (Self-intersection")
                        .endsWith("repaired with ST_MakeValid and published"))
                .anySatisfy(r -> assertThat(r).isEqualTo("the geometry is a point, not a polygon"))
                .anySatisfy(r -> assertThat(r).startsWith("the polygon is outside England and Wales"))
                .anySatisfy(r -> assertThat(r).isEqualTo("no geometry"))
                .anySatisfy(r -> assertThat(r).startsWith("the identifier appears more than once"));
        double bowTieArea = jdbc.sql("select ST_Area(geom) from dataset_polygon where dataset_id = :id and name = 'Bow tie'")
                .param("id", done.path("result").path("datasetId").asLong()).query(Double.class).single();
        assertThat(bowTieArea).as("both triangles of the bow tie kept").isGreaterThan(0);

        // a new version with the good polygon alone is what GIS clients see; withdrawing it brings back version 1
        long datasetId = done.path("result").path("datasetId").asLong();
        String slug = manager.dataset(datasetId).path("slug").asString();
        Path next = dir.resolve("areas-2.geojson");
        Files.writeString(next, "{\"type\":\"FeatureCollection\",\"features\":["
                + feature("P1", "Good", "{\"type\":\"Polygon\",\"coordinates\":[" + liverpool + "]}") + "]}", StandardCharsets.UTF_8);
        JsonNode second = manager.awaitJob(UploadClient.jobOf(manager.addVersion(datasetId, next, null)), Duration.ofMinutes(2));
        assertThat(second.path("result").path("version").asInt()).as("%s", second).isEqualTo(2);
        assertThat(manager.api().getJson("/ogc/collections/" + slug + "/items").path("numberMatched").asInt()).isEqualTo(1);
        assertThat(manager.api().post("/api/datasets/" + datasetId + "/versions/2/withdraw", null).status()).isEqualTo(200);
        assertThat(manager.api().getJson("/ogc/collections/" + slug + "/items").path("numberMatched").asInt()).isEqualTo(2);
    }

    private static String feature(String ref, String label, String geometry) {
        return "{\"type\":\"Feature\",\"properties\":{\"ref\":\"" + ref + "\",\"label\":\"" + label + "\"},\"geometry\":" + geometry + "}";
    }
}
