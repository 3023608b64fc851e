package org.patchwork.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** One vocabulary of problem types: every slug the code raises is in the catalogue, and the README documents each. */
class ProblemTypeTest {

    private static final Path ROOT = Path.of(System.getProperty("maven.multiModuleProjectDirectory", "..")).toAbsolutePath();
    private static final Pattern RAISED = Pattern.compile(
            "(?:notFound|badRequest)\\(\"([a-z-]+)\"|new ApiProblem\\(HttpStatus\\.[A-Z_]+, \"([a-z-]+)\"|write\\(response, \\d+, \"([a-z-]+)\"|problem\\(\\d+, \"([a-z-]+)\"");

    @Test
    void everySlugRaisedInTheCodeIsInTheCatalogue() throws IOException {
        Set<String> raised = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root().resolve("backend/src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher m = RAISED.matcher(Files.readString(file));
                while (m.find()) {
                    for (int g = 1; g <= m.groupCount(); g++) {
                        if (m.group(g) != null) {
                            raised.add(m.group(g));
                        }
                    }
                }
            }
        }
        raised.removeIf(slug -> slug.endsWith("-"));   // a slug built from a name, e.g. "unknown-" + "period"
        assertThat(raised).as("slugs found in the code").hasSizeGreaterThan(15);
        Set<String> catalogue = new TreeSet<>(Arrays.stream(ProblemType.values()).map(ProblemType::slug).toList());
        assertThat(catalogue).containsAll(raised);
    }

    @Test
    void theReadmeDocumentsEveryProblemType() throws IOException {
        String readme = Files.readString(root().resolve("README.md"));
        for (ProblemType type : ProblemType.values()) {
            assertThat(readme).as(type.slug()).contains("`" + type.uri() + "` | " + type.status().value() + " |");
        }
    }

    @Test
    void anUnlistedSlugIsAProgrammingError() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> ApiProblem.notFound("no-such-problem", "x"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Path root() {
        Path dir = ROOT;
        while (dir != null && !Files.exists(dir.resolve("backend/src/main/java"))) {
            dir = dir.getParent();
        }
        return dir == null ? Path.of("..").toAbsolutePath() : dir;
    }
}
