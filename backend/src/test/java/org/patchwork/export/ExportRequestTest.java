package org.patchwork.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patchwork.web.ApiProblem;

/** Bad formats and coordinate systems are specific problems; KML is WGS84 only; the rest are the collection's filters. */
class ExportRequestTest {

    private static ExportRequest parse(String... pairs) {
        Map<String, String[]> params = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            params.put(pairs[i], new String[] {pairs[i + 1]});
        }
        return ExportRequest.parse(params);
    }

    private static void problem(String type, String... pairs) {
        assertThatThrownBy(() -> parse(pairs)).isInstanceOf(ApiProblem.class).extracting(e -> ((ApiProblem) e).type()).isEqualTo(type);
    }

    @Test
    void defaultsToBritishNationalGridAndKmlToWgs84() {
        assertThat(parse("format", "shp").srid()).isEqualTo(27700);
        assertThat(parse("format", "kml").srid()).isEqualTo(4326);
        assertThat(parse("format", "gpkg", "crs", "EPSG:4326").srid()).isEqualTo(4326);
        assertThat(parse("format", "gpkg", "crs", "http://www.opengis.net/def/crs/EPSG/0/27700").srid()).isEqualTo(27700);
    }

    @Test
    void keepsTheCollectionsOwnParametersAsFilters() {
        ExportRequest request = parse("format", "csv", "geometry", "wkt", "category", "burglary", "from", "2022-03");
        assertThat(request.filters()).containsOnlyKeys("category", "from");
        assertThat(request.csvGeometry()).isEqualTo(ExportRequest.CsvGeometry.WKT);
    }

    @Test
    void refusesWhatItCannotDo() {
        problem("invalid-format");
        problem("invalid-format", "format", "dxf");
        problem("invalid-crs", "format", "shp", "crs", "3857");
        problem("invalid-crs", "format", "kmz", "crs", "27700");
        problem("invalid-parameter", "format", "gpkg", "geometry", "wkt");
        problem("invalid-parameter", "format", "csv", "geometry", "polar");
    }
}
