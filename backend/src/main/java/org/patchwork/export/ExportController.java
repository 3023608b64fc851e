package org.patchwork.export;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/export/{collectionId}?format=shp|gpkg|kml|kmz|geojson|csv|tab|tif&crs=27700|4326}, with the
 * collection's own filters as further parameters (as on its OGC items).
 */
@RestController
class ExportController {

    private final Exporter exporter;

    ExportController(Exporter exporter) {
        this.exporter = exporter;
    }

    @GetMapping("/api/export/{collectionId}")
    void export(@PathVariable String collectionId, HttpServletRequest request, HttpServletResponse response) throws IOException {
        exporter.export(collectionId, ExportRequest.parse(request.getParameterMap()), null, false, request, response);
    }
}
