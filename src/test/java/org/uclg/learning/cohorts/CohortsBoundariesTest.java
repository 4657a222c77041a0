package org.uclg.learning.cohorts;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.http.annotation.Controller;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** catalog ← cohorts ← enrollment, and the insides of both features stay package-private. */
class CohortsBoundariesTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.uclg.learning");

    @Test
    void cohortsNeverDependOnEnrollment() {
        noClasses().that().resideInAPackage("..learning.cohorts..")
                .should().dependOnClassesThat().resideInAPackage("..learning.enrollment..")
                .check(MAIN);
    }

    @Test
    void theFeaturesBelowKnowNothingOfCohortsOrEnrollment() {
        noClasses().that().resideInAnyPackage("..learning.catalog..", "..learning.people..", "..learning.shared..")
                .should().dependOnClassesThat().resideInAnyPackage("..learning.cohorts..", "..learning.enrollment..")
                .check(MAIN);
    }

    @Test
    void entitiesRepositoriesAndControllersArePackagePrivate() {
        classes().that().resideInAnyPackage("..learning.cohorts..", "..learning.enrollment..")
                .and(annotatedWith(MappedEntity.class).or(annotatedWith(JdbcRepository.class)).or(annotatedWith(Controller.class)))
                .should().notHaveModifier(JavaModifier.PUBLIC)
                .check(MAIN);
    }
}
