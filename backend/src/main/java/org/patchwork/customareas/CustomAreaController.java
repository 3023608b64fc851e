package org.patchwork.customareas;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Custom areas: save, list, read, delete (shared with everyone signed in). */
@RestController
@Tag(name = "Custom areas", description = "The partnership's own areas, drawn or listed as LSOAs, usable like a boundary set")
class CustomAreaController {

    private final CustomAreas areas;

    CustomAreaController(CustomAreas areas) {
        this.areas = areas;
    }

    @PostMapping("/api/custom-areas")
    @Operation(summary = "Save a custom area",
            description = "Body: {name, lsoas: [codes] or a text of codes} or {name, geometry: GeoJSON Polygon/MultiPolygon in "
                    + "longitude/latitude}. A drawn area is made of the LSOAs whose point on surface lies inside it. Unknown codes: "
                    + "400 unknown-lsoa-codes listing them, nothing saved. 201 with Location /api/custom-areas/{id}.")
    ResponseEntity<Map<String, Object>> save(@RequestBody(required = false) Map<String, Object> body) {
        CustomArea area = areas.save(CustomAreaRequest.parse(body));
        return ResponseEntity.created(URI.create("/api/custom-areas/" + area.id())).body(area.json());
    }

    @GetMapping("/api/custom-areas")
    @Operation(summary = "List custom areas", description = "Every saved custom area, newest first; as GeoJSON at /ogc/collections/custom-areas.")
    List<Map<String, Object>> list() {
        return areas.list().stream().map(CustomArea::json).toList();
    }

    @GetMapping("/api/custom-areas/{id}")
    @Operation(summary = "One custom area")
    Map<String, Object> one(@PathVariable long id) {
        return areas.one(id).json();
    }

    @DeleteMapping("/api/custom-areas/{id}")
    @Operation(summary = "Delete a custom area", description = "By whoever saved it or an administrator; 204.")
    ResponseEntity<Void> delete(@PathVariable long id) {
        areas.delete(id);
        return ResponseEntity.noContent().build();
    }
}
