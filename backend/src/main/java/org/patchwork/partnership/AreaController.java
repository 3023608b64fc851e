package org.patchwork.partnership;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.patchwork.web.ApiProblem;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The partnership's area for administrators ({@code /api/admin/**}): read it, set it (widening loads the added
 * districts; narrowing is refused while datasets hold rows there), or add districts.
 */
@RestController
class AreaController {

    private final PartnershipArea partnership;

    AreaController(PartnershipArea partnership) {
        this.partnership = partnership;
    }

    record NewArea(String area) {
    }

    record AddedDistricts(List<String> add) {
    }

    @GetMapping("/api/admin/area")
    Area area() {
        return partnership.current().orElseThrow(() -> ApiProblem.notFound("no-area",
                "No partnership area is set: this instance runs on the generated demo set"));
    }

    @PutMapping("/api/admin/area")
    PartnershipArea.Change set(@RequestBody NewArea request) {
        if (request == null || request.area() == null || request.area().isBlank()) {
            throw ApiProblem.badRequest("invalid-request", "area is required: district codes (2021) such as E08000012,E06000006, "
                    + "a police force area's name such as South Yorkshire, or england");
        }
        return run(() -> partnership.change(request.area()));
    }

    @PostMapping("/api/admin/area/districts")
    PartnershipArea.Change add(@RequestBody AddedDistricts request) {
        if (request == null || request.add() == null || request.add().isEmpty()) {
            throw ApiProblem.badRequest("invalid-request", "add is required: a list of district codes (2021) such as [\"E06000006\"]");
        }
        return run(() -> partnership.widen(request.add()));
    }

    private PartnershipArea.Change run(java.util.function.Supplier<PartnershipArea.Change> change) {
        if (partnership.current().isEmpty()) {
            throw ApiProblem.notFound("no-area", "No partnership area is set: this instance runs on the generated demo set");
        }
        try {
            return change.get();
        } catch (AreaSettingRejected e) {
            throw ApiProblem.badRequest("invalid-area", e.getMessage());
        } catch (PartnershipArea.NarrowingRefused e) {
            Map<String, Object> dropped = new LinkedHashMap<>();
            e.dropped().forEach(d -> dropped.put(d.code(), d.name()));
            throw new ApiProblem(HttpStatus.CONFLICT, "area-narrowing-refused", "The area cannot be narrowed", e.getMessage())
                    .with("droppedDistricts", dropped).with("datasets", e.datasets());
        }
    }
}
