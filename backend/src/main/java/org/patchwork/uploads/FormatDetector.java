package org.patchwork.uploads;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides what an upload is from its files: one main file (and the parts it needs), or a police.uk
 * archive of monthly street files. Missing parts are named (a Shapefile without its .shx or .dbf), and
 * an upload holding several datasets is refused rather than guessed at.
 */
final class FormatDetector {

    static final Pattern POLICE_UK_FILE = Pattern.compile("(?i)(?:.*/)?(\\d{4}-\\d{2})/(\\d{4}-\\d{2}-[a-z0-9-]+-street)\\.csv");

    private static final Map<String, SourceFormat> MAIN_FILES = Map.ofEntries(
            Map.entry("shp", SourceFormat.SHAPEFILE), Map.entry("tab", SourceFormat.MAPINFO_TAB),
            Map.entry("mif", SourceFormat.MAPINFO_MIF), Map.entry("gpkg", SourceFormat.GEOPACKAGE),
            Map.entry("geojson", SourceFormat.GEOJSON), Map.entry("json", SourceFormat.GEOJSON),
            Map.entry("kml", SourceFormat.KML), Map.entry("kmz", SourceFormat.KMZ),
            Map.entry("fgb", SourceFormat.FLATGEOBUF), Map.entry("csv", SourceFormat.CSV),
            Map.entry("xlsx", SourceFormat.XLSX));

    private static final Map<SourceFormat, List<String>> REQUIRED_PARTS = Map.of(
            SourceFormat.SHAPEFILE, List.of("shx", "dbf"),
            SourceFormat.MAPINFO_TAB, List.of("dat", "map", "id"),
            SourceFormat.MAPINFO_MIF, List.of("mid"));

    /** What was found: the format, the main file(s) and the directory they are in. */
    record Detected(SourceFormat format, List<Path> mainFiles) {
        Path mainFile() {
            return mainFiles.get(0);
        }
    }

    private FormatDetector() {
    }

    static Detected detect(List<Path> files, Path root, String label) {
        List<Path> policeUk = files.stream().filter(f -> POLICE_UK_FILE.matcher(relative(root, f)).matches()).sorted().toList();
        if (!policeUk.isEmpty()) {
            return new Detected(SourceFormat.POLICE_UK, policeUk);
        }
        List<Path> mains = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            if (name.startsWith(".") || relative(root, file).startsWith("__MACOSX/")) {
                continue;   // macOS resource forks and hidden files
            }
            SourceFormat format = MAIN_FILES.get(extension(name));
            if (format != null && !(format == SourceFormat.GEOJSON && name.toLowerCase(Locale.ROOT).endsWith(".shp.xml"))) {
                mains.add(file);
            }
        }
        if (mains.isEmpty()) {
            throw UploadRejected.of(label, "holds no file Patchwork can read; send a zipped Shapefile (.shp with .shx and .dbf), "
                    + "MapInfo (.tab or .mif), GeoPackage, GeoJSON, KML/KMZ, FlatGeobuf, CSV, Excel (.xlsx) or a police.uk archive");
        }
        if (mains.size() > 1) {
            throw UploadRejected.of(label, "holds " + mains.size() + " datasets (" + mains.stream().map(f -> relative(root, f))
                    .sorted().toList() + "); upload one at a time");
        }
        Path main = mains.get(0);
        SourceFormat format = MAIN_FILES.get(extension(main.getFileName().toString()));
        for (String part : REQUIRED_PARTS.getOrDefault(format, List.of())) {
            if (sibling(main, part).isEmpty()) {
                throw UploadRejected.of(relative(root, main), "the " + format.label() + " is missing its ." + part
                        + " file, which must be uploaded with it (in the same zip)");
            }
        }
        return new Detected(format, List.of(normaliseParts(main, format)));
    }

    /** GDAL looks for a Shapefile's parts by the main file's name and lower- or upper-case extensions; make them agree. */
    private static Path normaliseParts(Path main, SourceFormat format) {
        if (format != SourceFormat.SHAPEFILE && format != SourceFormat.MAPINFO_TAB && format != SourceFormat.MAPINFO_MIF) {
            return main;
        }
        String base = baseName(main.getFileName().toString());
        try (var siblings = Files.list(main.getParent())) {
            for (Path sibling : siblings.toList()) {
                String name = sibling.getFileName().toString();
                String lower = name.toLowerCase(Locale.ROOT);
                if (lower.startsWith(base.toLowerCase(Locale.ROOT) + ".") && !name.equals(base + "." + extensionOf(lower, base))) {
                    Files.move(sibling, sibling.resolveSibling(base + "." + extensionOf(lower, base)));
                }
            }
        } catch (IOException e) {
            throw UploadRejected.of(main.getFileName().toString(), "could not be prepared: " + e.getMessage());
        }
        return main.resolveSibling(base + "." + extension(main.getFileName().toString()));
    }

    private static String extensionOf(String lowerName, String base) {
        return lowerName.substring(base.length() + 1);
    }

    private static Optional<Path> sibling(Path main, String extension) {
        String base = baseName(main.getFileName().toString()).toLowerCase(Locale.ROOT);
        try (var siblings = Files.list(main.getParent())) {
            return siblings.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).equals(base + "." + extension)).findFirst();
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String baseName(String name) {
        int dot = name.lastIndexOf('.');
        return dot < 0 ? name : name.substring(0, dot);
    }

    static String relative(Path root, Path file) {
        return root.relativize(file).toString().replace('\\', '/');
    }
}
