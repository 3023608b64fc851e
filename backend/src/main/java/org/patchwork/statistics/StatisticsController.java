package org.patchwork.statistics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** One measure of an area-statistics dataset by area, for the map (see {@link StatisticsSlices} for what is withheld). */
@RestController
class StatisticsController {

    private final StatisticsSlices slices;

    StatisticsController(StatisticsSlices slices) {
        this.slices = slices;
    }

    @GetMapping("/api/datasets/{id}/statistics")
    Map<String, Object> values(@PathVariable long id, @RequestParam(required = false) String measure,
                               @RequestParam(required = false) String period, @RequestParam(required = false) String category) {
        StatisticsSlices.Slice slice = slices.slice(id, "statistics", measure, period, category, false);
        List<Map<String, Object>> values = slice.values().stream().map(v -> {
            Map<String, Object> value = new LinkedHashMap<>();
            value.put("code", v.code());
            value.put("name", v.name());
            value.put("value", v.value());
            value.put("suppressed", v.suppressed());
            return value;
        }).toList();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("datasetId", id);
        body.put("version", slice.version());
        body.put("level", slice.level());
        body.put("measures", slice.measures());
        body.put("counts", slice.counts());
        body.put("periods", slice.periods());
        body.put("categories", slice.categories());
        body.put("measure", slice.measure());
        body.put("period", slice.period());
        body.put("category", slice.category());
        body.put("disclosure", slices.disclosure(slice));
        body.put("values", values);
        return body;
    }
}
