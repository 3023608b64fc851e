package org.patchwork.apportioning;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A polygon or statistics dataset apportioned by area onto another geography. */
@RestController
@Tag(name = "Apportioning", description = "Values carried from one geography to another by shared area")
class ApportioningController {

    private final Apportioning apportioning;

    ApportioningController(Apportioning apportioning) {
        this.apportioning = apportioning;
    }

    @GetMapping("/api/datasets/{id}/apportioned")
    @Operation(summary = "Apportion a dataset by area",
            description = "to: lsoa | msoa | ward | district | custom; measure: a polygon attribute or a statistics measure; kind: "
                    + "extensive (value × share of the source's area inside the target; default for count measures) or intensive "
                    + "(area-weighted mean; default otherwise). Each area has value and coverage (share of its area with a source).")
    Map<String, Object> apportioned(@PathVariable long id, @RequestParam(required = false) String to,
                                    @RequestParam(required = false) String measure, @RequestParam(required = false) String kind,
                                    @RequestParam(required = false) String period, @RequestParam(required = false) String category) {
        return apportioning.apportion(id, to, measure, kind, period, category);
    }
}
