package org.techtransfer.ledger.projections;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The arrows of README.md ("Layout") for ledger-projections: read models on core's events, no web, no service. */
class ArchitectureTest {

    private static final JavaClasses PROJECTIONS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.techtransfer.ledger.projections");

    @Test
    void read_models_know_nothing_of_the_web_or_the_service() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage(
                        "org.techtransfer.ledger.app..", "org.springframework.web..", "jakarta.servlet..",
                        "org.springframework.security..")
                .check(PROJECTIONS);
    }

    @Test
    void read_models_do_not_change_the_domain() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.axonframework.commandhandling..",
                        "org.axonframework.modelling.command..")
                .because("a read model follows the log; it never sends commands")
                .check(PROJECTIONS);
    }

    @Test
    void feature_packages_are_free_of_cycles() {
        slices().matching("org.techtransfer.ledger.projections.(*)..").should().beFreeOfCycles().check(PROJECTIONS);
    }
}
