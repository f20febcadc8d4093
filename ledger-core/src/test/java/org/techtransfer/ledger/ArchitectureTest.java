package org.techtransfer.ledger;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** README.md, "Layout": the domain holds no Spring and no SQL, and its feature packages form no cycle. */
@AnalyzeClasses(packages = "org.techtransfer.ledger", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule the_domain_knows_no_spring_and_no_sql = noClasses()
            .that().resideInAPackage("org.techtransfer.ledger..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.springframework..", "java.sql..", "javax.sql..", "jakarta.persistence..", "javax.persistence..")
            .because("ledger-core is the domain: Axon modelling and event sourcing annotations only, no Spring, no SQL");

    @ArchTest
    static final ArchRule feature_packages_are_free_of_cycles = slices()
            .matching("org.techtransfer.ledger.(*)..")
            .should().beFreeOfCycles();

    @ArchTest
    static final ArchRule the_domain_uses_only_the_jdk_axon_modelling_jackson_annotations_and_primitive_collections = classes()
            .that().resideInAPackage("org.techtransfer.ledger..")
            .should().onlyDependOnClassesThat().resideInAnyPackage(
                    "java..",
                    "org.techtransfer.ledger..",
                    "org.axonframework.commandhandling..",
                    "org.axonframework.eventsourcing..",
                    "org.axonframework.modelling..",
                    "com.fasterxml.jackson.annotation..",
                    "it.unimi.dsi.fastutil..")
            .because("ledger-core has Axon modelling/eventsourcing annotations only, and fastutil's primitive "
                    + "collections for the storage of a reward book's entries (reward.RewardEntries)");

    @ArchTest
    static final ArchRule money_and_rules_depend_on_no_feature = noClasses()
            .that().resideInAnyPackage("org.techtransfer.ledger.money..", "org.techtransfer.ledger.rule..")
            .should().dependOnClassesThat().resideInAnyPackage(
                    "org.techtransfer.ledger.contract..", "org.techtransfer.ledger.reward..",
                    "org.techtransfer.ledger.institution..");

    @ArchTest
    static final ArchRule the_reward_arithmetic_knows_nothing_of_contracts_or_axon = noClasses()
            .that().resideInAPackage("org.techtransfer.ledger.reward..")
            .and().haveSimpleNameStartingWith("Reward")
            .should().dependOnClassesThat().resideInAnyPackage("org.techtransfer.ledger.contract..", "org.axonframework..")
            .because("the reward arithmetic is a small pure-Java policy");
}
