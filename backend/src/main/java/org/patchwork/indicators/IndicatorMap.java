package org.patchwork.indicators;

import java.util.List;
import org.patchwork.classification.Classification;

/**
 * An indicator's values by area as one viewer may see them, classified: what the map in the browser, the
 * map image and the briefing page draw. {@code exact} is false when the counts were protected (perturbed
 * or rounded) for this viewer; {@code comparator} is null when classified by value.
 */
public record IndicatorMap(long id, String name, long datasetId, String measure, String unit, String level, String within,
                           String period, String access, boolean exact, String comparator, Classification classification,
                           List<Area> areas) {

    /** One area: its value (null when withheld or missing), its comparison word and its class (−1: no data). */
    public record Area(String code, String name, Double value, Long numerator, Long denominator, String comparison,
                       boolean suppressed, int classIndex) {
    }
}
