package org.uclg.learning.cohorts.trainers;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.uclg.learning.catalog.CatalogApi;
import org.uclg.learning.people.PeopleApi;
import org.uclg.learning.people.RegionalSection;
import org.uclg.learning.people.Role;
import org.uclg.learning.people.UserAccess;
import org.uclg.learning.shared.ConflictException;
import org.uclg.learning.shared.ForbiddenException;
import org.uclg.learning.shared.NotFoundException;
import org.uclg.learning.shared.ValidationException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/** Who is a certified trainer of which module: earned by completing a TOT cohort, or granted by an admin. */
@Singleton
public class TrainerCertifications {
    private final CertificationRepository certifications;
    private final CatalogApi catalog;
    private final PeopleApi people;
    private final Clock clock;

    TrainerCertifications(CertificationRepository certifications, CatalogApi catalog, PeopleApi people, Clock clock) {
        this.certifications = certifications;
        this.catalog = catalog;
        this.people = people;
        this.clock = clock;
    }

    /** Completing a TOT cohort: the first certification per module counts; false when one existed. */
    @Transactional
    public boolean earned(UUID trainerId, String moduleCode, UUID sourceCohortId, LocalDate certifiedOn) {
        return certifications.insertIfAbsent(trainerId, moduleCode, sourceCohortId, certifiedOn, null, clock.instant()) == 1;
    }

    /** Which of these people are certified trainers of the module. */
    @Transactional(readOnly = true)
    public Set<UUID> certifiedAmong(String moduleCode, Collection<UUID> trainerIds) {
        return certifications.findByModuleCodeAndTrainerIdIn(moduleCode, trainerIds).stream()
                .map(TrainerCertification::trainerId).collect(Collectors.toSet());
    }

    @Transactional
    CertificationResponse grant(UUID trainerId, CertifyTrainerRequest request, UUID adminId) {
        if (!people.exists(trainerId)) {
            throw new NotFoundException("user", trainerId);
        }
        String module = request.moduleCode().toUpperCase(Locale.ROOT);
        if (!catalog.exists(module)) {
            throw new ValidationException("moduleCode", "no module " + request.moduleCode() + " in the catalogue");
        }
        LocalDate on = request.certifiedOn() == null ? LocalDate.now(clock) : request.certifiedOn();
        if (certifications.insertIfAbsent(trainerId, module, null, on, adminId, clock.instant()) == 0) {
            throw new ConflictException("already-certified", "this trainer is already certified for " + module, "moduleCode");
        }
        return certifications.findByModuleCodeAndTrainerIdIn(module, List.of(trainerId)).stream()
                .map(CertificationResponse::of).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    List<CertificationResponse> of(UUID trainerId, UUID callerId) {
        requireReader(trainerId, callerId);
        return certifications.findByTrainerIdOrderByCertifiedOn(trainerId).stream().map(CertificationResponse::of).toList();
    }

    /**
     * Who may read a trainer's certifications and lineage: the trainer themself, admins, WORLD
     * coordinators, and the coordinators of the trainer's regional section (their own, or one that
     * hosts a cohort they train or trained). 403 for anyone else, 404 for an unknown trainer.
     */
    UserAccess requireReader(UUID trainerId, UUID callerId) {
        UserAccess who = people.access(callerId);
        boolean mayReadAny = trainerId.equals(callerId) || who.isAdmin() || who.coordinates(RegionalSection.WORLD);
        if (!mayReadAny && !who.hasRole(Role.SECTION_COORDINATOR)) {
            throw new ForbiddenException("only the trainer, coordinators and admins see a trainer's certifications and lineage");
        }
        if (!people.exists(trainerId)) {
            throw new NotFoundException("user", trainerId);
        }
        if (!mayReadAny && !coordinatesTrainer(who, trainerId)) {
            throw new ForbiddenException("a coordinator sees the trainers of the regional sections they coordinate");
        }
        return who;
    }

    private boolean coordinatesTrainer(UserAccess coordinator, UUID trainerId) {
        if (coordinator.coordinates(people.user(trainerId).regionalSection())) {
            return true;
        }
        String[] sections = coordinator.coordinatedSections().stream().map(Enum::name).toArray(String[]::new);
        return sections.length > 0 && certifications.trainsInAnyOf(trainerId, sections);
    }
}
