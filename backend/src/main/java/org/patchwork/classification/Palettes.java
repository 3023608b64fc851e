package org.patchwork.classification;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ColorBrewer's colour-blind-safe schemes (resources/classification/palettes.txt): every sequential scheme and
 * the diverging BrBG, PiYG, PRGn, PuOr, RdBu and RdYlBu, each for 3 to 9 classes.
 */
final class Palettes {

    /** One scheme at every class count it has. */
    record Palette(String name, String kind, Map<Integer, List<String>> colours) {

        List<String> colours(int classes) {
            return colours.get(Math.max(3, Math.min(9, classes)));
        }
    }

    static final String DEFAULT_SEQUENTIAL = "YlGnBu";
    static final String DEFAULT_DIVERGING = "RdBu";

    private static final Map<String, Palette> ALL = load();

    private Palettes() {
    }

    static Optional<Palette> named(String name) {
        return ALL.values().stream().filter(p -> p.name().equalsIgnoreCase(name)).findFirst();
    }

    static List<Palette> all() {
        return List.copyOf(ALL.values());
    }

    /**
     * The colours of {@code classes} classes: a scheme has 3 to 9, so fewer classes take the first ones
     * of the 3-class scheme (for 1 or 2 classes, which only happens when the values do not vary enough).
     */
    static List<String> colours(Palette palette, int classes, boolean reversed) {
        List<String> colours = new ArrayList<>(palette.colours(classes));
        if (reversed) {
            java.util.Collections.reverse(colours);
        }
        return colours.subList(0, Math.min(classes, colours.size()));
    }

    private static Map<String, Palette> load() {
        Map<String, Palette> palettes = new LinkedHashMap<>();
        try (var in = Palettes.class.getResourceAsStream("/classification/palettes.txt");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.split(" ");
                Palette palette = palettes.computeIfAbsent(parts[0], n -> new Palette(n, parts[1], new LinkedHashMap<>()));
                palette.colours().put(Integer.parseInt(parts[2]), List.of(parts[3].split(",")));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return palettes;
    }
}
