package org.techtransfer.ledger.app;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.assignableTo;
import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The module arrows of README.md ("Layout"), checked over the three modules together (all are on this
 * module's classpath): core ← projections ← app, and nothing pointing back.
 */
class ArchitectureTest {

    private static final JavaClasses LEDGER = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.techtransfer.ledger");

    @Test
    void modules_depend_only_downwards() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("app").definedBy("org.techtransfer.ledger.app..")
                .layer("projections").definedBy("org.techtransfer.ledger.projections..")
                .layer("core").definedBy("org.techtransfer.ledger.money..", "org.techtransfer.ledger.rule..",
                        "org.techtransfer.ledger.reward..", "org.techtransfer.ledger.contract..",
                        "org.techtransfer.ledger.institution..", "org.techtransfer.ledger.command..")
                .whereLayer("app").mayNotBeAccessedByAnyLayer()
                .whereLayer("projections").mayOnlyBeAccessedByLayers("app")
                .whereLayer("core").mayOnlyBeAccessedByLayers("projections", "app")
                .check(LEDGER);
    }

    @Test
    void only_the_read_models_and_the_service_touch_sql() {
        noClasses().that().resideInAnyPackage("org.techtransfer.ledger.money..", "org.techtransfer.ledger.rule..",
                        "org.techtransfer.ledger.reward..", "org.techtransfer.ledger.contract..",
                        "org.techtransfer.ledger.institution..")
                .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "org.springframework..")
                .check(LEDGER);
    }

    @Test
    void rules_are_not_computed_in_the_service() {
        noClasses().that().resideInAPackage("org.techtransfer.ledger.app..")
                .should().callMethod(org.techtransfer.ledger.money.Money.class, "timesRoundedUp", java.math.BigDecimal.class)
                .because("the reward policy is computed by RewardBook alone")
                .check(LEDGER);
    }

    @Test
    void the_service_packages_form_no_cycle() {
        slices().matching("org.techtransfer.ledger.app.(*)..").should().beFreeOfCycles().check(LEDGER);
    }

    /** One door for commands: whatever is sent beside the lanes could build on a batch's uncommitted events. */
    @Test
    void only_the_command_door_reaches_the_command_bus() {
        noClasses().that().resideOutsideOfPackage("org.techtransfer.ledger.app.command.internal..")
                .should().callMethodWhere(target(owner(assignableTo(CommandBus.class))))
                .orShould().callMethodWhere(target(owner(assignableTo(CommandGateway.class))))
                .because("commands enter through LedgerCommands, which hands them to the lanes")
                .check(LEDGER);
        classes().that().resideInAPackage("org.techtransfer.ledger.app.command.internal..")
                .should().onlyBeAccessed().byAnyPackage("org.techtransfer.ledger.app.command..")
                .check(LEDGER);
    }
}
