package org.patchwork.gdal;

/** A file could not be read or loaded; the message says which file and why, in words for its owner. */
public class IngestException extends RuntimeException {

    public IngestException(String message) {
        super(message);
    }

    public IngestException(String message, Throwable cause) {
        super(message, cause);
    }
}
