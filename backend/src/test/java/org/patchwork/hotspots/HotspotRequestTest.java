package org.patchwork.hotspots;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.patchwork.web.ApiProblem;

/** The hotspot request: defaults, the next period, and a specific problem for each mistake. */
class HotspotRequestTest {

    static Map<String, Object> body(String method, Map<String, Object> parameters) {
        Map<String, Object> body = new HashMap<>(Map.of("datasetId", 4, "from", "2022-11", "to", "2023-01", "method", method));
        body.put("parameters", parameters);
        return body;
    }

    @Test
    void defaultsAndTheNextPeriodOfTheSameLength() {
        HotspotRequest r = HotspotRequest.parse(body("kde", Map.of()));
        assertThat(r.bandwidth()).isNull();
        assertThat(r.cellSize()).isNull();
        assertThat(r.classes()).isEqualTo("mean");
        assertThat(r.share()).isEqualTo(0.05);
        assertThat(r.categories()).isEmpty();
        assertThat(r.months()).isEqualTo(3);
        assertThat(r.nextFrom()).isEqualTo(YearMonth.of(2023, 2));
        assertThat(r.nextTo()).isEqualTo(YearMonth.of(2023, 4));
        HotspotRequest gi = HotspotRequest.parse(body("gistar", Map.of()));
        assertThat(gi.grid()).isEqualTo("hex");
        assertThat(gi.parametersJson()).containsOnlyKeys("grid", "cellSize");
        assertThat(HotspotRequest.parse(body("gistar", Map.of("grid", "areas", "level", "msoa"))).parametersJson())
                .containsEntry("level", "msoa").doesNotContainKey("cellSize");
        assertThat(HotspotRequest.parse(body("gistar", Map.of("grid", "areas", "distanceBand", 800))).parametersJson())
                .containsEntry("distanceBand", 800.0);
        assertThat(HotspotRequest.parse(body("kde", Map.of())).distanceBand()).isNull();
    }

    @Test
    void aRunCanBeParsedAgainFromWhatItStored() {
        HotspotRequest r = HotspotRequest.parse(body("kde", Map.of("bandwidth", 400, "cellSize", 50, "classes", "top", "share", 0.1)));
        Map<String, Object> again = body("kde", r.parametersJson());
        assertThat(HotspotRequest.parse(again)).isEqualTo(r);
    }

    @Test
    void everyMistakeIsItsOwnProblem() {
        List<Map<String, Object>> bad = List.of(
                body("hexbin", Map.of()),
                body("kde", Map.of("grid", "hex")),
                body("kde", Map.of("bandwidth", 0)),
                body("kde", Map.of("bandwidth", "wide")),
                body("kde", Map.of("share", 0.9)),
                body("gistar", Map.of("grid", "hex", "level", "lsoa")),
                body("gistar", Map.of("grid", "areas", "cellSize", 200)),
                body("top-areas", Map.of("level", "street")));
        for (Map<String, Object> b : bad) {
            assertThatThrownBy(() -> HotspotRequest.parse(b)).as("%s", b).isInstanceOfSatisfying(ApiProblem.class,
                    p -> assertThat(p.type()).isEqualTo("invalid-request"));
        }
        Map<String, Object> backwards = body("kde", Map.of());
        backwards.put("to", "2022-01");
        assertThatThrownBy(() -> HotspotRequest.parse(backwards)).hasMessageContaining("before");
        Map<String, Object> long_ = body("kde", Map.of());
        long_.put("from", "2019-01");
        assertThatThrownBy(() -> HotspotRequest.parse(long_)).hasMessageContaining("36 months");
        Map<String, Object> extra = body("kde", Map.of());
        extra.put("colour", "red");
        assertThatThrownBy(() -> HotspotRequest.parse(extra)).hasMessageContaining("unknown fields [colour]");
    }
}
