package org.patchwork.uploads;

import java.util.List;
import java.util.Map;

/**
 * What Patchwork found in an upload, for the preview: the format and layer, its fields, how many
 * features, the coordinate reference system (or why it is unknown, with what the coordinates look like),
 * a few sample rows, the column mapping it suggests and the kind of dataset that mapping is for
 * (events, area-statistics or polygons), and where that mapping came from: suggested from the file, or
 * remembered from the dataset's last upload (for a new version); for a date column with dates such as
 * 10/02/2023, whether they are day or month first, or that the preview asks (null: no such dates); and, for
 * points, how many of the first of them fall outside the partnership's area, with a warning when too many do.
 */
public record Inspection(String uploadId, String fileName, String format, String layer, String geometryType,
                         long featureCount, List<String> fields, Integer epsg, String crsProblem, double[] extent,
                         List<Map<String, String>> sample, ColumnMapping suggestedMapping, String suggestedKind,
                         List<String> files, String mappingSource, DateOrder.Preview dateOrder, Map<String, Object> areaCheck) {

    /** The same preview offering another mapping: "suggested" (from the file) or "remembered" (the dataset's last). */
    Inspection withMapping(ColumnMapping remembered, String source) {
        // an order the values settle wins over a remembered one; a remembered one answers the preview's question
        ColumnMapping mapping = dateOrder != null && DateOrder.CHOICES.contains(dateOrder.verdict())
                && dateOrder.column().equals(remembered.date()) ? remembered.withDateOrder(dateOrder.verdict()) : remembered;
        return new Inspection(uploadId, fileName, format, layer, geometryType, featureCount, fields, epsg, crsProblem, extent, sample,
                mapping, mapping.kindOrEvents(), files, source, dateOrder, areaCheck);
    }

    /** The same preview with what a sample of its points says about the partnership's area (see AreaCheck). */
    Inspection withAreaCheck(Map<String, Object> check) {
        return new Inspection(uploadId, fileName, format, layer, geometryType, featureCount, fields, epsg, crsProblem, extent, sample,
                suggestedMapping, suggestedKind, files, mappingSource, dateOrder, check);
    }
}
