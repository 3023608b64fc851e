package org.patchwork.uploads;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Unpacks an uploaded zip into a fresh directory, refusing what could hurt: entry names that climb out
 * of the directory (zip slip) or are absolute, too many entries, too much unpacked data, and compression
 * ratios only a zip bomb has. Sizes are counted as bytes are written, not trusted from the headers.
 */
final class ArchiveUnpacker {

    private final UploadProperties limits;

    ArchiveUnpacker(UploadProperties limits) {
        this.limits = limits;
    }

    /** The regular files unpacked, with their paths inside {@code target}. */
    List<Path> unpack(Path zip, String label, Path target) {
        List<Path> files = new ArrayList<>();
        long packed = Math.max(1, sizeOf(zip));
        long unpacked = 0;
        try (ZipFile archive = new ZipFile(zip.toFile())) {
            if (archive.size() > limits.maxZipEntries()) {
                throw UploadRejected.of(label, "the archive has " + archive.size() + " entries; at most "
                        + limits.maxZipEntries() + " are accepted");
            }
            Enumeration<? extends ZipEntry> entries = archive.entries();
            byte[] buffer = new byte[1 << 16];
            while (entries.hasMoreElements()) {
                ZipEntry entry = entries.nextElement();
                Path destination = safeDestination(target, entry.getName(), label);
                if (entry.isDirectory()) {
                    Files.createDirectories(destination);
                    continue;
                }
                Files.createDirectories(destination.getParent());
                try (InputStream in = archive.getInputStream(entry); OutputStream out = Files.newOutputStream(destination)) {
                    for (int n; (n = in.read(buffer)) > 0; ) {
                        unpacked += n;
                        if (unpacked > limits.maxUnpackedSize().toBytes()) {
                            throw UploadRejected.of(label, "the archive unpacks to more than " + limits.maxUnpackedSize());
                        }
                        if (unpacked > 1_000_000 && unpacked / packed > limits.maxCompressionRatio()) {
                            throw UploadRejected.of(label, "the archive is compressed more than " + limits.maxCompressionRatio()
                                    + " to 1, which only a zip bomb is; refused");
                        }
                        out.write(buffer, 0, n);
                    }
                }
                files.add(destination);
            }
        } catch (ZipException e) {
            throw UploadRejected.of(label, "is not a readable zip archive (" + e.getMessage() + "); is it truncated?");
        } catch (IOException e) {
            throw UploadRejected.of(label, "could not be unpacked: " + e.getMessage());
        }
        if (files.isEmpty()) {
            throw UploadRejected.of(label, "the archive is empty");
        }
        return files;
    }

    private static Path safeDestination(Path target, String name, String label) {
        String normalised = name.replace('\\', '/');
        if (normalised.startsWith("/") || normalised.matches("^[A-Za-z]:.*") || normalised.contains("\0")) {
            throw UploadRejected.of(label, "the archive holds an entry with an absolute path (" + name + "); refused");
        }
        Path destination = target.resolve(normalised).normalize();
        if (!destination.startsWith(target.normalize())) {
            throw UploadRejected.of(label, "the archive holds an entry that points outside it (" + name + "); refused");
        }
        return destination;
    }

    private static long sizeOf(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 1;
        }
    }
}
