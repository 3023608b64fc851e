package org.patchwork.setup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patchwork.PatchworkIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the start-up load leaves in PostGIS from the real Merseyside files in ../shared/data. Expected
 * counts and totals are the ones ../shared/data/README.md gives for the files themselves.
 */
@PatchworkIntegrationTest
class FoundationDataIT {

    private static final String LIVERPOOL = "E08000012";
    private static final String LIVERPOOL_FULL_RESOLUTION = "boundaries-lsoa-liverpool-fullres";

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyBoundaryLevelOfMerseysideIsLoaded() {
        Map<String, Integer> areas = new HashMap<>();
        jdbc.sql("select level, count(*) from area group by level").query(rs -> {
            areas.put(rs.getString(1), rs.getInt(2));
        });
        assertThat(areas).isEqualTo(Map.of("lsoa", 910, "msoa", 184, "ward", 105, "district", 5));
    }

    @Test
    void liverpoolLsoasHaveTheFullResolutionShapesFromAFileWithoutAnEpsgCode() {
        LoadedFile file = jdbc.sql("select id, source_crs, rows_loaded from dataset where slug = :slug")
                .param("slug", LIVERPOOL_FULL_RESOLUTION).query(LoadedFile.class).single();
        assertThat(file.sourceCrs()).as("CRS detected from the ESRI .prj").isEqualTo("EPSG:27700");
        assertThat(file.rowsLoaded()).isEqualTo(298);

        Liverpool liverpool = jdbc.sql("""
                        select count(*)::int as lsoas,
                               count(*) filter (where a.dataset_id = :dataset)::int as full_resolution,
                               sum(ST_NPoints(a.geom))::int as vertices
                        from area a join lsoa_hierarchy h on h.lsoa_code = a.code
                        where a.level = 'lsoa' and h.lad_code = :lad""")
                .param("dataset", file.id()).param("lad", LIVERPOOL).query(Liverpool.class).single();
        assertThat(liverpool.lsoas()).as("Liverpool LSOAs").isEqualTo(298);
        assertThat(liverpool.fullResolution()).as("Liverpool LSOAs shaped by the full-resolution file").isEqualTo(298);
        // ../shared/data/README.md: the CDRC file has 195,850 vertices; the super-generalised set about 8 per LSOA
        assertThat(liverpool.vertices()).as("vertices of the Liverpool LSOAs").isEqualTo(195_850);

        double otherVerticesPerLsoa = jdbc.sql("""
                        select avg(ST_NPoints(a.geom)) from area a join lsoa_hierarchy h on h.lsoa_code = a.code
                        where a.level = 'lsoa' and h.lad_code <> :lad""")
                .param("lad", LIVERPOOL).query(Double.class).single();
        assertThat(liverpool.vertices() / 298.0).as("vertices per Liverpool LSOA").isGreaterThan(20 * otherVerticesPerLsoa);
    }

    @Test
    void everyMerseysideLsoaHasTheIndexAndAllSevenDomains() {
        int joined = jdbc.sql("""
                        select count(*) from area a join imd2019 i on i.lsoa_code = a.code
                        where a.level = 'lsoa'
                          and i.imd_decile is not null and i.income_decile is not null and i.employment_decile is not null
                          and i.education_decile is not null and i.health_decile is not null and i.crime_decile is not null
                          and i.housing_decile is not null and i.living_environment_decile is not null""")
                .query(Integer.class).single();
        assertThat(joined).isEqualTo(910);
    }

    @Test
    void liverpoolPopulationMatchesFile6() {
        long population = jdbc.sql("""
                        select sum(p.total) from lsoa_population p join lsoa_hierarchy h on h.lsoa_code = p.lsoa_code
                        where h.lad_code = :lad""")
                .param("lad", LIVERPOOL).query(Long.class).single();
        assertThat(population).isEqualTo(479_723L);
    }

    @Test
    void everyRowReadIsEitherLoadedOrRejected() {
        assertThat(jdbc.sql("select slug from dataset").query(String.class).list()).contains(
                "lookup-lsoa11-merseyside", "boundaries-district-merseyside", "boundaries-ward-merseyside",
                "boundaries-msoa-merseyside", "boundaries-lsoa-merseyside", LIVERPOOL_FULL_RESOLUTION,
                "population-mid2015", "imd2019-index", "imd2019-domains");
        var unbalanced = jdbc.sql("""
                        select slug || ': ' || rows_read || ' read, ' || rows_loaded || ' loaded, ' || rows_rejected || ' rejected'
                        from dataset where rows_read <> rows_loaded + rows_rejected""")
                .query(String.class).list();
        assertThat(unbalanced).isEmpty();
    }

    @Test
    void everyGeometryIsValidBritishNationalGrid() {
        assertThat(jdbc.sql("select count(*) from area").query(Integer.class).single()).isEqualTo(910 + 184 + 105 + 5);
        var bad = jdbc.sql("select level || ' ' || code from area where ST_SRID(geom) <> 27700 or not ST_IsValid(geom)")
                .query(String.class).list();
        assertThat(bad).isEmpty();
    }

    record LoadedFile(long id, String sourceCrs, int rowsLoaded) {
    }

    record Liverpool(int lsoas, int fullResolution, int vertices) {
    }
}
