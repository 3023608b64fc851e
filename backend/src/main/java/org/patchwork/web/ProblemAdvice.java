package org.patchwork.web;

import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.dao.QueryTimeoutException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every error into RFC 9457 problem+json with a request id. Spring's own errors (unknown URL,
 * wrong method, unreadable parameter) come through {@link ResponseEntityExceptionHandler}; anything
 * unexpected is logged with its stack trace and answered without one.
 */
@RestControllerAdvice
class ProblemAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemAdvice.class);

    @ExceptionHandler(ApiProblem.class)
    ResponseEntity<ProblemDetail> apiProblem(ApiProblem problem, HttpServletRequest request) {
        ProblemDetail body = ProblemDetail.forStatusAndDetail(problem.status(), ServerPaths.scrub(problem.getMessage()));
        body.setType(URI.create(ProblemType.of(problem.type()).uri()));
        body.setTitle(problem.title());
        problem.properties().forEach(body::setProperty);
        return respond(body, request);
    }

    @ExceptionHandler(QueryTimeoutException.class)
    ResponseEntity<ProblemDetail> timeout(QueryTimeoutException e, HttpServletRequest request) {
        log.warn("Query timed out", e);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "The database took too long to answer; try a smaller area or fewer features.");
        body.setType(URI.create(ProblemType.QUERY_TIMEOUT.uri()));
        body.setTitle(ProblemType.QUERY_TIMEOUT.title());
        return respond(body, request);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> unexpected(Exception e, HttpServletRequest request) {
        log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), e);
        ProblemDetail body = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on our side. Quote request id " + MDC.get(RequestIdFilter.MDC_KEY)
                        + " when you report it.");
        body.setType(URI.create(ProblemType.INTERNAL_ERROR.uri()));
        body.setTitle(ProblemType.INTERNAL_ERROR.title());
        return respond(body, request);
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
                                                             HttpStatusCode statusCode, WebRequest request) {
        ResponseEntity<Object> response = super.handleExceptionInternal(ex, body, headers, statusCode, request);
        if (response != null && response.getBody() instanceof ProblemDetail problem) {
            problem.setProperty("requestId", MDC.get(RequestIdFilter.MDC_KEY));
        }
        return response;
    }

    private static ResponseEntity<ProblemDetail> respond(ProblemDetail body, HttpServletRequest request) {
        body.setInstance(URI.create(request.getRequestURI()));
        body.setProperty("requestId", MDC.get(RequestIdFilter.MDC_KEY));
        return ResponseEntity.status(body.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(body);
    }
}
