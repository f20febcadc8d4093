package org.techtransfer.ledger.app;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The service's packages as Spring Modulith sees them, drawn as PlantUML: the whole (components.puml) and each
 * package with what it uses (module-*.puml). Written to target/modules; docs/modules is the checked-in copy,
 * which must draw the same (the same lines, in any order): after a change of the packages' dependencies, copy
 * target/modules over it.
 */
class ModuleDocumentationTest {

    private static final Path GENERATED = Path.of("target", "modules");
    private static final Path CHECKED_IN = Path.of("..", "docs", "modules");

    @Test
    void the_module_documentation_in_docs_is_the_generated_one() throws IOException {
        ApplicationModules modules = ApplicationModules.of(LedgerApplication.class);
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(GENERATED.toString()))
                .writeModulesAsPlantUml()
                .writeIndividualModulesAsPlantUml();
        try (Stream<Path> files = Files.list(GENERATED)) {
            for (Path generated : files.filter(f -> f.toString().endsWith(".puml")).toList()) {
                Path copy = CHECKED_IN.resolve(generated.getFileName());
                assertThat(copy).as("docs/modules/" + generated.getFileName() + ": copy target/modules over docs/modules").exists();
                // Spring Modulith writes the relations in no fixed order: the same lines are the same drawing
                assertThat(Files.readAllLines(copy)).as(copy.toString())
                        .containsExactlyInAnyOrderElementsOf(Files.readAllLines(generated));
            }
        }
    }
}
