package org.uclg.learning.cohorts;

import org.junit.jupiter.api.Test;
import org.uclg.learning.people.RegionalSection;
import org.uclg.learning.people.Role;
import org.uclg.learning.people.UserAccess;
import org.uclg.learning.shared.ForbiddenException;
import org.uclg.learning.shared.NotFoundException;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CohortAccessTest {
    private static final LocalDate TODAY = LocalDate.of(2027, 3, 1);
    private static final UUID TRAINER = UUID.randomUUID();
    private final CohortAccess access = new CohortAccess(Clock.fixed(Instant.parse("2027-03-01T12:00:00Z"), ZoneOffset.UTC));

    private static CohortResponse cohort(LocalDate endsOn) {
        return new CohortResponse(UUID.randomUUID(), "RES-1", CohortKind.WORKSHOP, "en", "Resilience workshop", endsOn.minusDays(30),
                endsOn, 16, EnrollmentPolicy.OPEN, RegionalSection.ASPAC, List.of(TRAINER), 3, 13,
                Instant.parse("2027-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"));
    }

    private static UserAccess person(UUID id, Set<Role> roles, Set<RegionalSection> coordinates) {
        return new UserAccess(id, roles, coordinates);
    }

    private static final UserAccess LEARNER = person(UUID.randomUUID(), Set.of(Role.LEARNER), Set.of());
    private static final UserAccess ADMIN = person(UUID.randomUUID(), Set.of(Role.ADMIN), Set.of());
    private static final UserAccess ITS_TRAINER = person(TRAINER, Set.of(Role.TRAINER), Set.of());
    private static final UserAccess OTHER_TRAINER = person(UUID.randomUUID(), Set.of(Role.TRAINER), Set.of());
    private static final UserAccess ASPAC = person(UUID.randomUUID(), Set.of(Role.SECTION_COORDINATOR), Set.of(RegionalSection.ASPAC));
    private static final UserAccess AFRICA = person(UUID.randomUUID(), Set.of(Role.SECTION_COORDINATOR), Set.of(RegionalSection.AFRICA));

    @Test
    void adminsCoordinatorsOfTheHostSectionAndTheCohortsTrainersManageIt() {
        CohortResponse running = cohort(TODAY.plusDays(10));
        for (UserAccess manager : List.of(ADMIN, ITS_TRAINER, ASPAC)) {
            assertEquals(CohortAccess.Level.MANAGE, CohortAccess.level(manager, running, TODAY));
        }
        for (UserAccess other : List.of(LEARNER, OTHER_TRAINER, AFRICA)) {
            assertEquals(CohortAccess.Level.SEE, CohortAccess.level(other, running, TODAY));
        }
        assertEquals(CohortAccess.Level.SEE, CohortAccess.level(null, running, TODAY), "anonymous callers see an open cohort");
    }

    @Test
    void anEndedCohortIsInvisibleToAllButItsManagers() {
        CohortResponse ended = cohort(TODAY.minusDays(1));
        assertEquals(CohortAccess.Level.NONE, CohortAccess.level(LEARNER, ended, TODAY));
        assertEquals(CohortAccess.Level.NONE, CohortAccess.level(null, ended, TODAY));
        assertEquals(CohortAccess.Level.MANAGE, CohortAccess.level(ASPAC, ended, TODAY));
        assertEquals(CohortAccess.Level.SEE, CohortAccess.level(LEARNER, cohort(TODAY), TODAY), "open through its last day");
    }

    @Test
    void strangersGet404AndOnlookers403() {
        assertThrows(NotFoundException.class, () -> access.requireManager(LEARNER, cohort(TODAY.minusDays(1)), "its roster"));
        assertThrows(ForbiddenException.class, () -> access.requireManager(LEARNER, cohort(TODAY.plusDays(1)), "its roster"));
        assertEquals(TRAINER, access.requireManager(ITS_TRAINER, cohort(TODAY.minusDays(1)), "its roster").trainerIds().get(0));
    }

    @Test
    void whatBelongsToOnePersonReachesItsHolderAndTheManagersOnly() {
        CohortResponse running = cohort(TODAY.plusDays(5));
        assertFalse(access.requireHolderOrManager(LEARNER, running, LEARNER.userId(), "enrollment", "e1"));
        assertTrue(access.requireHolderOrManager(ASPAC, running, LEARNER.userId(), "enrollment", "e1"));
        assertThrows(NotFoundException.class, () -> access.requireHolderOrManager(AFRICA, running, LEARNER.userId(), "enrollment", "e1"));
        assertThrows(NotFoundException.class, () -> access.requireHolderOrManager(OTHER_TRAINER, running, LEARNER.userId(), "enrollment", "e1"));
        assertThrows(NotFoundException.class, () -> access.requireHolderOrManager(ASPAC, null, LEARNER.userId(), "certificate", "c1"),
                "without a cohort only admins manage");
        assertTrue(access.requireHolderOrManager(ADMIN, null, LEARNER.userId(), "certificate", "c1"));
        assertThrows(NotFoundException.class, () -> access.requireManagerOf(LEARNER, running, "certificate", "c1"),
                "the holder may read, not revoke");
    }
}
