package org.patchwork.web;

import java.util.Arrays;
import org.springframework.http.HttpStatus;

/**
 * The catalogue of problem types every error is answered with, as {@code /problems/<slug>} (the README lists
 * them). An {@link ApiProblem} of a slug not listed here is a programming error and fails at once.
 */
public enum ProblemType {
    UNKNOWN_COLLECTION("unknown-collection", HttpStatus.NOT_FOUND, "Not found"),
    UNKNOWN_FEATURE("unknown-feature", HttpStatus.NOT_FOUND, "Not found"),
    UNKNOWN_DATASET("unknown-dataset", HttpStatus.NOT_FOUND, "Not found"),
    UNKNOWN_VERSION("unknown-version", HttpStatus.NOT_FOUND, "Not found"),
    UNKNOWN_JOB("unknown-job", HttpStatus.NOT_FOUND, "Not found"),
    UNKNOWN_AGREEMENT("unknown-agreement", HttpStatus.NOT_FOUND, "Not found"),
    UNKNOWN_USER("unknown-user", HttpStatus.NOT_FOUND, "Not found"),
    UNKNOWN_TOKEN("unknown-token", HttpStatus.NOT_FOUND, "Not found"),
    UNKNOWN_UPLOAD("unknown-upload", HttpStatus.NOT_FOUND, "Not found"),
    UNKNOWN_TILE("unknown-tile", HttpStatus.NOT_FOUND, "Not found"),
    UNKNOWN_TILE_MATRIX_SET("unknown-tile-matrix-set", HttpStatus.NOT_FOUND, "Not found"),
    UNKNOWN_TILESET("unknown-tileset", HttpStatus.NOT_FOUND, "Not found"),
    UNKNOWN_INDICATOR("unknown-indicator", HttpStatus.NOT_FOUND, "Not found"),
    UNKNOWN_HOTSPOT_RUN("unknown-hotspot-run", HttpStatus.NOT_FOUND, "Not found"),
    UNKNOWN_AREA("unknown-area", HttpStatus.NOT_FOUND, "Not found"),
    UNKNOWN_CUSTOM_AREA("unknown-custom-area", HttpStatus.NOT_FOUND, "Not found"),
    UNKNOWN_LSOA_CODES("unknown-lsoa-codes", HttpStatus.BAD_REQUEST, "Invalid request"),
    UNKNOWN_MEASURE("unknown-measure", HttpStatus.BAD_REQUEST, "Invalid request"),
    UNKNOWN_PERIOD("unknown-period", HttpStatus.BAD_REQUEST, "Invalid request"),
    UNKNOWN_CATEGORY("unknown-category", HttpStatus.BAD_REQUEST, "Invalid request"),
    NOT_AN_EVENT_DATASET("not-an-event-dataset", HttpStatus.NOT_FOUND, "Not found"),
    NOT_AREA_STATISTICS("not-area-statistics", HttpStatus.NOT_FOUND, "Not found"),
    UNAUTHENTICATED("unauthenticated", HttpStatus.UNAUTHORIZED, "Unauthenticated"),
    SIGN_IN_FAILED("sign-in-failed", HttpStatus.UNAUTHORIZED, "Sign-in failed"),
    TOO_MANY_SIGN_INS("too-many-sign-ins", HttpStatus.TOO_MANY_REQUESTS, "Too many failed sign-ins"),
    ACCESS_DENIED("access-denied", HttpStatus.FORBIDDEN, "Forbidden"),
    GEOGRAPHY_NOT_ALLOWED("geography-not-allowed", HttpStatus.FORBIDDEN, "Forbidden"),
    PERIOD_NOT_ALLOWED("period-not-allowed", HttpStatus.BAD_REQUEST, "Invalid request"),
    CUSTOM_AREA_REFUSED("custom-area-refused", HttpStatus.BAD_REQUEST, "Invalid request"),
    CUSTOM_AREA_ALLOWANCE_USED("custom-area-allowance-used", HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),
    INVALID_AREA("invalid-area", HttpStatus.BAD_REQUEST, "Invalid request"),
    NO_AREA("no-area", HttpStatus.NOT_FOUND, "Not found"),
    AREA_NARROWING_REFUSED("area-narrowing-refused", HttpStatus.CONFLICT, "Conflict"),
    INVALID_REQUEST("invalid-request", HttpStatus.BAD_REQUEST, "Invalid request"),
    INVALID_PARAMETER("invalid-parameter", HttpStatus.BAD_REQUEST, "Invalid request"),
    NOT_AVERAGEABLE("not-averageable", HttpStatus.BAD_REQUEST, "Invalid request"),
    INVALID_BBOX("invalid-bbox", HttpStatus.BAD_REQUEST, "Invalid request"),
    INVALID_CRS("invalid-crs", HttpStatus.BAD_REQUEST, "Invalid request"),
    INVALID_URL("invalid-url", HttpStatus.BAD_REQUEST, "Invalid request"),
    INVALID_FORMAT("invalid-format", HttpStatus.BAD_REQUEST, "Invalid request"),
    NOT_A_RASTER("not-a-raster", HttpStatus.BAD_REQUEST, "Invalid request"),
    CONFLICT("conflict", HttpStatus.CONFLICT, "Conflict"),
    UPLOAD_REJECTED("upload-rejected", HttpStatus.UNPROCESSABLE_CONTENT, "Upload rejected"),
    QUERY_TIMEOUT("query-timeout", HttpStatus.SERVICE_UNAVAILABLE, "Query timeout"),
    DATABASE_UNAVAILABLE("database-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable"),
    JOB_INTERRUPTED("job-interrupted", HttpStatus.INTERNAL_SERVER_ERROR, "Job interrupted"),
    INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error");

    private final String slug;
    private final HttpStatus status;
    private final String title;

    ProblemType(String slug, HttpStatus status, String title) {
        this.slug = slug;
        this.status = status;
        this.title = title;
    }

    public String slug() {
        return slug;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    /** The type URI path, {@code /problems/<slug>}. */
    public String uri() {
        return "/problems/" + slug;
    }

    /** The type with this slug; an unlisted slug is a programming error. */
    public static ProblemType of(String slug) {
        return Arrays.stream(values()).filter(type -> type.slug.equals(slug)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("problem type '" + slug + "' is not in the catalogue"));
    }
}
