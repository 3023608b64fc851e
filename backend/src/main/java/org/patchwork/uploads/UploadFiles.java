package org.patchwork.uploads;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Uploaded files on disk (never whole in memory): each upload in its own directory under
 * {@code patchwork.uploads.dir}, its SHA-256 taken while it streams in, its size capped as it arrives.
 */
@Component
class UploadFiles {

    private final UploadProperties properties;

    UploadFiles(UploadProperties properties) {
        this.properties = properties;
    }

    /** A stored upload: its id (the directory name), original name, file, checksum and size. */
    record Stored(UUID id, String originalName, Path file, String sha256, long size) {
        Path directory() {
            return file.getParent();
        }
    }

    /** What an upload holds once unpacked: the detected format and its main file(s). */
    record Prepared(Stored stored, FormatDetector.Detected detected, Path root) {
        /** How a file is named in reports: the upload's name, plus the path inside it for an archive. */
        String label(Path file) {
            return root.equals(stored.directory()) ? stored.originalName()
                    : stored.originalName() + "/" + FormatDetector.relative(root, file);
        }
    }

    Stored store(InputStream content, String originalName) {
        String name = safeName(originalName);
        UUID id = UUID.randomUUID();
        try {
            return write(content, name, id);
        } catch (RuntimeException e) {
            delete(id);   // an empty, oversized or broken upload leaves nothing behind
            throw e;
        }
    }

    private Stored write(InputStream content, String name, UUID id) {
        try {
            Path directory = Files.createDirectories(Path.of(properties.dir()).resolve(id.toString()));
            Path file = directory.resolve("original-" + name);
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            long size = 0;
            try (OutputStream out = new DigestOutputStream(Files.newOutputStream(file), digest)) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = content.read(buffer)) > 0; ) {
                    size += n;
                    if (size > properties.maxFileSize().toBytes()) {
                        throw UploadRejected.of(name, "is larger than the " + properties.maxFileSize() + " limit");
                    }
                    out.write(buffer, 0, n);
                }
            }
            if (size == 0) {
                throw UploadRejected.of(name, "is empty");
            }
            return new Stored(id, name, file, HexFormat.of().formatHex(digest.digest()), size);
        } catch (IOException e) {
            throw UploadRejected.of(name, "could not be received: " + e.getMessage());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    Stored find(UUID id) {
        Path directory = Path.of(properties.dir()).resolve(id.toString());
        try (Stream<Path> files = Files.list(directory)) {
            Path file = files.filter(p -> p.getFileName().toString().startsWith("original-")).findFirst()
                    .orElseThrow(() -> new IOException("no file"));
            return new Stored(id, file.getFileName().toString().substring("original-".length()), file,
                    org.patchwork.gdal.FileChecksum.sha256(file), Files.size(file));
        } catch (IOException e) {
            throw new org.patchwork.web.ApiProblem(org.springframework.http.HttpStatus.NOT_FOUND, "unknown-upload",
                    "Not found", "There is no upload " + id + " (uploads are kept until they are loaded or for a day)");
        }
    }

    /** Unpacks a .zip (safely) and finds what it holds; other files are used as they are. */
    Prepared prepare(Stored stored) {
        Prepared prepared = unpackAndDetect(stored);
        ContentSniffer.requireMatches(prepared);   // a PNG named .csv is refused in words, before GDAL reads it
        RecordCounts.requireMatching(prepared);     // a .dbf shorter than its .shp would silently drop shapes
        return prepared;
    }

    private Prepared unpackAndDetect(Stored stored) {
        if (FormatDetector.extension(stored.originalName()).equals("zip")) {
            Path root = stored.directory().resolve("unpacked");
            if (!Files.isDirectory(root)) {
                ContentSniffer.requireZip(stored.file(), stored.originalName());
                List<Path> files = new ArchiveUnpacker(properties).unpack(stored.file(), stored.originalName(), root);
                return new Prepared(stored, FormatDetector.detect(files, root, stored.originalName()), root);
            }
            try (Stream<Path> walk = Files.walk(root)) {
                List<Path> files = walk.filter(Files::isRegularFile).toList();
                return new Prepared(stored, FormatDetector.detect(files, root, stored.originalName()), root);
            } catch (IOException e) {
                throw UploadRejected.of(stored.originalName(), "could not be read again: " + e.getMessage());
            }
        }
        Path file = stored.file();
        Path renamed = file.resolveSibling(stored.originalName());
        try {
            if (!Files.exists(renamed)) {
                Files.createLink(renamed, file);   // GDAL goes by the extension of the original name
            }
        } catch (IOException e) {
            throw UploadRejected.of(stored.originalName(), "could not be prepared: " + e.getMessage());
        }
        return new Prepared(stored, FormatDetector.detect(List.of(renamed), stored.directory(), stored.originalName()),
                stored.directory());
    }

    void delete(UUID id) {
        Path directory = Path.of(properties.dir()).resolve(id.toString());
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // nothing to clean
        }
    }

    /** The last path element of the name a browser sent, with only harmless characters. */
    static String safeName(String originalName) {
        String name = originalName == null ? "upload" : originalName.replace('\\', '/');
        name = name.substring(name.lastIndexOf('/') + 1).replaceAll("[^A-Za-z0-9._ -]", "_").strip();
        if (name.isEmpty() || name.startsWith(".")) {
            name = "upload" + name;
        }
        return name.length() > 120 ? name.substring(name.length() - 120) : name;
    }
}
