package org.patchwork.indicators;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Indicators: define, list, and read values, series and funnel data (every read audited, through the access decision). */
@RestController
@Tag(name = "Indicators", description = "Rates with Fingertips confidence intervals, compared with the district and the partnership")
class IndicatorController {

    private final Indicators indicators;
    private final AreaProfile profiles;
    private final IndicatorComparison comparison;
    private final CustomAreaProfile customProfiles;
    private final tools.jackson.databind.ObjectMapper json;

    IndicatorController(Indicators indicators, AreaProfile profiles, IndicatorComparison comparison,
                        CustomAreaProfile customProfiles, tools.jackson.databind.ObjectMapper json) {
        this.json = json;
        this.indicators = indicators;
        this.profiles = profiles;
        this.comparison = comparison;
        this.customProfiles = customProfiles;
    }

    @PostMapping("/api/indicators")
    @Operation(summary = "Define an indicator",
            description = "Body: {name, datasetId, measure: count | rate-per-1000 | rate-per-100000 | area-statistic, statistic "
                    + "(area-statistic only), categories: [...] (empty = all), from, to (YYYY-MM), level: lsoa | msoa | ward | "
                    + "district | custom (values per saved custom area)}. Saved, shared with everyone who may see the dataset; 201 with Location /api/indicators/{id}.")
    ResponseEntity<Map<String, Object>> define(@RequestBody(required = false) Map<String, Object> body) {
        Indicator indicator = indicators.define(IndicatorRequest.parse(body));
        return ResponseEntity.created(URI.create("/api/indicators/" + indicator.id())).body(indicator.json());
    }

    @GetMapping("/api/indicators")
    @Operation(summary = "List indicators", description = "Every saved indicator whose dataset you may see, newest first.")
    List<Map<String, Object>> list() {
        return indicators.visible().stream().map(Indicator::json).toList();
    }

    @GetMapping("/api/indicators/{id}")
    @Operation(summary = "One indicator's definition", description = "404 when there is none or you may not see its dataset.")
    Map<String, Object> one(@PathVariable long id) {
        return indicators.require(id, "indicator").indicator().json();
    }

    @GetMapping("/api/indicators/{id}/values")
    @Operation(summary = "An indicator's values by area",
            description = "Per area {code, name, numerator, denominator, value, lower95, upper95, lower998, upper998, comparison "
                    + "{district, partnership}: higher | similar | lower | not-compared, disclosure}, for the indicator's level or "
                    + "`level` (custom: the custom areas), within one district (`within`) or all; with the district and partnership comparators.")
    ResponseEntity<?> values(@PathVariable long id, @RequestParam(required = false) String within,
                             @RequestParam(required = false) String level,
                             @RequestHeader(value = HttpHeaders.ACCEPT_ENCODING, required = false) String encodings) {
        IndicatorValues.Table table = indicators.values(id, level, within);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("indicator", table.indicator().json());
        body.put("level", table.level());
        body.put("within", table.within());
        body.put("disclosure", ValueJson.disclosure(table.access()));
        body.put("partnership", ValueJson.figures(table.partnership()));
        if (table.kept() != null) {
            // a kept table (IndicatorTables): the same JSON, written once per table and district, not per request
            body.put("districts", table.kept().derived("json/districts", whole -> raw(table.districts().values().stream()
                    .map(ValueJson::figures).toList())));
            body.put("areas", table.kept().derived("json/areas/" + table.within(), whole -> raw(table.areas().stream()
                    .map(v -> ValueJson.area(table, v)).toList())));
            if (acceptsGzip(encodings)) {
                // the body is the same for every request this kept table answers: compressed once, not per request
                // (compressing a district's values took as long as the rest of the request)
                byte[] gzipped = table.kept().derived("gzip/" + table.within(), whole -> gzip(json.writeValueAsBytes(body)));
                return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).header(HttpHeaders.CONTENT_ENCODING, "gzip")
                        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_ENCODING).body(gzipped);
            }
            return ResponseEntity.ok(body);
        }
        body.put("districts", table.districts().values().stream().map(ValueJson::figures).toList());
        body.put("areas", table.areas().stream().map(v -> ValueJson.area(table, v)).toList());
        return ResponseEntity.ok(body);
    }

    /** Whether an Accept-Encoding header accepts gzip (named, and not with q=0). */
    static boolean acceptsGzip(String encodings) {
        if (encodings == null) {
            return false;
        }
        for (String part : encodings.split(",")) {
            String[] token = part.strip().split(";");
            if (token[0].strip().equalsIgnoreCase("gzip")) {
                return token.length < 2 || !token[1].strip().replace(" ", "").matches("(?i)q=0(\\.0*)?");
            }
        }
        return false;
    }

    private static byte[] gzip(byte[] plain) {
        var bytes = new java.io.ByteArrayOutputStream(plain.length / 4 + 64);
        try (var out = new java.util.zip.GZIPOutputStream(bytes)) {
            out.write(plain);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private tools.jackson.databind.util.RawValue raw(Object value) {
        return new tools.jackson.databind.util.RawValue(json.writeValueAsString(value));
    }

    @GetMapping("/api/indicators/{id}/series")
    @Operation(summary = "An indicator over time for one area",
            description = "By month, calendar quarter and calendar year, each with its intervals and the chi-square test for "
                    + "trend in rates; `area` is an LSOA, MSOA, ward or district code, or a custom area's (custom-7), "
                    + "counted from its LSOAs.")
    Map<String, Object> series(@PathVariable long id, @RequestParam(required = false) String area) {
        return indicators.series(id, area);
    }

    @GetMapping("/api/indicators/{id}/funnel")
    @Operation(summary = "Funnel plot data for a rate indicator",
            description = "Each area's rate against its population, and the 95% and 99.8% control limits around the partnership rate.")
    Map<String, Object> funnel(@PathVariable long id, @RequestParam(required = false) String within,
                               @RequestParam(required = false) String level) {
        return indicators.funnel(id, level, within);
    }

    @GetMapping("/api/areas/{code}/profile")
    @Operation(summary = "An area's profile",
            description = "Every indicator you may see at the area's level with its value, intervals and comparisons with the "
                    + "district and the partnership (or why it has none here), the spread of the level's values across the "
                    + "partnership (for a spine chart), a link to its series, and for an LSOA its IMD 2019 ranks and deciles; for a "
                    + "custom area (custom-7) the spread over the partnership's LSOAs and, per IMD domain, its LSOAs and residents by "
                    + "national decile with the shares in the 10% and 20% most deprived. "
                    + "`format=csv` (or `f=csv`) gives the same content as CSV.")
    ResponseEntity<?> profile(@PathVariable String code, @RequestParam(required = false) String format,
                              @RequestParam(required = false) String f) {
        String chosen = format != null ? format.strip() : f == null ? "json" : f.strip();
        if (!chosen.equals("json") && !chosen.equals("csv")) {
            throw org.patchwork.web.ApiProblem.badRequest("invalid-parameter", "format must be json or csv; got '" + chosen + "'");
        }
        Map<String, Object> profile = CustomAreaProfile.isCustom(code) ? customProfiles.profile(code) : profiles.profile(code);
        if (chosen.equals("json")) {
            return ResponseEntity.ok(profile);
        }
        @SuppressWarnings("unchecked")
        String file = "profile-" + ((Map<String, Object>) profile.get("area")).get("code") + ".csv";
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"")
                .body(ProfileCsv.write(profile));
    }

    @GetMapping("/api/indicators/compare")
    @Operation(summary = "Two indicators side by side",
            description = "Each area's pair of values {code, name, district, x: {value, lower95, ...}, y: {...}} at `level` (default: "
                    + "the area statistic's level, else x's) within one district (`within`) or all, with Pearson's r and Spearman's "
                    + "rho {n, r, pValue, lower95, upper95} over the areas that have both values; `unpaired` lists the others. "
                    + "Computed from the values published to you (protected counts under disclosure control).")
    Map<String, Object> compare(@RequestParam(required = false) String x, @RequestParam(required = false) String y,
                                @RequestParam(required = false) String within, @RequestParam(required = false) String level) {
        return comparison.compare(x, y, level, within);
    }
}
