package org.patchwork.gdal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Runs GDAL's command-line programs the way GeoServer's ogr2ogr output does: a program and an argument
 * list, never a shell string, with a time limit, and stderr kept for the error message.
 */
@Component
public class Gdal {

    private static final Logger log = LoggerFactory.getLogger(Gdal.class);

    private final GdalProperties properties;

    Gdal(GdalProperties properties) {
        this.properties = properties;
    }

    /** Runs {@code program args...}; returns stdout, or throws with GDAL's own complaint. */
    public String run(String program, List<String> args, Map<String, String> environment) {
        List<String> command = new ArrayList<>();
        command.add(program);
        command.addAll(args);
        Path out = null;
        Path err = null;
        try {
            out = Files.createTempFile("gdal-out", ".txt");
            err = Files.createTempFile("gdal-err", ".txt");
            ProcessBuilder builder = new ProcessBuilder(command)
                    .redirectOutput(out.toFile())
                    .redirectError(err.toFile());
            builder.environment().putAll(environment);
            long started = System.nanoTime();
            Process process = builder.start();
            if (!process.waitFor(properties.timeout().toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IngestException(program + " took longer than " + properties.timeout() + " and was stopped");
            }
            // decoded leniently: a file in another encoding must give GDAL's message, not a decoding error
            String stderr = new String(Files.readAllBytes(err), StandardCharsets.UTF_8).strip();
            String stdout = new String(Files.readAllBytes(out), StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                String reason = stderr.isEmpty() ? stdout.strip() : stderr;
                throw new IngestException(program + " could not read the file: " + firstLines(inWords(reason.isEmpty() ? "no reason given" : reason, args)));
            }
            log.debug("{} finished in {} ms", program, (System.nanoTime() - started) / 1_000_000);
            return stdout;
        } catch (IOException e) {
            if (out != null && e.getMessage() != null && !e.getMessage().contains("Cannot run program")) {
                throw new IngestException(program + " failed: " + e.getMessage(), e);
            }
            throw new IngestException("Could not run " + program + " (is GDAL installed?)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IngestException(program + " was interrupted", e);
        } finally {
            deleteQuietly(out);
            deleteQuietly(err);
        }
    }

    /**
     * GDAL's complaint fit for the file's owner: without the list of every driver it tried, without the
     * "ERROR 1:" / "FAILURE:" markers, and with each path on the command line shortened to the file's name
     * (the server's directories are nobody else's business).
     */
    static String inWords(String stderr, List<String> args) {
        String text = stderr;
        for (String arg : args) {
            if (arg.startsWith("/") && arg.length() > 1) {
                String name = arg.substring(arg.lastIndexOf('/') + 1);
                text = text.replace(arg, name.startsWith("original-") ? name.substring("original-".length()) : name);
            }
        }
        List<String> kept = new ArrayList<>();
        for (String line : text.split("\\R")) {
            String stripped = line.strip();
            if (stripped.startsWith("->") || stripped.equals("FAILURE:") || stripped.isEmpty()) {
                continue;   // the drivers GDAL tried, one a line
            }
            stripped = stripped.replaceFirst("^(ERROR|Warning) \\d+: ", "");
            stripped = stripped.replaceFirst("^Unable to open datasource [`'](.*)' with the following drivers\\.$",
                    "$1 is not in a format that can be read");
            kept.add(stripped);
        }
        return kept.isEmpty() ? "no reason given" : String.join("\n", kept);
    }

    private static String firstLines(String text) {
        String[] lines = text.split("\\R");
        return String.join(" ", List.of(lines).subList(0, Math.min(3, lines.length)));
    }

    private static void deleteQuietly(Path path) {
        if (path != null) {
            try {
                Files.deleteIfExists(path);
            } catch (IOException ignored) {
                // a temp file left behind is harmless
            }
        }
    }
}
