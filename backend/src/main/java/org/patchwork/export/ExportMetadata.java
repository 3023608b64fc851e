package org.patchwork.export;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.patchwork.access.Access;
import org.patchwork.access.AccessPolicy;
import org.patchwork.access.Viewer;
import org.patchwork.disclosure.CellKeyPerturbation;
import org.patchwork.layers.FeatureCollection;
import org.patchwork.sql.SqlScripts;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * What every export says about itself: the collection, the dataset and version behind it and the period it covers,
 * the parameters of the export, the disclosure control applied for this person, the licence and the attribution.
 * Written as metadata.json and README.txt in zips, as GeoPackage metadata, and in GeoJSON and KML documents.
 */
@Component
class ExportMetadata {

    static final String BOUNDARY_ATTRIBUTION = "Contains OS data © Crown copyright and database right 2021; Source: Office for "
            + "National Statistics licensed under the Open Government Licence v3.0";

    private final NamedParameterJdbcTemplate jdbc;
    private final AccessPolicy policy;
    private final CellKeyPerturbation perturbation;

    ExportMetadata(NamedParameterJdbcTemplate jdbc, AccessPolicy policy, CellKeyPerturbation perturbation) {
        this.jdbc = jdbc;
        this.policy = policy;
        this.perturbation = perturbation;
    }

    /** The metadata of {@code collection} exported by {@code viewer} as {@code request} asks. */
    Map<String, Object> describe(FeatureCollection collection, ExportRequest request, Viewer viewer) {
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("collection", collection.id());
        document.put("title", collection.title());
        document.put("description", collection.description());
        document.put("format", request.format().title());
        document.put("crs", "EPSG:" + request.srid());
        Map<String, Object> parameters = new TreeMap<>();
        request.filters().forEach((name, values) -> parameters.put(name, values[0]));
        if (request.csvGeometry() != null) {
            parameters.put("geometry", request.csvGeometry().name().toLowerCase());
        }
        document.put("parameters", parameters);
        document.put("exportedBy", viewer.username() + (viewer.partnerName() == null ? "" : " (" + viewer.partnerName() + ")"));
        document.put("exportedAt", OffsetDateTime.now(ZoneOffset.UTC).withNano(0).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME));
        List<String> attribution = new ArrayList<>();
        if (collection.datasetId() == null) {
            List<Map<String, Object>> sources = jdbc.queryForList(SqlScripts.load("export/open_sources"), Map.of());
            document.put("sources", sources);
            document.put("licence", "Open Government Licence v3.0");
            document.put("disclosure", Map.of("method", "none", "basis", "open data"));
            attribution.add(BOUNDARY_ATTRIBUTION);
        } else {
            Map<String, Object> dataset = new LinkedHashMap<>(jdbc.queryForMap(SqlScripts.load("export/dataset"),
                    new MapSqlParameterSource("dataset_id", collection.datasetId())));
            dataset.replaceAll((key, value) -> value == null ? null : value.toString());
            document.put("dataset", dataset);
            document.put("version", dataset.get("version"));
            document.put("period", dataset.get("period_start") + " to " + dataset.get("period_end"));
            document.put("licence", dataset.get("licence"));
            Access access = policy.decide(viewer, collection.datasetId());
            Map<String, Object> disclosure = new LinkedHashMap<>();
            disclosure.put("access", access.level().key());
            disclosure.put("basis", access.basis());
            if (collection.isByArea()) {
                disclosure.putAll(perturbation.describe(AccessPolicy.protection(access)));
                disclosure.put("note", "Counts are adjusted by a small amount (cell-key method) to protect people unless the access "
                        + "is record-level; parts need not add up to totals.");
            } else {
                disclosure.put("method", "none");
                disclosure.put("note", "Record-level data released under the basis above; keep it as the sharing agreement says.");
            }
            document.put("disclosure", disclosure);
            attribution.add(String.valueOf(dataset.get("source")));
            attribution.add(BOUNDARY_ATTRIBUTION);
        }
        document.put("attribution", String.join("; ", attribution));
        return document;
    }

    /** The metadata in words, for README.txt. */
    static String readme(Map<String, Object> metadata, String fieldNotes) {
        StringBuilder text = new StringBuilder();
        text.append(metadata.get("title")).append("\n").append("=".repeat(String.valueOf(metadata.get("title")).length())).append("\n\n");
        text.append(metadata.get("description")).append("\n\n");
        for (String key : List.of("collection", "format", "crs", "version", "period", "licence", "attribution", "exportedBy", "exportedAt")) {
            if (metadata.get(key) != null) {
                text.append(String.format("%-12s %s%n", key + ":", metadata.get(key)));
            }
        }
        text.append(String.format("%-12s %s%n", "parameters:", metadata.get("parameters")));
        text.append(String.format("%-12s %s%n", "disclosure:", metadata.get("disclosure")));
        if (metadata.get("dataset") instanceof Map<?, ?> dataset) {
            text.append(String.format("%-12s %s (%s), source: %s%n", "dataset:", dataset.get("title"), dataset.get("slug"), dataset.get("source")));
        }
        if (fieldNotes != null) {
            text.append("\n").append(fieldNotes);
        }
        text.append("\nmetadata.json holds the same in machine-readable form.\n");
        return text.toString();
    }
}
