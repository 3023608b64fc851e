package org.patchwork.access;

import static org.patchwork.access.AccessMatrix.Outcome.ABSENT;
import static org.patchwork.access.AccessMatrix.Outcome.COLLECTIONS;
import static org.patchwork.access.AccessMatrix.Outcome.DENIED;
import static org.patchwork.access.AccessMatrix.Outcome.EXACT;
import static org.patchwork.access.AccessMatrix.Outcome.GEOGRAPHY;
import static org.patchwork.access.AccessMatrix.Outcome.HIDDEN;
import static org.patchwork.access.AccessMatrix.Outcome.LISTED;
import static org.patchwork.access.AccessMatrix.Outcome.OK;
import static org.patchwork.access.AccessMatrix.Outcome.PERIOD;
import static org.patchwork.access.AccessMatrix.Outcome.PERTURBED;
import static org.patchwork.access.AccessMatrix.Outcome.ROUNDED;

import java.util.List;
import org.patchwork.access.Partnership.Level;

/** The table {@link AccessMatrixIT} checks: each output path, and what each access level should get from it. */
final class AccessMatrix {

    private AccessMatrix() {
    }

    enum Outcome {
        LISTED,      // 200, the dataset is listed with the person's access level
        ABSENT,      // 200, the dataset is not listed at all
        COLLECTIONS, // 200, exactly the crime collections of the person's levels (Partnership.Level.levels)
        OK,          // 200 (JSON with the person's access level, or an HTML page)
        EXACT,       // 200, counts exactly as they are (record level)
        PERTURBED,   // 200, every count perturbed (aggregate ptable): within the method's bounds, zeros zero, no small positive count
        ROUNDED,     // 200, perturbed with the public ptable, then rounded to 5
        PERIOD,      // 400 problem period-not-allowed: months that are not one month, quarter, year or all, under disclosure control
        GEOGRAPHY,   // 403 problem geography-not-allowed: a level below the agreement's smallest
        DENIED,      // 403 problem access-denied: the person knows the dataset, but not at this level
        HIDDEN       // 404 problem: for this person the dataset does not exist
    }

    record Row(String path, Outcome... byLevel) {
        Outcome outcome(Level level) {
            return byLevel[level.ordinal()];
        }
    }

    // {id} dataset id, {slug} its slug, {filter} the planted category and month, {range} the planted category
    // over the calendar year 2022, {months} over 2022-01..2022-11 (not a month, quarter or year), {month} every
    // category in the planted month, {points} the planted LSOA, category and month, {event} one event id.
    // Custom areas (POST, filter as the body): the LSOAs of the busiest district.
    static final List<Row> ROWS = List.of(
        //     output path                                                 RECORD  AGGREGATE   AGGR.MSOA   PUBLIC   METADATA NONE
        new Row("GET /api/datasets",                                       LISTED, LISTED,     LISTED,     LISTED,  LISTED,  ABSENT),
        new Row("GET /api/datasets/{id}",                                  OK,     OK,         OK,         OK,      OK,      HIDDEN),
        new Row("GET /api/datasets/{id}/agreements",                       OK,     OK,         OK,         OK,      OK,      HIDDEN),
        new Row("GET /api/datasets/{id}/categories",                       EXACT,  PERTURBED,  PERTURBED,  ROUNDED, DENIED,  HIDDEN),
        new Row("GET /api/datasets/{id}/counts?level=lsoa{filter}",        EXACT,  PERTURBED,  GEOGRAPHY,  ROUNDED, DENIED,  HIDDEN),
        new Row("GET /api/datasets/{id}/counts?level=msoa{filter}",        EXACT,  PERTURBED,  PERTURBED,  ROUNDED, DENIED,  HIDDEN),
        new Row("GET /api/datasets/{id}/counts?level=ward{filter}",        EXACT,  PERTURBED,  PERTURBED,  ROUNDED, DENIED,  HIDDEN),
        new Row("GET /api/datasets/{id}/counts?level=district{filter}",    EXACT,  PERTURBED,  PERTURBED,  ROUNDED, DENIED,  HIDDEN),
        new Row("GET /api/datasets/{id}/counts?level=lsoa{range}",         EXACT,  PERTURBED,  GEOGRAPHY,  ROUNDED, DENIED,  HIDDEN),
        new Row("GET /api/datasets/{id}/counts?level=msoa{month}",         EXACT,  PERTURBED,  PERTURBED,  ROUNDED, DENIED,  HIDDEN),
        new Row("GET /api/datasets/{id}/counts?level=district{range}",     EXACT,  PERTURBED,  PERTURBED,  ROUNDED, DENIED,  HIDDEN),
        new Row("GET /api/datasets/{id}/counts?level=district{month}",     EXACT,  PERTURBED,  PERTURBED,  ROUNDED, DENIED,  HIDDEN),
        new Row("GET /api/datasets/{id}/counts?level=district",            EXACT,  PERTURBED,  PERTURBED,  ROUNDED, DENIED,  HIDDEN),
        new Row("GET /api/datasets/{id}/counts?level=district{months}",    EXACT,  PERIOD,     PERIOD,     PERIOD,  DENIED,  HIDDEN),
        new Row("POST /api/datasets/{id}/counts/custom{filter}",           EXACT,  PERTURBED,  PERTURBED,  ROUNDED, DENIED,  HIDDEN),
        new Row("POST /api/datasets/{id}/counts/custom{range}",            EXACT,  PERTURBED,  PERTURBED,  ROUNDED, DENIED,  HIDDEN),
        new Row("POST /api/datasets/{id}/counts/custom{month}",            EXACT,  PERTURBED,  PERTURBED,  ROUNDED, DENIED,  HIDDEN),
        new Row("POST /api/datasets/{id}/counts/custom{months}",           EXACT,  PERIOD,     PERIOD,     PERIOD,  DENIED,  HIDDEN),
        new Row("GET /api/datasets/{id}/clusters?zoom=10{filter}",        OK,     DENIED,     DENIED,     DENIED,  DENIED,  HIDDEN),
        new Row("GET /api/datasets/{id}/clusters?zoom=14&bbox=-3.1,53.3,-2.8,53.5{month}", OK, DENIED, DENIED, DENIED, DENIED, HIDDEN),
        new Row("GET /ogc/collections",                     COLLECTIONS, COLLECTIONS, COLLECTIONS, COLLECTIONS, COLLECTIONS, COLLECTIONS),
        new Row("GET /ogc/collections?f=html",              COLLECTIONS, COLLECTIONS, COLLECTIONS, COLLECTIONS, COLLECTIONS, COLLECTIONS),
        new Row("GET /ogc/collections/{slug}",                             OK,     DENIED,     DENIED,     DENIED,  DENIED,  HIDDEN),
        new Row("GET /ogc/collections/{slug}?f=html",                      OK,     DENIED,     DENIED,     DENIED,  DENIED,  HIDDEN),
        new Row("GET /ogc/collections/{slug}/items?{points}",              OK,     DENIED,     DENIED,     DENIED,  DENIED,  HIDDEN),
        new Row("GET /ogc/collections/{slug}/items?f=html&{points}",       OK,     DENIED,     DENIED,     DENIED,  DENIED,  HIDDEN),
        new Row("GET /ogc/collections/{slug}/items/{event}",               OK,     DENIED,     DENIED,     DENIED,  DENIED,  HIDDEN),
        new Row("GET /ogc/collections/{slug}-by-lsoa",                     OK,     OK,         GEOGRAPHY,  OK,      DENIED,  HIDDEN),
        new Row("GET /ogc/collections/{slug}-by-lsoa/items?f=json{filter}", EXACT, PERTURBED,  GEOGRAPHY,  ROUNDED, DENIED,  HIDDEN),
        new Row("GET /ogc/collections/{slug}-by-lsoa/items?f=html{filter}", OK,    OK,         GEOGRAPHY,  OK,      DENIED,  HIDDEN),
        new Row("GET /ogc/collections/{slug}-by-msoa",                     OK,     OK,         OK,         OK,      DENIED,  HIDDEN),
        new Row("GET /ogc/collections/{slug}-by-msoa/items?f=json{filter}", EXACT, PERTURBED,  PERTURBED,  ROUNDED, DENIED,  HIDDEN),
        new Row("GET /ogc/collections/{slug}-by-ward/items?f=json{filter}", EXACT, PERTURBED,  PERTURBED,  ROUNDED, DENIED,  HIDDEN),
        new Row("GET /ogc/collections/{slug}-by-district/items?f=json{filter}", EXACT, PERTURBED, PERTURBED, ROUNDED, DENIED, HIDDEN),
        new Row("GET /ogc/collections/{slug}-by-district/items?f=html{filter}", OK, OK,        OK,         OK,      DENIED,  HIDDEN),
        new Row("GET /ogc/collections/{slug}-by-district/items?f=json{range}", EXACT, PERTURBED, PERTURBED, ROUNDED, DENIED, HIDDEN),
        new Row("GET /ogc/collections/{slug}-by-district/items?f=json{month}", EXACT, PERTURBED, PERTURBED, ROUNDED, DENIED, HIDDEN),
        new Row("GET /ogc/collections/{slug}-by-district/items?f=json{months}", EXACT, PERIOD,  PERIOD,     PERIOD,  DENIED,  HIDDEN),
        // custom areas ({customArea}: the busiest district's LSOAs saved as a custom area; {customIndicator}: a
        // count of the planted category and month by custom area): open geography, counts as for /counts/custom
        new Row("GET /api/custom-areas",                                   OK,     OK,         OK,         OK,      OK,      OK),
        new Row("GET /ogc/collections/custom-areas/items",                 OK,     OK,         OK,         OK,      OK,      OK),
        new Row("GET /api/areas/{customArea}/profile",                     OK,     OK,         OK,         OK,      OK,      OK),
        new Row("GET /api/indicators/{customIndicator}/values?level=custom", EXACT, PERTURBED, PERTURBED,  ROUNDED, DENIED,  HIDDEN),
        new Row("GET /api/indicators/{customIndicator}/series?area={customArea}", EXACT, PERTURBED, PERTURBED, ROUNDED, DENIED, HIDDEN),
        // hotspot runs (HotspotMatrixRuns): from the events' locations, from aggregate counts by LSOA, from public counts by LSOA
        new Row("GET /api/hotspots/{hotspotRecord}",                       OK,     DENIED,     DENIED,     DENIED,  DENIED,  HIDDEN),
        new Row("GET /api/hotspots/{hotspotAggregate}",                    OK,     OK,         DENIED,     DENIED,  DENIED,  HIDDEN),
        new Row("GET /api/hotspots/{hotspotPublic}",                       OK,     OK,         DENIED,     OK,      DENIED,  HIDDEN),
        new Row("GET /ogc/collections/hotspots-{hotspotRecord}/items",     OK,     DENIED,     DENIED,     DENIED,  DENIED,  HIDDEN),
        new Row("GET /ogc/collections/hotspots-{hotspotAggregate}/items",  OK,     OK,         DENIED,     DENIED,  DENIED,  HIDDEN),
        new Row("GET /ogc/collections/hotspots-{hotspotPublic}/items",     OK,     OK,         DENIED,     OK,      DENIED,  HIDDEN),
        new Row("GET /ogc/collections/{slug}-by-district/items?f=csv{filter}", OK,  OK,         OK,         OK,      DENIED,  HIDDEN),
        new Row("GET /ogc/collections/{slug}/items?f=csv&{points}",        OK,     DENIED,     DENIED,     DENIED,  DENIED,  HIDDEN),
        // exports (GET /api/export/{collection}): the same decision as the collection's items
        new Row("GET /api/export/{slug}?format=geojson&{points}",          OK,     DENIED,     DENIED,     DENIED,  DENIED,  HIDDEN),
        new Row("GET /api/export/{slug}?format=shp",                       OK,     DENIED,     DENIED,     DENIED,  DENIED,  HIDDEN),
        new Row("GET /api/export/{slug}-by-lsoa?format=geojson{filter}",   EXACT,  PERTURBED,  GEOGRAPHY,  ROUNDED, DENIED,  HIDDEN),
        new Row("GET /api/export/{slug}-by-msoa?format=geojson{filter}",   EXACT,  PERTURBED,  PERTURBED,  ROUNDED, DENIED,  HIDDEN),
        new Row("GET /api/export/{slug}-by-district?format=geojson{month}", EXACT, PERTURBED,  PERTURBED,  ROUNDED, DENIED,  HIDDEN),
        new Row("GET /api/export/{slug}-by-district?format=gpkg{filter}",  OK,     OK,         OK,         OK,      DENIED,  HIDDEN),
        new Row("GET /api/export/{slug}-by-district?format=geojson{months}", EXACT, PERIOD,   PERIOD,     PERIOD,  DENIED,  HIDDEN),
        // hotspot layers as vector tiles: the same decision as their items
        new Row("GET /ogc/collections/hotspots-{hotspotRecord}/tiles/WebMercatorQuad",    OK, DENIED, DENIED, DENIED, DENIED, HIDDEN),
        new Row("GET /ogc/collections/hotspots-{hotspotAggregate}/tiles/WebMercatorQuad", OK, OK,     DENIED, DENIED, DENIED, HIDDEN),
        new Row("GET /ogc/collections/hotspots-{hotspotPublic}/tiles/WebMercatorQuad",    OK, OK,     DENIED, OK,     DENIED, HIDDEN),
        // map images and briefing pages (MapPictures): a picture of what the person may see; in a PDF of counts, the
        // disclosure note, and in a briefing's top areas exactly the counts the counts API gives them
        new Row("GET /api/map-image?dataset={id}&level=district&width=400&height=300{filter}", OK, OK, OK,    OK,      DENIED,  HIDDEN),
        new Row("GET /api/map-image?dataset={id}&level=lsoa&format=pdf&width=400&height=300{filter}",
                                                                           EXACT,  PERTURBED,  GEOGRAPHY,  ROUNDED, DENIED,  HIDDEN),
        new Row("GET /api/briefing?dataset={id}&level=district{filter}",   EXACT,  PERTURBED,  PERTURBED,  ROUNDED, DENIED,  HIDDEN),
        new Row("GET /api/map-image?collection=hotspots-{hotspotRecord}&width=400&height=300", OK, DENIED, DENIED, DENIED, DENIED, HIDDEN),
        new Row("GET /api/briefing?collection=hotspots-{hotspotAggregate}", OK,    OK,         DENIED,     DENIED,  DENIED,  HIDDEN),
        new Row("GET /api/map-image?collection=hotspots-{hotspotPublic}&format=pdf", OK, OK,  DENIED,     OK,      DENIED,  HIDDEN));
}
