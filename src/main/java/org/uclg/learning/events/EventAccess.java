package org.uclg.learning.events;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.uclg.learning.cohorts.CohortAccess;
import org.uclg.learning.cohorts.CohortResponse;
import org.uclg.learning.people.RegionalSection;
import org.uclg.learning.people.UserAccess;
import org.uclg.learning.shared.ForbiddenException;
import org.uclg.learning.shared.NotFoundException;

import java.util.Collection;
import java.util.UUID;

/**
 * The one access policy for an event and everything inside it (registrations, attendance, its
 * check-in code). Its organisers manage it: admins, coordinators of the host regional section, the
 * people named as its organisers, and, for an event of a cohort, whoever manages that cohort
 * ({@link CohortAccess}). Anyone sees a published or cancelled event; a draft exists only for its
 * organisers. A caller who cannot even see an event gets 404, one who sees it but may not change it 403.
 */
@Singleton
public class EventAccess {
    /** What a caller may do with an event. */
    public enum Level { NONE, SEE, MANAGE }

    private final CohortAccess cohorts;

    EventAccess(CohortAccess cohorts) {
        this.cohorts = cohorts;
    }

    /** The rule itself, free of storage so it can be tested alone. */
    static Level level(@Nullable UserAccess who, RegionalSection host, EventStatus status, Collection<UUID> organiserIds,
                       boolean managesCohort) {
        if (who != null && (who.isAdmin() || who.coordinates(host) || organiserIds.contains(who.userId()) || managesCohort)) {
            return Level.MANAGE;
        }
        return status == EventStatus.DRAFT ? Level.NONE : Level.SEE;
    }

    /**
     * Who may create an event hosted by a regional section: admins and its coordinators; for an event
     * of a cohort also whoever manages the cohort (its trainers).
     */
    static boolean mayCreate(UserAccess who, RegionalSection host, boolean managesCohort) {
        return who.isAdmin() || who.coordinates(host) || managesCohort;
    }

    public Level level(@Nullable UserAccess who, EventResponse event, @Nullable CohortResponse cohort) {
        boolean managesCohort = who != null && cohort != null && cohorts.canManage(who, cohort);
        return level(who, event.regionalSection(), event.status(), event.organiserIds(), managesCohort);
    }

    boolean mayCreate(UserAccess who, RegionalSection host, @Nullable CohortResponse cohort) {
        return mayCreate(who, host, cohort != null && cohorts.canManage(who, cohort));
    }

    /** 404 unless the caller sees the event. */
    static void requireVisible(Level level, UUID eventId) {
        if (level == Level.NONE) {
            throw new NotFoundException("event", eventId);
        }
    }

    /** 404 if the caller does not even see the event, 403 if they see but do not organise it. */
    static void requireManager(Level level, UUID eventId, String what) {
        requireVisible(level, eventId);
        if (level != Level.MANAGE) {
            throw new ForbiddenException("only the event's organisers (admins, coordinators of its regional section, "
                    + "its named organisers and the managers of its cohort) " + what);
        }
    }
}
