package org.patchwork.hotspots;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Hotspot runs: start one (a job), follow it, list, re-run, and download a KDE surface. */
@RestController
@Tag(name = "Hotspots", description = "KDE, Getis-Ord Gi* and top areas by count, with PAI and RRI against the next period")
class HotspotController {

    private final HotspotRuns runs;

    HotspotController(HotspotRuns runs) {
        this.runs = runs;
    }

    @PostMapping("/api/hotspots")
    @Operation(summary = "Start a hotspot run",
            description = "Body: {datasetId, categories: [...] (empty = all), from, to (YYYY-MM), method: kde | gistar | top-areas, "
                    + "parameters}. kde: bandwidth (m), cellSize (m), classes: mean | top, share. gistar: grid: hex | square | areas, "
                    + "cellSize (m, grids), level (areas). top-areas: level, share. 202 with Location /api/hotspots/{id}; follow "
                    + "state, stage and percent there.")
    ResponseEntity<Map<String, Object>> create(@RequestBody(required = false) Map<String, Object> body) {
        HotspotRun run = runs.create(HotspotRequest.parse(body), null);
        return ResponseEntity.accepted().location(URI.create("/api/hotspots/" + run.id())).body(run.json());
    }

    @GetMapping("/api/hotspots")
    @Operation(summary = "List hotspot runs", description = "The runs you may read, newest first; `datasetId` to list one dataset's.")
    List<Map<String, Object>> list(@RequestParam(required = false) Long datasetId) {
        return runs.visible(datasetId).stream().map(HotspotRun::json).toList();
    }

    @GetMapping("/api/hotspots/{id}")
    @Operation(summary = "One hotspot run", description = "Its request, state and progress, and when finished its PAI, RRI and the "
            + "method comparison at the same share of the area; the layer is the OGC API collection hotspots-{id}.")
    Map<String, Object> one(@PathVariable long id) {
        return runs.require(id, "hotspot-run-read").json();
    }

    @PostMapping("/api/hotspots/{id}/rerun")
    @Operation(summary = "Run again", description = "The same request on the dataset's current version; 202 with the new run.")
    ResponseEntity<Map<String, Object>> rerun(@PathVariable long id) {
        HotspotRun run = runs.rerun(id);
        return ResponseEntity.accepted().location(URI.create("/api/hotspots/" + run.id())).body(run.json());
    }

    @GetMapping("/api/hotspots/{id}/heat")
    @Operation(summary = "A KDE run's surface as a map overlay",
            description = "The density surface as a PNG (a data: URL) on a Web Mercator grid, cells coloured by the run's classes "
                    + "(pale below the lowest, transparent where no event reaches), with its longitude/latitude bounds for an image "
                    + "overlay (Leaflet: [[south, west], [north, east]]). The hotspot page shows it when zoomed out.")
    ResponseEntity<Map<String, Object>> heat(@PathVariable long id) {
        HeatSurfaceImage.Picture picture = runs.heat(id);
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("west", picture.west());
        body.put("south", picture.south());
        body.put("east", picture.east());
        body.put("north", picture.north());
        body.put("width", picture.width());
        body.put("height", picture.height());
        body.put("image", "data:image/png;base64," + java.util.Base64.getEncoder().encodeToString(picture.png()));
        return ResponseEntity.ok().header(HttpHeaders.CACHE_CONTROL, "private, max-age=60").body(body);
    }

    @GetMapping("/api/hotspots/{id}/surface.tif")
    @Operation(summary = "A KDE run's density surface", description = "GeoTIFF, 32-bit float, events per km², EPSG:27700.")
    ResponseEntity<byte[]> surface(@PathVariable long id) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("image/tiff"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"hotspots-" + id + "-density.tif\"")
                .body(runs.surface(id));
    }
}
