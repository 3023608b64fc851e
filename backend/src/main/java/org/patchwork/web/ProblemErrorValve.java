package org.patchwork.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tomcat's own error page, for requests the server refuses before they reach the application (an
 * encoded slash or a backslash in the URL, a malformed request line): problem+json with a request id,
 * like every other error, instead of Tomcat's HTML. Installed on the host by {@link TomcatErrors}.
 */
public class ProblemErrorValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(ProblemErrorValve.class);

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        String id = String.valueOf(request.getAttribute(RequestIdFilter.MDC_KEY));
        if (request.getAttribute(RequestIdFilter.MDC_KEY) == null) {
            id = UUID.randomUUID().toString();   // the request never reached RequestIdFilter
            response.setHeader(RequestIdFilter.HEADER, id);
        }
        log.info("Request {} refused by the server with {} before reaching the application", id, status);
        String type = status == 400 ? ProblemType.INVALID_URL.uri() : "about:blank";
        String detail = status == 400
                ? "The address holds characters or sequences that are not allowed (such as an encoded slash, '//', a backslash, "
                + "a semicolon or an encoded quote); check the link or encode the value as a query parameter."
                : "The server could not handle this request.";
        try {
            response.setContentType("application/problem+json");
            response.setCharacterEncoding(StandardCharsets.UTF_8.name());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write("{\"type\":\"" + type + "\",\"title\":\"" + (status == 400 ? "Invalid request" : "Error") + "\",\"status\":"
                        + status + ",\"detail\":\"" + detail + "\",\"requestId\":\"" + id + "\"}");
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException e) {
            log.debug("Could not write the problem of a refused request", e);
        }
    }
}
