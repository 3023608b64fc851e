package org.patchwork.indicators;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;
import org.patchwork.classification.ClassificationRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The classes and legend of an indicator's map, computed on the server from the values the viewer may see. */
@RestController
@Tag(name = "Indicators")
class IndicatorClassesController {

    private final IndicatorClasses classes;

    IndicatorClassesController(IndicatorClasses classes) {
        this.classes = classes;
    }

    @GetMapping("/api/indicators/{id}/classes")
    @Operation(summary = "An indicator's class breaks and legend",
            description = "Classifies the values /values gives you (protected counts unless you have record-level access): "
                    + "method = quantile | equal-interval | natural-breaks | standard-deviation | fixed (with breaks=10,25,50), "
                    + "classes = 3..9, palette = a colour-blind-safe ColorBrewer scheme (\"-\" reverses it), or by=significance "
                    + "with comparator = district | partnership (higher / similar / lower at 95%). Answers the legend (each class's "
                    + "bounds, label, colour and count of areas, and the areas with no data) and each area's class.")
    Map<String, Object> classes(@PathVariable long id, @RequestParam(required = false) String within,
                                @RequestParam(required = false) String level, @RequestParam(required = false) String method,
                                @RequestParam(required = false) String classes, @RequestParam(required = false) String palette,
                                @RequestParam(required = false) String breaks, @RequestParam(required = false) String by,
                                @RequestParam(required = false) String comparator) {
        ClassificationRequest request = ClassificationRequest.parse(method, classes, palette, breaks, null);
        IndicatorMap map = this.classes.map(id, level, within, request, by, comparator, "indicator-classes");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("indicator", id);
        body.put("name", map.name());
        body.put("unit", map.unit());
        body.put("level", map.level());
        body.put("within", map.within());
        body.put("period", map.period());
        body.put("exact", map.exact());
        body.put("comparator", map.comparator());
        body.putAll(map.classification().json());
        body.put("areas", map.areas().stream().map(a -> {
            Map<String, Object> area = new LinkedHashMap<>();
            area.put("code", a.code());
            area.put("value", a.value());
            area.put("class", a.classIndex());
            return area;
        }).toList());
        return body;
    }
}
