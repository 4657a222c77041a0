package org.uclg.learning.events;

import org.junit.jupiter.api.Test;
import org.uclg.learning.people.RegionalSection;
import org.uclg.learning.people.Role;
import org.uclg.learning.people.UserAccess;

import java.util.List;
import java.util.Set;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uclg.learning.events.EventAccess.Level.MANAGE;
import static org.uclg.learning.events.EventAccess.Level.NONE;
import static org.uclg.learning.events.EventAccess.Level.SEE;

class EventAccessTest {
    private static final UUID ME = UUID.randomUUID();

    private static UserAccess who(Set<Role> roles, Set<RegionalSection> coordinated) {
        return new UserAccess(ME, roles, coordinated);
    }

    private static final UserAccess LEARNER = who(Set.of(Role.LEARNER), Set.of());
    private static final UserAccess ADMIN = who(Set.of(Role.LEARNER, Role.ADMIN), Set.of());
    private static final UserAccess AFRICA = who(Set.of(Role.LEARNER, Role.SECTION_COORDINATOR), Set.of(RegionalSection.AFRICA));
    private static final UserAccess TRAINER = who(Set.of(Role.LEARNER, Role.TRAINER), Set.of());

    @Test
    void aDraftExistsOnlyForItsOrganisers() {
        assertEquals(NONE, EventAccess.level(null, RegionalSection.AFRICA, EventStatus.DRAFT, List.of(), false));
        assertEquals(NONE, EventAccess.level(LEARNER, RegionalSection.AFRICA, EventStatus.DRAFT, List.of(), false));
        assertEquals(NONE, EventAccess.level(who(Set.of(Role.SECTION_COORDINATOR), Set.of(RegionalSection.LATAM)),
                RegionalSection.AFRICA, EventStatus.DRAFT, List.of(), false));
        assertEquals(MANAGE, EventAccess.level(AFRICA, RegionalSection.AFRICA, EventStatus.DRAFT, List.of(), false));
        assertEquals(MANAGE, EventAccess.level(ADMIN, RegionalSection.AFRICA, EventStatus.DRAFT, List.of(), false));
        assertEquals(MANAGE, EventAccess.level(LEARNER, RegionalSection.AFRICA, EventStatus.DRAFT, List.of(ME), false));
        assertEquals(MANAGE, EventAccess.level(TRAINER, RegionalSection.AFRICA, EventStatus.DRAFT, List.of(), true));
    }

    @Test
    void publishedAndCancelledEventsArePublicToSee() {
        assertEquals(SEE, EventAccess.level(null, RegionalSection.AFRICA, EventStatus.PUBLISHED, List.of(), false));
        assertEquals(SEE, EventAccess.level(TRAINER, RegionalSection.AFRICA, EventStatus.CANCELLED, List.of(), false));
        assertEquals(MANAGE, EventAccess.level(AFRICA, RegionalSection.AFRICA, EventStatus.CANCELLED, List.of(), false));
    }

    @Test
    void adminsCoordinatorsOfTheHostAndTrainersOfTheirCohortsCreate() {
        assertTrue(EventAccess.mayCreate(ADMIN, RegionalSection.MEWA, false));
        assertTrue(EventAccess.mayCreate(AFRICA, RegionalSection.AFRICA, false));
        assertFalse(EventAccess.mayCreate(AFRICA, RegionalSection.EUROPE, false));
        assertFalse(EventAccess.mayCreate(TRAINER, RegionalSection.AFRICA, false));
        assertTrue(EventAccess.mayCreate(TRAINER, RegionalSection.AFRICA, true));
        assertFalse(EventAccess.mayCreate(LEARNER, RegionalSection.AFRICA, false));
    }

    @Test
    void aCheckInCodeIsTypedInAnyCaseWithSpacesOrDashes() {
        String code = CheckInCode.generate();
        assertTrue(code.matches("[" + CheckInCode.ALPHABET + "]{6}"));
        assertTrue(CheckInCode.matches(code, " " + code.substring(0, 3).toLowerCase() + "-" + code.substring(3) + " "));
        assertFalse(CheckInCode.matches(code, code.substring(1)));
    }
}
