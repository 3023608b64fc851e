package org.patchwork.web;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes the server's own file paths from text meant for a client (a problem's detail): the
 * upload directory, temporary files and the like are replaced by the file's own name, so a message
 * from GDAL, the JDK or the database never tells a client where things live on the server. The app's
 * URL paths (/api/..., /ogc/..., /problems/...) are kept.
 */
public final class ServerPaths {

    /** An absolute path of at least two segments, not part of a URL or of a relative path or date (DD/MM/YYYY). */
    private static final Pattern PATH = Pattern.compile("(?<![\\w.:/~%-])/([^\\s/'\"`<>|,;()\\[\\]{}]+)(/[^\\s/'\"`<>|,;()\\[\\]{}]*)+");
    private static final Set<String> URL_ROOTS = Set.of("api", "ogc", "problems", "v3", "actuator", "login.html");

    private ServerPaths() {
    }

    public static String scrub(String text) {
        if (text == null || text.indexOf('/') < 0) {
            return text;
        }
        Matcher m = PATH.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String path = m.group();
            String replacement = URL_ROOTS.contains(m.group(1)) ? path : fileName(path);
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    /** The last segment, without the "original-" prefix under which uploads are stored. */
    private static String fileName(String path) {
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        String name = trimmed.substring(trimmed.lastIndexOf('/') + 1);
        name = name.startsWith("original-") ? name.substring("original-".length()) : name;
        return name.isEmpty() ? "the file" : name;
    }
}
