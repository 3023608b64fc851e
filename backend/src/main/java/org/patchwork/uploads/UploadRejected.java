package org.patchwork.uploads;

import java.util.List;
import org.patchwork.web.ApiProblem;
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
        super(HttpStatus.UNPROCESSABLE_CONTENT, "upload-rejected", "Upload rejected", detail);
        this.errors = List.copyOf(errors);
        with("errors", this.errors);
    }

    public static UploadRejected of(String file, String reason) {
        return new UploadRejected(file + ": " + reason, List.of(new FileError(file, null, null, null, reason)));
    }

    public List<FileError> errors() {
        return errors;
    }
}
