package org.uclg.learning.reporting;

import org.junit.jupiter.api.Test;
import org.uclg.learning.cohorts.CohortKind;
import org.uclg.learning.people.RegionalSection;
import org.uclg.learning.people.Role;
import org.uclg.learning.people.UserAccess;
import org.uclg.learning.shared.ForbiddenException;
import org.uclg.learning.shared.ProblemException;
import org.uclg.learning.shared.ValidationException;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReportFilterTest {
    private static final LocalDate TODAY = LocalDate.of(2026, 12, 2);

    @Test
    void withoutDatesAReportCoversTheLast365Days() {
        ReportFilter f = ReportFilter.parse(null, null, null, null, null, null, TODAY);
        assertEquals(TODAY, f.to());
        assertEquals(LocalDate.of(2025, 12, 3), f.from());
        assertNull(f.regionalSection());
    }

    @Test
    void parametersAreReadLeniently() {
        ReportFilter f = ReportFilter.parse(" africa ", "2025-01-01", "2025-12-31", "sdg-1", "tot", "FR", TODAY);
        assertEquals(RegionalSection.AFRICA, f.regionalSection());
        assertEquals("SDG-1", f.module());
        assertEquals(CohortKind.TOT, f.kind());
        assertEquals("fr", f.language());
    }

    @Test
    void everyBadParameterIsNamedAtOnce() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> ReportFilter.parse("MARS", "2025-02-30", "soon", "a b", "LECTURE", "de", TODAY));
        assertEquals(List.of("regionalSection", "to", "from", "module", "kind", "language"),
                e.errors().stream().map(ProblemException.FieldError::field).toList());
        assertEquals(400, e.status());
    }

    @Test
    void fromAfterToAndOverlongPeriodsAreRejected() {
        assertEquals("from", assertThrows(ValidationException.class,
                () -> ReportFilter.parse(null, "2025-02-01", "2025-01-01", null, null, null, TODAY)).errors().get(0).field());
        assertEquals("to", assertThrows(ValidationException.class,
                () -> ReportFilter.parse(null, "2000-01-01", "2025-01-01", null, null, null, TODAY)).errors().get(0).field());
    }

    @Test
    void smallCountsAreHiddenAtTheThreshold() {
        Privacy p = new Privacy(5);
        assertEquals("<5", p.people(0));
        assertEquals("<5", p.people(4));
        assertEquals(5L, p.people(5));
        assertEquals("<10", new Privacy(10).people(9));
    }

    private static UserAccess access(Set<Role> roles, Set<RegionalSection> coordinated) {
        return new UserAccess(UUID.randomUUID(), roles, coordinated);
    }

    @Test
    void scopesFollowTheRoles() {
        ReportScope admin = ReportScope.of(access(EnumSet.of(Role.ADMIN), Set.of()), null);
        assertNull(admin.regionalSections());
        assertNull(admin.trainerId());
        ReportScope world = ReportScope.of(access(EnumSet.of(Role.SECTION_COORDINATOR), EnumSet.of(RegionalSection.WORLD)), RegionalSection.LATAM);
        assertEquals(EnumSet.of(RegionalSection.LATAM), world.regionalSections());
        UserAccess europe = access(EnumSet.of(Role.SECTION_COORDINATOR), EnumSet.of(RegionalSection.EUROPE));
        assertEquals(EnumSet.of(RegionalSection.EUROPE), ReportScope.of(europe, null).regionalSections());
        assertThrows(ForbiddenException.class, () -> ReportScope.of(europe, RegionalSection.AFRICA));
        UserAccess trainer = access(EnumSet.of(Role.LEARNER, Role.TRAINER), Set.of());
        assertEquals(trainer.userId(), ReportScope.of(trainer, null).trainerId());
        assertThrows(ForbiddenException.class, () -> ReportScope.of(access(EnumSet.of(Role.LEARNER), Set.of()), null));
    }
}
