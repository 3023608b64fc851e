package org.patchwork.uploads;

import java.util.List;
import org.patchwork.web.ApiProblem;
import org.patchwork.web.ServerPaths;
import org.springframework.http.HttpStatus;

/**
 * A file that cannot be loaded at all: the problems, each with the file, row, column, value and
 * reason, answered as 422 problem+json with an {@code errors} array. Nothing has been changed.
 */
public class UploadRejected extends ApiProblem {

    /** One problem with an uploaded file; row and column are null when they do not apply. */
    public record FileError(String file, Long row, String column, String value, String reason) {
    }

    private final List<FileError> errors;

    public UploadRejected(String detail, List<FileError> errors) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, "upload-rejected", "Upload rejected", ServerPaths.scrub(detail));
        // a reason may quote GDAL or the JDK, which name the server's own paths: never return those
        this.errors = errors.stream().map(e -> new FileError(e.file(), e.row(), e.column(), e.value(), ServerPaths.scrub(e.reason())))
                .toList();
        with("errors", this.errors);
    }

    public static UploadRejected of(String file, String reason) {
        return new UploadRejected(file + ": " + reason, List.of(new FileError(file, null, null, null, reason)));
    }

    public List<FileError> errors() {
        return errors;
    }
}
