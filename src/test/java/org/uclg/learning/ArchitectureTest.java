package org.uclg.learning;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.http.annotation.Controller;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertFalse;

/**
 * The feature boundaries of docs/conventions.md, checked on the compiled code: the dependency
 * direction (catalog ← cohorts ← enrollment ← progress; certificates on enrollment; events and
 * reporting on top; notifications below every feature that tells people something, above shared only), no cycles between features, and each feature's insides hidden — what Java
 * visibility cannot say once a feature has sub-packages.
 */
class ArchitectureTest {
    private static final String BASE = "org.uclg.learning.";
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.uclg.learning");

    /** For each feature, the features it may use. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            "shared", Set.of(),
            "notifications", Set.of("shared"),
            "people", Set.of("shared", "notifications"),
            "catalog", Set.of("shared"),
            "cohorts", Set.of("shared", "people", "catalog"),
            "enrollment", Set.of("shared", "people", "catalog", "cohorts", "notifications"),
            "progress", Set.of("shared", "people", "catalog", "cohorts", "enrollment"),
            "certificates", Set.of("shared", "people", "catalog", "cohorts", "enrollment", "notifications"),
            "events", Set.of("shared", "people", "catalog", "cohorts", "enrollment", "progress", "certificates", "notifications"),
            "reporting", Set.of("shared", "people", "catalog", "cohorts", "enrollment", "progress", "certificates", "events"));

    @Test
    void theCodeHasEveryFeatureThisTestKnows() {
        for (String feature : Set.of("shared", "notifications", "people", "catalog", "cohorts", "enrollment", "progress", "certificates")) {
            assertFalse(CLASSES.that(resideInAPackage(BASE + feature + "..")).isEmpty(), feature + " has no classes: a renamed package?");
        }
    }

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
    void featuresFormNoCycles() {
        slices().matching(BASE + "(*)..").should().beFreeOfCycles().check(CLASSES);
    }

    /** Entities, repositories and controllers are a feature's insides: no other feature touches them. */
    @Test
    void noFeatureReachesIntoAnotherFeaturesEntitiesRepositoriesOrControllers() {
        DescribedPredicate<JavaClass> insides = annotatedWith(MappedEntity.class).or(annotatedWith(JdbcRepository.class))
                .or(annotatedWith(Controller.class)).forSubtype();
        for (String feature : ALLOWED.keySet()) {
            noClasses().that().resideOutsideOfPackage(BASE + feature + "..")
                    .should().dependOnClassesThat(DescribedPredicate.and(resideInAPackage(BASE + feature + ".."), insides))
                    .allowEmptyShould(true)
                    .check(CLASSES);
        }
    }

    /** A feature's sub-packages (certificates.pdf, cohorts.trainers, …) are public in Java only for their own feature. */
    @Test
    void subPackagesAreUsedOnlyByTheirOwnFeature() {
        for (String feature : ALLOWED.keySet()) {
            classes().that().resideInAPackage(BASE + feature + ".*..")
                    .should().onlyHaveDependentClassesThat().resideInAPackage(BASE + feature + "..")
                    // these have sub-packages: an empty match would mean the pattern is wrong
                    .allowEmptyShould(!Set.of("catalog", "people", "certificates", "cohorts", "enrollment", "progress", "reporting").contains(feature))
                    .check(CLASSES);
        }
    }

    @Test
    void controllersAreNeverPublic() {
        classes().that().areAnnotatedWith(Controller.class).should().notHaveModifier(JavaModifier.PUBLIC).check(CLASSES);
    }

    @Test
    void entitiesAndRepositoriesArePublicOnlyWhereASubPackageOfTheirFeatureNeedsThem() {
        classes().that().resideInAnyPackage(BASE + "catalog", BASE + "people", BASE + "cohorts", BASE + "progress", BASE + "shared")
                .and(annotatedWith(MappedEntity.class).or(annotatedWith(JdbcRepository.class)))
                .should().notHaveModifier(JavaModifier.PUBLIC)
                .check(CLASSES);
    }

    @Test
    void sharedImportsNoFeature() {
        noClasses().that().resideInAPackage(BASE + "shared..")
                .should().dependOnClassesThat().resideInAnyPackage(ALLOWED.keySet().stream()
                        .filter(f -> !f.equals("shared")).map(f -> BASE + f + "..").toArray(String[]::new))
                .check(CLASSES);
    }
}
