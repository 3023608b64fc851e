package org.patchwork.mapimage;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Map images (PNG, PDF) and A4 briefing pages, drawn on the server. */
@RestController
@Tag(name = "Map images", description = "The map as a PNG or PDF for briefings, and an A4 briefing page")
class MapImageController {

    private final MapImages images;

    MapImageController(MapImages images) {
        this.images = images;
    }

    @GetMapping("/api/map-image")
    @Operation(summary = "A map image",
            description = "indicator={id} (or collection=lsoa|msoa|ward|district|a hotspot layer's id), bbox=minLon,minLat,maxLon,maxLat "
                    + "(or metres with bbox-crs=EPSG:27700; default: the areas' extent), width and height in pixels (200..3000), "
                    + "format=png|pdf, title, and the classification of /api/indicators/{id}/classes (method, classes, palette, breaks, "
                    + "by=significance, comparator) with level and within. The same breaks and legend as the map; with a scale bar, north "
                    + "arrow, date, disclosure note and attribution.")
    ResponseEntity<byte[]> mapImage(@RequestParam Map<String, String> params) {
        return send(images.mapImage(MapImageRequest.parse(params, false)));
    }

    @GetMapping("/api/briefing")
    @Operation(summary = "An A4 briefing page (PDF)",
            description = "indicator={id} with the map-image parameters, and optionally collection={hotspot layer id}: the map, legend, "
                    + "the ten areas with the highest values, the method, and the hotspot layer with its Predictive Accuracy Index.")
    ResponseEntity<byte[]> briefing(@RequestParam Map<String, String> params) {
        return send(images.briefing(MapImageRequest.parse(params, true)));
    }

    private static ResponseEntity<byte[]> send(MapImages.Image image) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(image.mediaType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + image.filename() + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
                .body(image.bytes());
    }
}
