package org.patchwork.setup;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.patchwork.access.PartnerDirectory;
import org.patchwork.boundaries.BoundaryFile;
import org.patchwork.geography.BoundaryLevel;
import org.patchwork.boundaries.BoundaryLoader;
import org.patchwork.boundaries.HierarchyLoader;
import org.patchwork.boundaries.LsoaChangeLoader;
import org.patchwork.boundaries.PopulationLoader;
import org.patchwork.catalogue.DatasetCatalogue;
import org.patchwork.catalogue.LoadSummary;
import java.util.Map;
import org.patchwork.uploads.Inspection;
import org.patchwork.uploads.UploadRequest;
import org.patchwork.uploads.UploadService;
import org.patchwork.boundaries.Imd2019Loader;
import org.patchwork.partnership.Area;
import org.patchwork.partnership.PartnershipArea;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * On start, loads whatever of the Merseyside foundation data is not loaded yet, in dependency order
 * (lookup, boundaries, then statistics joined to them, then Merseyside Police's street crime). Each step is its own transaction and is skipped
 * when its dataset is already in the catalogue, so a restart after a failure picks up where it stopped.
 * Without the data directory, and with nothing loaded, it generates the demo set instead.
 */
@Component
class InitialDataLoader implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(InitialDataLoader.class);
    static final String CRIME_SLUG = "merseyside-street-crime-2022";
    private static final String OGL = "Open Government Licence v3.0";
    private static final String ONS = "ONS Open Geography Portal via humaniverse/geographr; contains OS data © Crown copyright and database right 2021";

    private final DataProperties properties;
    private final DatasetCatalogue catalogue;
    private final HierarchyLoader hierarchy;
    private final LsoaChangeLoader lsoaChanges;
    private final BoundaryLoader boundaries;
    private final PopulationLoader population;
    private final Imd2019Loader imd;
    private final DemoData demo;
    private final UploadService uploads;
    private final PartnerDirectory partners;
    private final PartnershipArea partnership;

    InitialDataLoader(DataProperties properties, DatasetCatalogue catalogue, HierarchyLoader hierarchy, LsoaChangeLoader lsoaChanges,
                      BoundaryLoader boundaries, PopulationLoader population, Imd2019Loader imd, DemoData demo,
                      UploadService uploads, PartnerDirectory partners, PartnershipArea partnership) {
        this.properties = properties;
        this.catalogue = catalogue;
        this.hierarchy = hierarchy;
        this.lsoaChanges = lsoaChanges;
        this.boundaries = boundaries;
        this.population = population;
        this.imd = imd;
        this.demo = demo;
        this.uploads = uploads;
        this.partners = partners;
        this.partnership = partnership;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!properties.loadOnStartup()) {
            return;
        }
        Path dir = properties.directory();
        if (!Files.isDirectory(dir.resolve("boundaries"))) {
            if (catalogue.list().isEmpty()) {
                log.warn("No open data at {} (patchwork.data.dir); loading the generated demo set instead", dir);
                demo.load();
            }
            return;
        }
        // The partnership's area (PATCHWORK_AREA on first start, stored afterwards). Merseyside's five districts
        // keep their regional boundary files and Merseyside Police's crime; any other area comes from the national files.
        if (partnership.nationalFilesPresent()) {
            Area area = partnership.settle();
            if (!PartnershipArea.isMerseyside(area)) {
                log.info("Loading the reference data of {} from the national files in {}", area.name(), dir);
                step("lookup-lsoa11-lsoa21-england", () -> lsoaChanges.load(dir.resolve("lookups/england_lsoa11_to_lsoa21_lookup.csv"),
                        "lookup-lsoa11-lsoa21-england", "LSOA 2011 to LSOA 2021 lookup with change indicator (England)", ONS));
                partnership.loadFromNationalFiles();
                step("imd2019", imd::publishValues);
                return;
            }
        }
        log.info("Loading Merseyside foundation data from {}", dir);
        step("lookup-lsoa11-merseyside", () -> hierarchy.load(dir.resolve("lookups/merseyside_lsoa11_msoa11_ward_lad_lookup.csv"),
                "lookup-lsoa11-merseyside", "LSOA 2011 to MSOA, ward and district lookup (Merseyside)",
                "ONS best-fit lookups via humaniverse/geographr", "Merseyside"));
        step("lookup-lsoa11-lsoa21-england", () -> lsoaChanges.load(dir.resolve("lookups/england_lsoa11_to_lsoa21_lookup.csv"),
                "lookup-lsoa11-lsoa21-england", "LSOA 2011 to LSOA 2021 lookup with change indicator (England)", ONS));
        Path merseyside = dir.resolve("boundaries/merseyside");
        boundary(BoundaryLevel.DISTRICT, merseyside.resolve("merseyside_lad2021_bsc.shp"), "lad21cd", "lad21nm",
                "boundaries-district-merseyside", "Local authority districts (2021), super-generalised");
        boundary(BoundaryLevel.WARD, merseyside.resolve("merseyside_wards2021_bsc.shp"), "wd21cd", "wd21nm",
                "boundaries-ward-merseyside", "Wards (December 2021), super-generalised");
        boundary(BoundaryLevel.MSOA, merseyside.resolve("merseyside_msoa11_bsc.shp"), "msoa11cd", "msoa11nm",
                "boundaries-msoa-merseyside", "MSOA 2011, super-generalised");
        boundary(BoundaryLevel.LSOA, merseyside.resolve("merseyside_lsoa11_bsc.shp"), "lsoa11cd", "lsoa11nm",
                "boundaries-lsoa-merseyside", "LSOA 2011, super-generalised");
        step("boundaries-lsoa-liverpool-fullres", () -> boundaries.load(new BoundaryFile(BoundaryLevel.LSOA,
                dir.resolve("boundaries/liverpool/liverpool_lsoa11_fullres_cdrc.shp"), "lsoa11cd", null,
                "boundaries-lsoa-liverpool-fullres", "LSOA 2011, Liverpool, full resolution",
                "ESRC Consumer Data Research Centre (CDRC) geodata pack; contains ONS boundaries", OGL, "Liverpool")));
        step("population-mid2015", () -> population.load(dir.resolve("population/File_6_-_IoD2019_Population_Denominators.csv")));
        step("imd2019-index", () -> imd.loadIndex(dir.resolve("deprivation/File_1_-_IMD2019_Index_of_Multiple_Deprivation.csv")));
        step("imd2019-domains", () -> imd.loadDomains(dir.resolve("deprivation/File_2_-_IoD2019_Domains_of_Deprivation.csv")));
        step("imd2019", imd::publishValues);
        // Record-level data belongs to a partner: with no sharing agreement, only Merseyside Police's users see it.
        step(CRIME_SLUG, () -> crime(dir.resolve("crime/merseyside-street-2022.zip")));
    }

    /** Merseyside Police's archive goes through the same upload pipeline a partner's data manager uses. */
    private LoadSummary crime(Path zip) {
        long police = partners.ensure("Merseyside Police", "police");
        try (var in = java.nio.file.Files.newInputStream(zip)) {
            Inspection inspection = uploads.receive(in, zip.getFileName().toString());
            Map<String, Object> result = uploads.runNow(new UploadRequest(java.util.UUID.fromString(inspection.uploadId()), null,
                    new UploadRequest.Metadata(CRIME_SLUG, "Street crime, Merseyside 2022 (police.uk)", "crime",
                            "Street-level crime and anti-social behaviour recorded by Merseyside Police, January to November 2022",
                            "data.police.uk street-level crime", OGL, "Merseyside Police force area", "monthly"),
                    null, null, true, "set-up", police));
            long id = ((Number) result.get("datasetId")).longValue();
            return new LoadSummary(id, CRIME_SLUG, ((Number) result.get("rowsIn")).intValue(),
                    ((Number) result.get("rowsPublished")).intValue(), 0, ((Number) result.get("rowsRejected")).intValue(), false);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Cannot read " + zip, e);
        }
    }

    private void boundary(BoundaryLevel level, Path shp, String code, String name, String slug, String title) {
        step(slug, () -> boundaries.load(new BoundaryFile(level, shp, code, name, slug, title + " (Merseyside)", ONS, OGL, "Merseyside")));
    }

    private void step(String slug, Supplier<LoadSummary> load) {
        if (catalogue.findBySlug(slug).isPresent()) {
            log.debug("{} already loaded", slug);
            return;
        }
        LoadSummary summary = load.get();
        log.info("{}: {} rows read, {} loaded, {} repaired, {} rejected", slug, summary.rowsRead(),
                summary.rowsLoaded(), summary.rowsRepaired(), summary.rowsRejected());
    }
}
