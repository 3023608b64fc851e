package org.patchwork.mapimage;

import java.awt.geom.Rectangle2D;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.patchwork.access.Access;
import org.patchwork.access.AccessLevel;
import org.patchwork.access.AccessPolicy;
import org.patchwork.classification.Classification;
import org.patchwork.classification.Classifier;
import org.patchwork.events.CountFilter;
import org.patchwork.events.EventCounts;
import org.patchwork.events.EventDataset;
import org.patchwork.indicators.IndicatorMap;
import org.patchwork.indicators.Indicators;
import org.patchwork.web.ApiProblem;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Map images and briefing pages: the indicator's values as the viewer may see them (through {@link Indicators},
 * which makes the access decision and audits the figures), classified by the server's classification, drawn on
 * the boundaries in British National Grid; every image is audited as well.
 */
@Service
public class MapImages {

    static final String ATTRIBUTION = "Contains OS data © Crown copyright and database right 2021. Source: Office for National "
            + "Statistics licensed under the Open Government Licence v3.0; MHCLG English Indices of Deprivation 2019, OGL v3.0.";
    private static final List<String> LEVELS = List.of("lsoa", "msoa", "ward", "district");
    private static final Map<String, String> LEVEL_NAMES = Map.of("lsoa", "LSOA", "msoa", "MSOA", "ward", "ward", "district", "district");

    private final Indicators indicators;
    private final MapGeometryStore geometry;
    private final AccessPolicy policy;
    private final ObjectProvider<HotspotLayers> hotspotLayers;
    private final Clock clock;
    private final EventCounts counts;
    private final Classifier classifier;

    MapImages(Indicators indicators, EventCounts counts, Classifier classifier, MapGeometryStore geometry, AccessPolicy policy,
              ObjectProvider<HotspotLayers> hotspotLayers, Optional<Clock> clock) {
        this.indicators = indicators;
        this.counts = counts;
        this.classifier = classifier;
        this.geometry = geometry;
        this.policy = policy;
        this.hotspotLayers = hotspotLayers;
        this.clock = clock.orElse(Clock.systemDefaultZone());
    }

    /** A finished image: its bytes and media type. */
    record Image(byte[] bytes, String mediaType, String filename) {
    }

    Image mapImage(MapImageRequest request) {
        Rectangle2D mapRect = SheetLayout.of(request.width(), request.height()).map();
        MapSheet sheet = sheet(request, mapRect, request.format().equals("pdf") ? "map-image-pdf" : "map-image");
        return request.format().equals("pdf")
                ? new Image(PdfSheets.map(sheet, request.width(), request.height()), "application/pdf", "map.pdf")
                : new Image(PngMapImage.png(sheet, request.width(), request.height()), "image/png", "map.png");
    }

    Image briefing(MapImageRequest request) {
        MapSheet sheet = sheet(request, new Rectangle2D.Double(0, 0, 389, 320), "briefing");
        return new Image(PdfSheets.briefing(sheet), "application/pdf", "briefing.pdf");
    }

    private MapSheet sheet(MapImageRequest request, Rectangle2D mapRect, String output) {
        Optional<HotspotLayers.HotspotLayer> hotspots = Optional.ofNullable(request.hotspots())
                .flatMap(id -> Optional.ofNullable(hotspotLayers.getIfAvailable()).flatMap(layers -> layers.find(id)));
        if (request.indicator() == null && request.dataset() == null) {
            return collectionSheet(request, mapRect, hotspots);
        }
        IndicatorMap map = request.indicator() != null
                ? indicators.map(request.indicator(), request.level(), request.within(), request.classification(),
                        request.by(), request.comparator(), output)
                : counts(request, output);
        List<String> codes = map.areas().stream().map(IndicatorMap.Area::code).toList();
        Envelope frame = frame(request, mapRect, map.level(), codes);
        double tolerance = MapPicture.metresPerUnit(frame, mapRect) / 2;
        Map<String, IndicatorMap.Area> byCode = new HashMap<>();
        map.areas().forEach(a -> byCode.put(a.code(), a));
        Classification classes = map.classification();
        List<MapSheet.Fill> fills = new ArrayList<>();
        for (MapGeometryStore.Shape shape : geometry.areas(map.level(), codes, frame, tolerance)) {
            fills.add(new MapSheet.Fill(shape.geometry(), classes.colour(byCode.get(shape.code()).classIndex())));
        }
        List<Geometry> outlines = map.level().equals("district") ? List.of()
                : geometry.outlines("district", frame, tolerance).stream().map(MapGeometryStore.Shape::geometry).toList();
        List<MapSheet.LegendEntry> legend = new ArrayList<>();
        classes.classes().forEach(c -> legend.add(new MapSheet.LegendEntry(c.colour(), c.label(), c.count())));
        if (classes.noData().count() > 0) {
            legend.add(new MapSheet.LegendEntry(classes.noData().colour(), classes.noData().label(), classes.noData().count()));
        }
        policy.audit("map-image", map.datasetId(), output, map.areas().size(), (request.indicator() != null ? "indicator=" + map.id()
                : "dataset=" + map.datasetId() + " " + map.period()) + " level=" + map.level()
                + " format=" + (output.equals("map-image") ? "png" : "pdf") + " frame=" + Math.round(frame.getMinX()) + ","
                + Math.round(frame.getMinY()) + "," + Math.round(frame.getMaxX()) + "," + Math.round(frame.getMaxY()));
        String levelName = LEVEL_NAMES.getOrDefault(map.level(), map.level());
        String subtitle = String.join(" · ", nonNull(capitalise(map.unit()) + " by " + levelName,
                map.period() == null ? null : "period " + map.period(), map.within() == null ? null : "within " + map.within()));
        String legendTitle = map.comparator() == null ? capitalise(map.unit()) : "Compared with the " + map.comparator() + " (95%)";
        return new MapSheet(request.title() == null ? map.name() : request.title(), subtitle, frame, fills, outlines,
                hotspots.map(HotspotLayers.HotspotLayer::polygons).orElse(List.of()), legendTitle, legend, method(map, levelName),
                made(), disclosure(map), ATTRIBUTION, topAreas(map), hotspots.map(MapImages::hotspotSummary).orElse(null));
    }

    /**
     * An event dataset's counts by area as the web map shows them (GET /api/datasets/{id}/counts): through the
     * access decision, protected for aggregate and public viewers, audited; classified like any values (the map
     * asks for quantiles with zeros apart).
     */
    private IndicatorMap counts(MapImageRequest request, String output) {
        long id = request.dataset();
        Access access = policy.require(id, AccessLevel.PUBLIC, output);
        EventDataset dataset = counts.datasets().stream().filter(d -> d.id() == id).findFirst().orElseThrow(() ->
                ApiProblem.notFound("not-an-event-dataset", "Dataset " + id + " has no events to count"));
        String level = request.level() == null ? "lsoa" : request.level();
        if (!LEVELS.contains(level)) {
            throw ApiProblem.badRequest("invalid-parameter", "level must be one of " + LEVELS + "; got '" + level + "'");
        }
        CountFilter filter = CountFilter.parse(request.category(), request.from(), request.to());
        if (!AccessPolicy.allowedLevels(access).contains(level)) {
            policy.denied(id, output, "geography " + level + " not allowed");
        }
        EventCounts.CountTable table = counts.counts(id, level, filter, access);
        policy.audit("aggregate-access", id, output, table.areas().size(), ("level=" + level + " " + filter.describe()).strip());
        List<Double> values = table.areas().stream()
                .map(a -> a.suppressed() || a.count() == null ? null : a.count().doubleValue()).toList();
        Classification classification = classifier.classify(values, request.classification());
        List<IndicatorMap.Area> areas = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            EventCounts.AreaCount a = table.areas().get(i);
            areas.add(new IndicatorMap.Area(a.code(), a.name(), values.get(i), a.count(), null, "not-compared", a.suppressed(),
                    classification.classOf(values.get(i))));
        }
        String period = filter.from() == null && filter.to() == null ? "all months"
                : (filter.from() == null ? "start" : filter.from().toString()) + " to " + (filter.to() == null ? "latest" : filter.to().toString());
        String name = (filter.category() == null ? "All categories" : filter.category()) + ", " + dataset.title();
        return new IndicatorMap(0, name, id, "count", "events", level, null, period, access.level().key(),
                access.level() == AccessLevel.RECORD, null, classification, areas);
    }

    private MapSheet collectionSheet(MapImageRequest request, Rectangle2D mapRect, Optional<HotspotLayers.HotspotLayer> hotspots) {
        String collection = request.collection();
        Optional<HotspotLayers.HotspotLayer> layer = LEVELS.contains(collection) ? Optional.empty()
                : Optional.ofNullable(hotspotLayers.getIfAvailable()).flatMap(layers -> layers.find(collection));
        if (!LEVELS.contains(collection) && layer.isEmpty()) {
            throw ApiProblem.notFound("unknown-collection", "There is no collection '" + collection + "' to draw; boundary "
                    + "collections are " + LEVELS + ", or give a hotspot layer's collection id");
        }
        if (request.bbox() == null && layer.isEmpty()) {
            throw ApiProblem.badRequest("invalid-bbox", "a map of a boundary collection needs a bbox");
        }
        Envelope frame = request.bbox() != null ? fit(request.frame(this::lonLat), mapRect)
                : fit(pad(envelope(layer.orElseThrow().polygons())), mapRect);
        double tolerance = MapPicture.metresPerUnit(frame, mapRect) / 2;
        String level = LEVELS.contains(collection) ? collection : "district";
        List<Geometry> outlines = geometry.outlines(level, frame, tolerance).stream().map(MapGeometryStore.Shape::geometry).toList();
        List<Geometry> polygons = layer.or(() -> hotspots).map(HotspotLayers.HotspotLayer::polygons).orElse(List.of());
        policy.audit("map-image", "map-image", "collection=" + collection);
        String title = request.title() != null ? request.title() : layer.map(HotspotLayers.HotspotLayer::title)
                .orElse(LEVEL_NAMES.get(collection) + " boundaries");
        List<MapSheet.LegendEntry> legend = polygons.isEmpty() ? List.of()
                : List.of(new MapSheet.LegendEntry("#f4a582", "Hotspot", polygons.size()));
        return new MapSheet(title, layer.map(l -> l.method() + (l.period() == null ? "" : " · " + l.period())).orElse("Boundaries"),
                frame, List.of(), outlines, polygons, layer.isPresent() ? "Hotspots" : "Boundaries", legend,
                layer.map(MapImages::hotspotSummary).orElse("Boundaries as loaded."), made(),
                "Boundaries are open data.", ATTRIBUTION, List.of(), layer.or(() -> hotspots).map(MapImages::hotspotSummary).orElse(null));
    }

    private Envelope frame(MapImageRequest request, Rectangle2D mapRect, String level, List<String> codes) {
        Envelope frame = request.frame(this::lonLat);
        if (frame == null) {
            frame = geometry.extent(level, codes).map(MapImages::pad).orElseThrow(() -> ApiProblem.badRequest("invalid-bbox",
                    "no area has a value here to frame the map; give a bbox"));
        }
        return fit(frame, mapRect);
    }

    private Envelope lonLat(double[] b) {
        return geometry.toBritishNationalGrid(b[0], b[1], b[2], b[3]);
    }

    /** The frame widened (never narrowed) to the map rectangle's shape, about its centre, so the picture is full. */
    static Envelope fit(Envelope frame, Rectangle2D rect) {
        double perUnit = MapPicture.metresPerUnit(frame, rect);
        double halfWidth = rect.getWidth() * perUnit / 2;
        double halfHeight = rect.getHeight() * perUnit / 2;
        double cx = frame.centre().x;
        double cy = frame.centre().y;
        return new Envelope(cx - halfWidth, cx + halfWidth, cy - halfHeight, cy + halfHeight);
    }

    private static Envelope pad(Envelope e) {
        Envelope padded = new Envelope(e);
        padded.expandBy(Math.max(e.getWidth(), e.getHeight()) * 0.03 + 50);
        return padded;
    }

    private static Envelope envelope(List<Geometry> geometries) {
        Envelope e = new Envelope();
        geometries.forEach(g -> e.expandToInclude(g.getEnvelopeInternal()));
        if (e.isNull()) {
            throw ApiProblem.badRequest("invalid-bbox", "the layer has no polygons to frame the map; give a bbox");
        }
        return e;
    }

    private String made() {
        return "Made " + LocalDate.now(clock).format(DateTimeFormatter.ofPattern("d MMM yyyy", Locale.UK)) + " with Patchwork";
    }

    private static String disclosure(IndicatorMap map) {
        if (map.access().equals("statistics")) {
            return "Area statistics as published by their source.";
        }
        return map.exact() ? "Exact counts (record-level access): check small numbers before sharing beyond the partnership."
                : "Counts are protected: small numbers are adjusted (cell-key perturbation), so parts may not add up to totals.";
    }

    private static String method(IndicatorMap map, String levelName) {
        Classification c = map.classification();
        String classes = c.kind().equals("significance")
                ? "Areas coloured by comparison with the " + map.comparator() + ": higher or lower when the " + map.comparator()
                        + "'s value lies outside the area's 95% confidence interval (Byar's method; exact Poisson below 10), similar otherwise."
                : "Classes: " + c.method().replace('-', ' ') + ", " + c.classes().size() + " classes, ColorBrewer " + c.palette()
                        + ", computed on the server from the " + (c.total() - c.noData().count()) + " " + levelName
                        + " values you may see (the same breaks as the map and the API).";
        String measure = switch (map.measure()) {
            case "rate-per-1000", "rate-per-100000" -> "Rates are events " + map.unit() + " (mid-2015 population of the area's LSOAs).";
            case "count" -> "Values are counts of events.";
            default -> "Values are the area statistic as loaded.";
        };
        return measure + " " + classes;
    }

    private static List<MapSheet.TopArea> topAreas(IndicatorMap map) {
        boolean whole = map.measure().equals("count");
        return map.areas().stream().filter(a -> a.value() != null)
                .sorted(Comparator.comparing(IndicatorMap.Area::value).reversed().thenComparing(IndicatorMap.Area::code)).limit(10)
                .map(a -> new MapSheet.TopArea(a.name(), a.code(), String.format(Locale.UK, whole ? "%,.0f" : "%,.2f", a.value()),
                        a.comparison())).toList();
    }

    private static String hotspotSummary(HotspotLayers.HotspotLayer layer) {
        StringBuilder text = new StringBuilder(layer.title() + ": " + layer.method());
        if (layer.period() != null) {
            text.append(", ").append(layer.period());
        }
        text.append(". ").append(layer.polygons().size()).append(" hotspot polygons.");
        if (layer.pai() != null) {
            text.append(String.format(Locale.UK, " Predictive Accuracy Index (PAI) against the next period: %.2f.", layer.pai()));
        }
        if (layer.rri() != null) {
            text.append(String.format(Locale.UK, " Recapture Rate Index: %.2f.", layer.rri()));
        }
        return text.toString();
    }

    private static String capitalise(String text) {
        return text == null || text.isEmpty() ? "" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static List<String> nonNull(String... parts) {
        return java.util.Arrays.stream(parts).filter(java.util.Objects::nonNull).toList();
    }
}
