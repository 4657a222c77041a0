package org.uclg.learning;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Keeps the feature dependency direction of CONVENTIONS.md: catalog ← cohorts ← enrollment ←
 * progress → certificates; events uses them all and nothing uses events; people and shared serve everyone;
 * reporting only reads; shared imports no feature.
 */
class ArchitectureTest {
    private static final String BASE = "org.uclg.learning.";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.uclg.learning");

    /** For each feature, the features it may use. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "shared", Set.of(),
            "people", Set.of("shared"),
            "catalog", Set.of("shared"),
            "cohorts", Set.of("shared", "people", "catalog"),
            "enrollment", Set.of("shared", "people", "catalog", "cohorts"),
            "events", Set.of("shared", "people", "catalog", "cohorts", "enrollment", "progress", "certificates"),
            "progress", Set.of("shared", "people", "catalog", "cohorts", "enrollment"),
            "certificates", Set.of("shared", "people", "catalog", "cohorts", "enrollment", "progress"),
            "reporting", Set.of("shared", "people", "catalog", "cohorts", "enrollment", "events", "progress", "certificates"));

    @Test
    void featuresDependOnlyInTheAllowedDirection() {
        for (var feature : ALLOWED.entrySet()) {
            for (String other : ALLOWED.keySet()) {
                if (other.equals(feature.getKey()) || feature.getValue().contains(other)) {
                    continue;
                }
                noClasses().that().resideInAPackage(BASE + feature.getKey() + "..")
                        .should().dependOnClassesThat().resideInAPackage(BASE + other + "..")
                        .because(feature.getKey() + " must not depend on " + other)
                        .allowEmptyShould(true)
                        .check(CLASSES);
            }
        }
    }

    @Test
    void noFeatureReachesIntoAnotherFeaturesRepositories() {
        for (String feature : ALLOWED.keySet()) {
            noClasses().that().resideOutsideOfPackage(BASE + feature + "..")
                    .should().dependOnClassesThat(com.tngtech.archunit.base.DescribedPredicate.and(
                            com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(BASE + feature + ".."),
                            com.tngtech.archunit.core.domain.JavaClass.Predicates.simpleNameEndingWith("Repository")))
                    .allowEmptyShould(true)
                    .check(CLASSES);
        }
    }
}
