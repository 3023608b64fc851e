package org.patchwork.hotspots;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.patchwork.access.Access;
import org.patchwork.hotspots.HotspotData.AreaCounts;
import org.patchwork.hotspots.HotspotData.Points;
import org.patchwork.hotspots.HotspotData.Shape;
import org.patchwork.hotspots.HotspotMethods.Hotspot;
import org.patchwork.hotspots.HotspotMethods.Layer;
import org.patchwork.hotspots.HotspotMethods.Period;
import org.patchwork.web.ApiProblem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Runs hotspot analyses one at a time in the background (the machine's cores are shared), writing the
 * stage and percent as it goes. A record-level run reads the events as points; any other run reads only
 * protected counts by area (through the same count path as every aggregate output) and stands each area's
 * count at a point inside it, so nothing it computes can depend on where a record lies or on a count the
 * viewer could not have been shown.
 */
@Component
class HotspotJob {

    private static final Logger log = LoggerFactory.getLogger(HotspotJob.class);
    static final long MAX_KDE_CELLS = 4_000_000;
    static final long MAX_GRID_CELLS = 250_000;

    private final HotspotData data;
    private final HotspotRunStore store;
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "hotspot-runs");
        thread.setDaemon(true);
        return thread;
    });

    HotspotJob(HotspotData data, HotspotRunStore store) {
        this.data = data;
        this.store = store;
    }

    @EventListener(ApplicationReadyEvent.class)
    void recover() {
        int failed = store.failInterrupted();
        if (failed > 0) {
            log.warn("{} hotspot run(s) were interrupted by a stop; marked failed", failed);
        }
    }

    /** What a run needs besides its request: the access it was decided with and the dataset version it reads. */
    record Context(long runId, long versionId, String basis, String smallestLevel, Access access, Map<String, Object> disclosure) {
    }

    void submit(HotspotRequest request, Context context) {
        executor.submit(() -> execute(request, context));
    }

    void execute(HotspotRequest request, Context context) {
        long id = context.runId();
        try {
            store.progress(id, "reading events", 5);
            HotspotData.StudyArea study = data.studyArea();
            Map<String, Map<String, Shape>> shapes = new HashMap<>();
            Function<String, Map<String, Shape>> shapesOf = level -> shapes.computeIfAbsent(level, data::shapes);
            Period built = period(request, context, request.from(), request.to(), shapesOf);
            if (!(built.points().total() > 0)) {
                throw HotspotRequest.invalid("there are no events of " + (request.categories().isEmpty() ? "any category"
                        : request.categories()) + " from " + request.from() + " to " + request.to() + " to find hotspots in");
            }
            Period next = period(request, context, request.nextFrom(), request.nextTo(), shapesOf);
            store.progress(id, "computing " + request.method(), 30);
            Layer layer = layer(request, request.method(), context, built, study, shapesOf);
            store.progress(id, "measuring predictive accuracy", 60);
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("parameters", layer.parameters());
            result.put("studyAreaSquareKilometres", study.squareMetres() / 1e6);
            result.put("events", built.points().total());
            result.put("accuracy", accuracy(layer.hotspot(), built, next, study.squareMetres()));
            result.put("comparison", comparison(request, context, layer, built, next, study, shapesOf));
            result.put("features", layer.features().size());
            result.put("disclosure", context.disclosure());
            result.put("computedFrom", context.basis().equals("record") ? "the events' locations"
                    : "counts by " + context.smallestLevel() + " protected by cell-key perturbation, each at a point inside its area");
            store.progress(id, "saving the layer", 85);
            byte[] surface = null;
            if (layer.surface() != null) {
                ByteArrayOutputStream tiff = new ByteArrayOutputStream();
                GeoTiffSurfaceWriter.write(layer.surface(), tiff);
                surface = tiff.toByteArray();
            }
            store.succeed(id, layer.features(), result, surface);
        } catch (ApiProblem problem) {
            store.fail(id, problem(problem.type(), problem.status().value(), problem.title(), problem.getMessage()));
        } catch (IllegalArgumentException e) {
            store.fail(id, problem("invalid-request", 400, "Invalid request", e.getMessage()));
        } catch (RuntimeException | IOException | OutOfMemoryError e) {
            log.error("hotspot run {} failed", id, e);
            store.fail(id, problem("internal-error", 500, "Internal error", "The run failed on our side; it is logged as run " + id + "."));
        }
    }

    private Period period(HotspotRequest request, Context context, java.time.YearMonth from, java.time.YearMonth to,
                          Function<String, Map<String, Shape>> shapesOf) {
        Map<String, AreaCounts> cache = new HashMap<>();
        Function<String, AreaCounts> byLevel = level -> cache.computeIfAbsent(level, l -> withShapes(
                data.areaCounts(request.datasetId(), l, request.categories(), from, to, context.access()), shapesOf.apply(l)));
        Points points = context.basis().equals("record")
                ? data.points(request.datasetId(), context.versionId(), request.categories(), from, to)
                : data.asPoints(byLevel.apply(context.smallestLevel()), shapesOf.apply(context.smallestLevel()));
        return new Period(points, byLevel);
    }

    /** Only the areas that have a shape (every loaded one): Gi* needs each unit's neighbours. */
    private static AreaCounts withShapes(AreaCounts counts, Map<String, Shape> shapes) {
        List<String> codes = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < counts.codes().size(); i++) {
            if (shapes.containsKey(counts.codes().get(i))) {
                codes.add(counts.codes().get(i));
                values.add(counts.counts()[i]);
            }
        }
        return new AreaCounts(counts.level(), codes, values.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private Layer layer(HotspotRequest request, String method, Context context, Period built, HotspotData.StudyArea study,
                        Function<String, Map<String, Shape>> shapesOf) {
        return switch (method) {
            case "kde" -> {
                Points p = built.points();
                double size = request.cellSize() != null ? request.cellSize() : KernelDensity.defaultCellSize(p.x(), p.y());
                double cells = Math.ceil((study.maxX() - study.minX()) / size + 2) * Math.ceil((study.maxY() - study.minY()) / size + 2);
                if (cells > MAX_KDE_CELLS) {
                    throw HotspotRequest.invalid("a KDE surface of " + (long) cells + " cells is too large (at most " + MAX_KDE_CELLS
                            + "); give a larger cellSize");
                }
                yield HotspotMethods.kde(p, request.bandwidth(), request.cellSize(), request.classes(), request.share());
            }
            case "gistar" -> request.grid().equals("areas")
                    ? gistarAreas(built.byLevel().apply(request.level()), shapesOf.apply(request.level()), request.distanceBand())
                    : gistarGrid(built.points(), request.grid(), request.cellSize(), request.distanceBand(), study);
            default -> HotspotMethods.topAreas(built.byLevel().apply(request.level()), shapesOf.apply(request.level()), request.share(),
                    study.squareMetres());
        };
    }

    /** Gi* on areas: queen contiguity, or with {@code band} (metres) the areas whose points lie within it of each other. */
    private Layer gistarAreas(AreaCounts counts, Map<String, Shape> shapes, Double band) {
        if (band == null) {
            return HotspotMethods.gistarAreas(counts, shapes, data.queenNeighbours(counts.level(), counts.codes()));
        }
        double[] x = counts.codes().stream().mapToDouble(code -> shapes.get(code).x()).toArray();
        double[] y = counts.codes().stream().mapToDouble(code -> shapes.get(code).y()).toArray();
        Layer layer = HotspotMethods.gistarAreas(counts, shapes, SpatialWeights.distanceBand(x, y, band));
        layer.parameters().put("distanceBand", band);
        layer.parameters().put("weights", "distance band: areas whose points (inside each area) lie within " + band
                + " m of each other, area itself included");
        return layer;
    }

    /** Default cell: the study area's shorter side / 100, to 10 m. */
    private Layer gistarGrid(Points points, String shape, Double cellSize, Double band, HotspotData.StudyArea study) {
        double shorter = Math.min(study.maxX() - study.minX(), study.maxY() - study.minY());
        double size = cellSize != null ? cellSize : Math.max(10, Math.round(shorter / 100 / 10) * 10.0);
        double cells = ((study.maxX() - study.minX()) / size + 2) * ((study.maxY() - study.minY()) / size + 2);
        if (cells > MAX_GRID_CELLS) {
            throw HotspotRequest.invalid("a Gi* grid of " + (long) cells + " cells is too large (at most " + MAX_GRID_CELLS
                    + "); give a larger cellSize");
        }
        GridCells grid = shape.equals("square")
                ? GridCells.square(study.minX(), study.minY(), study.maxX(), study.maxY(), size)
                : GridCells.hexagonal(study.minX(), study.minY(), study.maxX(), study.maxY(), size);
        double[] cx = new double[grid.cellCount()];
        double[] cy = new double[grid.cellCount()];
        for (int i = 0; i < cx.length; i++) {
            cx[i] = grid.centreX(i);
            cy[i] = grid.centreY(i);
        }
        Layer layer = HotspotMethods.gistarGrid(points, grid, data.cellsInStudyArea(cx, cy, grid.reach()), shape, band);
        layer.parameters().put("cellSize", size);
        layer.parameters().put("cellSizeRule", cellSize != null ? "given" : "shorter side of the study area's extent / 100, to 10 m");
        return layer;
    }

    /** PAI and RRI of a hotspot: on the period it was built from, and on the next period of the same length. */
    static Map<String, Object> accuracy(Hotspot hotspot, Period built, Period next, double studyArea) {
        double a = Math.min(hotspot.area(), studyArea);
        double n1 = hotspot.eventsIn(built);
        double all1 = hotspot.allEvents(built);
        double n2 = hotspot.eventsIn(next);
        double all2 = hotspot.allEvents(next);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("hotspotSquareKilometres", hotspot.area() / 1e6);
        m.put("areaShare", a / studyArea);
        m.put("builtEvents", n1);
        m.put("builtAllEvents", all1);
        m.put("nextEvents", n2);
        m.put("nextAllEvents", all2);
        m.put("paiBuilt", a > 0 && all1 > 0 ? PredictiveAccuracy.pai(n1, all1, a, studyArea) : null);
        m.put("pai", a > 0 && all2 > 0 ? PredictiveAccuracy.pai(n2, all2, a, studyArea) : null);
        m.put("rri", n1 > 0 && all1 > 0 && all2 > 0 ? PredictiveAccuracy.recaptureRateIndex(n1, all1, n2, all2) : null);
        if (!(all2 > 0)) {
            m.put("note", "there are no events in the next period yet, so PAI and RRI cannot be measured");
        }
        return m;
    }

    /**
     * KDE, Gi* and top areas by count, each given the same share of the study area as this run's hotspot (its
     * best-ranked units until their area reaches that share), measured on the next period: the method with
     * the higher PAI predicted better here.
     */
    private List<Map<String, Object>> comparison(HotspotRequest request, Context context, Layer own, Period built, Period next,
                                                 HotspotData.StudyArea study, Function<String, Map<String, Shape>> shapesOf) {
        double target = own.hotspot().area();
        if (!(target > 0)) {
            return List.of();
        }
        boolean record = context.basis().equals("record");
        String level = context.smallestLevel();
        Layer kde = request.method().equals("kde") ? own : HotspotMethods.kde(built.points(), null, null, "mean", HotspotRequest.DEFAULT_SHARE);
        Layer gi = request.method().equals("gistar") ? own
                : record ? gistarGrid(built.points(), "hex", null, null, study) : gistarAreas(built.byLevel().apply(level), shapesOf.apply(level), null);
        Layer top = request.method().equals("top-areas") ? own
                : HotspotMethods.topAreas(built.byLevel().apply(level), shapesOf.apply(level), HotspotRequest.DEFAULT_SHARE, study.squareMetres());
        List<Map<String, Object>> rows = new ArrayList<>();
        rows.add(row("kde", "Kernel density (KDE), highest cells", kde, target, built, next, study));
        rows.add(row("gistar", "Getis-Ord Gi*, highest z (" + gi.parameters().get("grid") + ")", gi, target, built, next, study));
        rows.add(row("top-areas", "Top " + (request.method().equals("top-areas") ? request.level() : level).toUpperCase()
                + "s by count", top, target, built, next, study));
        return rows;
    }

    private static Map<String, Object> row(String method, String label, Layer layer, double target, Period built, Period next,
                                           HotspotData.StudyArea study) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("method", method);
        row.put("label", label);
        row.putAll(accuracy(layer.ranking().top(target), built, next, study.squareMetres()));
        return row;
    }

    static Map<String, Object> problem(String type, int status, String title, String detail) {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "/problems/" + type);
        problem.put("title", title);
        problem.put("status", status);
        problem.put("detail", detail);
        return problem;
    }
}
