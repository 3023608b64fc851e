package org.patchwork.boundaries;

import org.patchwork.geography.BoundaryLevel;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patchwork.catalogue.DatasetCatalogue;
import org.patchwork.catalogue.LoadIssue;
import org.patchwork.catalogue.LoadSummary;
import org.springframework.beans.factory.annotation.Autowired;
import org.patchwork.PatchworkIntegrationTest;
import org.patchwork.SharedDataDirectory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loading boundary files in other formats and CRSs, and what happens to bad polygons. Each test runs in
 * a transaction that is rolled back, so the shared Merseyside data stays as it was.
 */
@PatchworkIntegrationTest
@Transactional
class BoundaryLoaderIT {

    private static final Path DATA = SharedDataDirectory.locate();

    @Autowired
    BoundaryLoader loader;
    @Autowired
    DatasetCatalogue catalogue;
    @Autowired
    JdbcClient jdbc;

    @Test
    void repairsInvalidPolygonsAndRejectsUnusableRowsWithReasons() {
        Path file = Path.of("backend/src/test/resources/boundaries/repair-cases.geojson");
        LoadSummary summary = loader.load(new BoundaryFile(BoundaryLevel.LSOA, file, "code", "name",
                "test-repair-cases", "Repair cases", "hand-made", "none", "test"));

        assertThat(summary.rowsRead()).isEqualTo(5);
        assertThat(summary.rowsLoaded()).isEqualTo(2);
        assertThat(summary.rowsRepaired()).isEqualTo(1);
        assertThat(summary.rowsRejected()).isEqualTo(3);
        assertThat(summary.rowsLoaded() + summary.rowsRejected()).isEqualTo(summary.rowsRead());

        Map<String, Object> bowTie = jdbc.sql("select ST_IsValid(geom) as valid, ST_Area(geom) as area, ST_SRID(geom) as srid "
                + "from area where level = 'lsoa' and code = 'XTEST0002'").query().singleRow();
        assertThat(bowTie.get("valid")).isEqualTo(true);
        assertThat((Double) bowTie.get("area")).isCloseTo(5000.0, within(0.01));
        assertThat(bowTie.get("srid")).isEqualTo(27700);

        List<LoadIssue> issues = catalogue.issues(summary.datasetId());
        assertThat(issues).extracting(LoadIssue::reason).anySatisfy(r -> assertThat(r).startsWith("invalid polygon repaired"))
                .anySatisfy(r -> assertThat(r).isEqualTo("no area code"))
                .anySatisfy(r -> assertThat(r).startsWith("area code appears more than once"))
                .anySatisfy(r -> assertThat(r).isEqualTo("no geometry"));
        assertThat(issues).allSatisfy(i -> assertThat(i.file()).isEqualTo("repair-cases.geojson"));
        assertThat(jdbc.sql("select name from area where level = 'lsoa' and code = 'XTEST0001'").query(String.class).single())
                .as("the first of two rows with the same code is kept").isEqualTo("Valid square");
    }

    @Test
    void loadsAWgs84GeoPackageIntoBritishNationalGrid() {
        LoadSummary summary = loader.load(new BoundaryFile(BoundaryLevel.DISTRICT,
                DATA.resolve("boundaries/national/police_force_areas_2020_wgs84.gpkg"), "pfa20cd", "pfa20nm",
                "test-pfa", "Police force areas", "ONS", "OGL", "England and Wales"));

        assertThat(summary.rowsLoaded()).isEqualTo(43);
        assertThat(catalogue.find(summary.datasetId()).orElseThrow().sourceCrs()).isEqualTo("EPSG:4326");
        double force = jdbc.sql("select ST_Area(geom) from area where level = 'district' and code = 'E23000004'")
                .query(Double.class).single();
        double districts = jdbc.sql("select sum(ST_Area(geom)) from area where level = 'district' and code like 'E08%'")
                .query(Double.class).single();
        assertThat(force / districts).as("Merseyside police force area vs its five districts, both in m²")
                .isCloseTo(1.0, within(0.02));
    }

    @Test
    void loadsABritishNationalGridGeoPackageAndKeepsItsCoordinates() {
        Path gpkg = DATA.resolve("boundaries/liverpool/liverpool_msoa11_life_expectancy.gpkg");
        LoadSummary summary = loader.load(new BoundaryFile(BoundaryLevel.MSOA, gpkg, "msoa11cd", "msoa11nm",
                "test-liverpool-msoa", "Liverpool MSOAs", "SMILE", "OGL", "Liverpool"));

        assertThat(summary.rowsLoaded()).isEqualTo(61);
        assertThat(catalogue.find(summary.datasetId()).orElseThrow().sourceCrs()).isEqualTo("EPSG:27700");
        double xmin = jdbc.sql("select min(ST_XMin(geom)) from area where level = 'msoa' and dataset_id = :id")
                .param("id", summary.datasetId()).query(Double.class).single();
        assertThat(xmin).as("easting in metres, not degrees or kilometres").isBetween(330000.0, 345000.0);
    }
}
