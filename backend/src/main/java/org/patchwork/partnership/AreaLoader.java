package org.patchwork.partnership;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.patchwork.boundaries.BoundaryFile;
import org.patchwork.geography.BoundaryLevel;
import org.patchwork.boundaries.BoundaryLoader;
import org.patchwork.boundaries.PopulationLoader;
import org.patchwork.catalogue.DatasetCatalogue;
import org.patchwork.catalogue.LoadIssue;
import org.patchwork.catalogue.LoadSummary;
import org.patchwork.catalogue.NewDataset;
import org.patchwork.catalogue.Theme;
import org.patchwork.boundaries.Imd2019Loader;
import org.patchwork.gdal.FileChecksum;
import org.patchwork.sql.SqlScripts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the reference data of some districts from the national files, set-based in SQL: their rows of
 * the England lookup, their LSOAs (repaired where invalid; Liverpool's at full resolution), MSOAs, wards
 * and districts dissolved from those LSOAs, then population (File 6) and IMD 2019 (Files 1 and 2) for
 * every loaded LSOA. Each step is one transaction recorded in the catalogue under its own slug, and is
 * skipped when that slug is there, so a load interrupted by a crash picks up where it stopped.
 */
@Component
class AreaLoader {

    private static final Logger log = LoggerFactory.getLogger(AreaLoader.class);
    private static final String OGL = "Open Government Licence v3.0";
    private static final String ONS = "ONS Open Geography Portal via humaniverse/geographr; contains OS data © Crown copyright and database right 2021";
    private static final int ISSUE_ROWS = 1000;
    static final String LIVERPOOL = "E08000012";

    private final DatasetCatalogue catalogue;
    private final NamedParameterJdbcTemplate jdbc;
    private final TransactionTemplate transaction;
    private final BoundaryLoader boundaries;
    private final PopulationLoader population;
    private final Imd2019Loader imd;

    AreaLoader(DatasetCatalogue catalogue, NamedParameterJdbcTemplate jdbc, TransactionTemplate transaction, BoundaryLoader boundaries,
               PopulationLoader population, Imd2019Loader imd) {
        this.catalogue = catalogue;
        this.jdbc = jdbc;
        this.transaction = transaction;
        this.boundaries = boundaries;
        this.population = population;
        this.imd = imd;
    }

    /**
     * Loads {@code districts} (codes), catalogued with slugs ending in {@code suffix} ("" on first start,
     * "-widening-n" for the n-th widening) and described as covering {@code coverage}.
     */
    void load(List<String> districts, String suffix, String coverage, NationalFiles files) {
        long started = System.nanoTime();
        step("lookup-lsoa11-area" + suffix, () -> lookup(districts, suffix, coverage, files));
        step("boundaries-lsoa-area" + suffix, () -> lsoas(districts, suffix, coverage, files));
        Path fullResolution = files.path("boundaries/liverpool/liverpool_lsoa11_fullres_cdrc.shp");
        if (districts.contains(LIVERPOOL) && Files.isRegularFile(fullResolution)) {
            step("boundaries-lsoa-liverpool-fullres", () -> boundaries.load(new BoundaryFile(BoundaryLevel.LSOA, fullResolution,
                    "lsoa11cd", null, "boundaries-lsoa-liverpool-fullres", "LSOA 2011, Liverpool, full resolution",
                    "ESRC Consumer Data Research Centre (CDRC) geodata pack; contains ONS boundaries", OGL, "Liverpool")));
        }
        for (BoundaryLevel level : List.of(BoundaryLevel.MSOA, BoundaryLevel.WARD, BoundaryLevel.DISTRICT)) {
            step("boundaries-" + level.id() + "-area" + suffix, () -> dissolve(level, districts, suffix, coverage));
        }
        step("population-mid2015" + suffix, () -> population.load(files.path("population/File_6_-_IoD2019_Population_Denominators.csv"),
                "population-mid2015" + suffix));
        step("imd2019-index" + suffix, () -> imd.loadIndex(files.path("deprivation/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv"),
                "imd2019-index" + suffix));
        step("imd2019-domains" + suffix, () -> imd.loadDomains(files.path("deprivation/File_2_-_IoD2019_Domains_of_Deprivation.csv"),
                "imd2019-domains" + suffix));
        log.info("Loaded the reference data of {} districts ({}) in {} ms", districts.size(), coverage, (System.nanoTime() - started) / 1_000_000);
    }

    private LoadSummary lookup(List<String> districts, String suffix, String coverage, NationalFiles files) {
        String table = files.lookup();
        int read = files.rows(table);
        String slug = "lookup-lsoa11-area" + suffix;
        Path csv = files.path(NationalFiles.LOOKUP);
        return transaction.execute(status -> {
            long id = catalogue.register(NewDataset.openData(slug, "LSOA 2011 to MSOA, ward and district lookup (" + coverage + ")",
                    Theme.BOUNDARIES, "ONS best-fit lookups via humaniverse/geographr (England)", OGL, coverage, null, null,
                    FileChecksum.sha256(csv), null));
            Map<String, String> placeholders = Map.of("lookup", table);
            MapSqlParameterSource params = new MapSqlParameterSource("districts", districts).addValue("limit", ISSUE_ROWS);
            jdbc.update(SqlScripts.load("partnership/insert_hierarchy", placeholders), params);
            int loaded = jdbc.queryForObject("select count(*) from " + table + " where lad21cd in (:districts) and nullif(lsoa11cd, '') is not null "
                    + "and nullif(msoa11cd, '') is not null and nullif(wd17cd, '') is not null", params, Integer.class);
            List<LoadIssue> issues = jdbc.query(SqlScripts.load("partnership/lookup_rows_outside", placeholders), params,
                    (rs, n) -> new LoadIssue(csv.getFileName().toString(), rs.getLong("row_number"), "lad21cd", rs.getString("district"),
                            "outside the partnership's area (or an empty code)", LoadIssue.Outcome.REJECTED));
            catalogue.finish(id, read, loaded, 0, read - loaded, issues);
            return new LoadSummary(id, slug, read, loaded, 0, read - loaded, false);
        });
    }

    private LoadSummary lsoas(List<String> districts, String suffix, String coverage, NationalFiles files) {
        String table = files.lsoas();
        int read = files.rows(table);
        String slug = "boundaries-lsoa-area" + suffix;
        Path gpkg = files.path(NationalFiles.LSOAS);
        return transaction.execute(status -> {
            long id = catalogue.register(NewDataset.openData(slug, "LSOA 2011, super-generalised, national file (" + coverage + ")",
                    Theme.BOUNDARIES, ONS, OGL, coverage, null, null, FileChecksum.sha256(gpkg), "EPSG:4326"));
            Map<String, String> placeholders = Map.of("lsoas", table);
            MapSqlParameterSource params = new MapSqlParameterSource("districts", districts).addValue("limit", ISSUE_ROWS)
                    .addValue("dataset_id", id);
            Map<String, Object> counts = jdbc.queryForMap(SqlScripts.load("partnership/lsoa_rows", placeholders), params);
            int inArea = ((Number) counts.get("in_area")).intValue();
            int repaired = ((Number) counts.get("repaired")).intValue();
            int inserted = jdbc.update(SqlScripts.load("partnership/insert_lsoas", placeholders), params);
            List<LoadIssue> issues = jdbc.query(SqlScripts.load("partnership/lsoa_rows_outside", placeholders), params,
                    (rs, n) -> new LoadIssue(gpkg.getFileName().toString(), rs.getLong("row_number"), "lsoa11cd", rs.getString("code"),
                            rs.getString("reason"), LoadIssue.Outcome.valueOf(rs.getString("outcome").toUpperCase())));
            catalogue.finish(id, read, inArea, repaired, read - inArea, issues);
            log.info("{}: {} LSOAs in the area ({} new, the rest already loaded from a better file), {} repaired", slug, inArea,
                    inserted, repaired);
            return new LoadSummary(id, slug, read, inArea, repaired, read - inArea, false);
        });
    }

    private LoadSummary dissolve(BoundaryLevel level, List<String> districts, String suffix, String coverage) {
        String slug = "boundaries-" + level.id() + "-area" + suffix;
        Map<String, String> placeholders = switch (level) {
            case MSOA -> Map.of("code", "h.msoa_code", "name", "h.msoa_name", "level", "msoa");
            case WARD -> Map.of("code", "h.ward_code", "name", "h.ward_name", "level", "ward");
            case DISTRICT -> Map.of("code", "h.lad_code", "name", "h.lad_name", "level", "district");
            case LSOA -> throw new IllegalArgumentException("LSOAs are not dissolved");
        };
        String title = switch (level) {
            case MSOA -> "MSOA 2011";
            case WARD -> "Wards (2017 best-fit codes)";
            default -> "Local authority districts (2021)";
        };
        return transaction.execute(status -> {
            long id = catalogue.register(NewDataset.openData(slug, title + ", dissolved from the loaded LSOAs along the ONS best-fit lookup ("
                    + coverage + ")", Theme.BOUNDARIES, ONS, OGL, coverage, null, null, "derived from loaded LSOAs", null));
            MapSqlParameterSource params = new MapSqlParameterSource("districts", districts).addValue("level", level.id())
                    .addValue("dataset_id", id);
            int read = jdbc.queryForObject(SqlScripts.load("partnership/dissolve_count", placeholders), params, Integer.class);
            int loaded = jdbc.update(SqlScripts.load("partnership/dissolve", placeholders), params);
            List<LoadIssue> issues = new ArrayList<>();
            if (loaded < read) {
                issues.add(new LoadIssue("loaded LSOAs", null, level.id(), null, (read - loaded)
                        + " areas already loaded from another file keep their polygons", LoadIssue.Outcome.REJECTED));
            }
            catalogue.finish(id, read, loaded, 0, read - loaded, issues);
            return new LoadSummary(id, slug, read, loaded, 0, read - loaded, false);
        });
    }

    private void step(String slug, Supplier<LoadSummary> load) {
        if (catalogue.findBySlug(slug).isPresent()) {
            log.debug("{} already loaded", slug);
            return;
        }
        long started = System.nanoTime();
        LoadSummary summary = load.get();
        log.info("{}: {} rows read, {} loaded, {} repaired, {} rejected in {} ms", slug, summary.rowsRead(), summary.rowsLoaded(),
                summary.rowsRepaired(), summary.rowsRejected(), (System.nanoTime() - started) / 1_000_000);
    }
}
