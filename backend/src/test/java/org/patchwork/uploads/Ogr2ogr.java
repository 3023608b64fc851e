package org.patchwork.uploads;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs GDAL's command-line tools with an argument list (never a shell string) to make test files. */
final class Ogr2ogr {

    private Ogr2ogr() {
    }

    /** {@code ogr2ogr -f driver target source args...}; fails with GDAL's own message. */
    static Path convert(String driver, Path target, String source, String... args) {
        List<String> command = new ArrayList<>(List.of("ogr2ogr", "-f", driver, target.toString(), source));
        command.addAll(List.of(args));
        run(command);
        return target;
    }

    static String run(List<String> command) {
        try {
            Path output = Files.createTempFile("ogr2ogr", ".log");
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
                if (!process.waitFor(5, TimeUnit.MINUTES)) {
                    process.destroyForcibly();
                    throw new IllegalStateException("timed out: " + command);
                }
                String log = Files.readString(output, StandardCharsets.ISO_8859_1);
                if (process.exitValue() != 0) {
                    throw new IllegalStateException(command + " failed: " + log);
                }
                return log;
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("could not run " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
