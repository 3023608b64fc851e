package org.patchwork.web;

import org.springframework.http.HttpStatus;

/**
 * An error a client can act on. {@code type} is a slug of the {@link ProblemType} catalogue
 * (unknown-collection, invalid-parameter, ...), served as {@code /problems/<type>}; a slug not in the
 * catalogue fails at once.
 */
public class ApiProblem extends RuntimeException {

    private final HttpStatus status;
    private final String type;
    private final String title;
    private final java.util.Map<String, Object> properties = new java.util.LinkedHashMap<>();

    public ApiProblem(HttpStatus status, String type, String title, String detail) {
        super(detail);
        this.status = status;
        this.type = ProblemType.of(type).slug();
        this.title = title;
    }

    /** A problem of {@code type}, with its usual status and title. */
    public ApiProblem(ProblemType type, String detail) {
        this(type.status(), type.slug(), type.title(), detail);
    }

    /** Adds a member to the problem body, e.g. the {@code errors} of a rejected upload. */
    public ApiProblem with(String name, Object value) {
        properties.put(name, value);
        return this;
    }

    public java.util.Map<String, Object> properties() {
        return properties;
    }

    public static ApiProblem notFound(String type, String detail) {
        return new ApiProblem(HttpStatus.NOT_FOUND, type, "Not found", detail);
    }

    public static ApiProblem badRequest(String type, String detail) {
        return new ApiProblem(HttpStatus.BAD_REQUEST, type, "Invalid request", detail);
    }

    public HttpStatus status() {
        return status;
    }

    public String type() {
        return type;
    }

    public String title() {
        return title;
    }
}
