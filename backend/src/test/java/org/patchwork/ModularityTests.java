package org.patchwork;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Keeps the feature packages from tangling: no cycles between them, and no feature reaching into
 * another's internals (only a package's top-level public types are its API). The second test writes the
 * module diagrams (PlantUML) and canvases to target/spring-modulith-docs for the README.
 */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(PatchworkApplication.class);

    @Test
    void featuresDependOnEachOtherOnlyThroughTheirPublicApi() {
        modules.verify();
    }

    @Test
    void writesModuleDocumentation() {
        new Documenter(modules).writeDocumentation();
    }
}
