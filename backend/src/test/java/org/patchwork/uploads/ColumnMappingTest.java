package org.patchwork.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mapping the preview suggests: the kind of dataset, and for statistics the code column, level, measures and counts. */
class ColumnMappingTest {

    @Test
    void aTableOfAreaCodesWithNumbersIsStatisticsWithItsCountsTold() {
        List<String> fields = List.of("LSOA code (2011)", "LSOA name", "Year", "Households", "Rate per 1,000", "IMD decile", "Share");
        List<Map<String, String>> sample = List.of(
                Map.of("LSOA code (2011)", "E01006512", "LSOA name", "Liverpool 031A", "Year", "2019/20", "Households", "1,203",
                        "Rate per 1,000", "12.5", "IMD decile", "3", "Share", "12%"),
                Map.of("LSOA code (2011)", "E01006513", "LSOA name", "Liverpool 060A", "Year", "2019/20", "Households", "x",
                        "Rate per 1,000", "9", "IMD decile", "1", "Share", "7.5%"));
        ColumnMapping mapping = ColumnMapping.suggest(fields, null, sample);
        assertThat(mapping.kind()).isEqualTo("area-statistics");
        assertThat(mapping.areaCode()).isEqualTo("LSOA code (2011)");
        assertThat(mapping.areaLevel()).isEqualTo("lsoa");
        assertThat(mapping.period()).isEqualTo("Year");
        assertThat(mapping.measures()).containsExactly("Households", "Rate per 1,000", "IMD decile", "Share");
        assertThat(mapping.counts()).as("whole numbers that are not ranks, deciles, rates or shares").containsExactly("Households");
    }

    @Test
    void theLevelIsTheOneMostCodesBelongTo() {
        assertThat(ColumnMapping.levelOf(List.of("E05000886", "E05000887", "E01006512"))).isEqualTo("ward");
        assertThat(ColumnMapping.levelOf(List.of("E02001347", "W02000001"))).isEqualTo("msoa");
        assertThat(ColumnMapping.levelOf(List.of("E08000012", "E06000001", "W06000015"))).isEqualTo("district");
        assertThat(ColumnMapping.levelOf(List.of("E12000002"))).as("regions are not a level Patchwork maps").isNull();
    }

    @Test
    void polygonsArePolygonsAndCoordinatesMakeEvents() {
        ColumnMapping polygons = ColumnMapping.suggest(List.of("npa_code", "npa_name"), "Multi Polygon", List.of());
        assertThat(polygons.kind()).isEqualTo("polygons");
        assertThat(polygons.name()).isEqualTo("npa_name");
        assertThat(polygons.id()).isEqualTo("npa_code");

        List<String> crimes = List.of("Crime ID", "Month", "Longitude", "Latitude", "LSOA code", "Crime type");
        ColumnMapping events = ColumnMapping.suggest(crimes, null, List.of(Map.of("LSOA code", "E01006512", "Month", "2022-03")));
        assertThat(events.kind()).as("an LSOA code beside coordinates is the event's, not a table of areas").isEqualTo("events");
        assertThat(events.x()).isEqualTo("Longitude");
        assertThat(events.xyEpsg()).isEqualTo(4326);
        assertThat(events.lsoaCode()).isEqualTo("LSOA code");
    }
}
