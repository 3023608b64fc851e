package org.patchwork.catalogue;

import java.util.List;
import java.util.Map;
import org.patchwork.web.ApiProblem;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The catalogue over HTTP: what is loaded, and for one dataset what its load repaired or rejected. */
@RestController
class DatasetController {

    private final DatasetCatalogue catalogue;

    DatasetController(DatasetCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping("/api/datasets")
    List<Dataset> list() {
        return catalogue.list();
    }

    @GetMapping("/api/datasets/{id}")
    Map<String, Object> one(@PathVariable String id) {
        Dataset dataset = parseId(id).flatMap(catalogue::find)
                .orElseThrow(() -> ApiProblem.notFound("unknown-dataset", "There is no dataset with id '" + id + "'"));
        return Map.of("dataset", dataset, "issues", catalogue.issues(dataset.id()));
    }

    private static java.util.Optional<Long> parseId(String id) {
        try {
            return java.util.Optional.of(Long.parseLong(id));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
