package org.uclg.learning.cohorts;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.uclg.learning.people.UserAccess;
import org.uclg.learning.shared.ForbiddenException;
import org.uclg.learning.shared.NotFoundException;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The one access policy for a cohort and everything inside it (enrollments, progress,
 * certificates, a cohort's events): admins, coordinators of the host regional section and the
 * cohort's own trainers manage it; anyone sees a cohort that has not ended. A caller who cannot
 * even see a thing gets 404 (its existence is private), one who sees it but may not change it 403.
 */
@Singleton
public class CohortAccess {
    /** What a caller may do with a cohort. */
    public enum Level { NONE, SEE, MANAGE }

    private final Clock clock;

    CohortAccess(Clock clock) {
        this.clock = clock;
    }

    /** The rule itself, free of time and storage so it can be tested alone. */
    static Level level(@Nullable UserAccess who, CohortResponse cohort, LocalDate today) {
        if (who != null && (who.isAdmin() || who.coordinates(cohort.regionalSection()) || cohort.trainerIds().contains(who.userId()))) {
            return Level.MANAGE;
        }
        return cohort.isOpen(today) ? Level.SEE : Level.NONE;
    }

    public Level level(@Nullable UserAccess who, CohortResponse cohort) {
        return level(who, cohort, LocalDate.now(clock));
    }

    public boolean canManage(UserAccess who, CohortResponse cohort) {
        return level(who, cohort) == Level.MANAGE;
    }

    /** The cohort, if the caller manages it: 403 if they only see it, 404 if not even that. */
    public CohortResponse requireManager(UserAccess who, CohortResponse cohort, String what) {
        Level level = level(who, cohort);
        if (level == Level.NONE) {
            throw new NotFoundException("cohort", cohort.id());
        }
        if (level == Level.SEE) {
            throw new ForbiddenException("only the cohort's trainers, coordinators of its regional section and admins see or change " + what);
        }
        return cohort;
    }

    /** The cohort, if the caller sees it; 404 otherwise. */
    public CohortResponse requireVisible(@Nullable UserAccess who, CohortResponse cohort) {
        if (level(who, cohort) == Level.NONE) {
            throw new NotFoundException("cohort", cohort.id());
        }
        return cohort;
    }

    /**
     * Something inside a cohort that belongs to one person (an enrollment, a certificate): its holder
     * and whoever manages the cohort reach it; everyone else gets 404. With no cohort, admins only.
     * Returns whether the caller reached it as a manager.
     */
    public boolean requireHolderOrManager(UserAccess who, @Nullable CohortResponse cohort, UUID holderId,
                                          String what, Object id) {
        boolean manager = managesOrAdmin(who, cohort);
        if (!manager && !holderId.equals(who.userId())) {
            throw new NotFoundException(what, id);
        }
        return manager;
    }

    /**
     * A manager's step on something inside a cohort whose existence is private (issuing or revoking
     * a certificate): everyone but the cohort's managers gets 404. With no cohort, admins only.
     */
    public void requireManagerOf(UserAccess who, @Nullable CohortResponse cohort, String what, Object id) {
        if (!managesOrAdmin(who, cohort)) {
            throw new NotFoundException(what, id);
        }
    }

    private boolean managesOrAdmin(UserAccess who, @Nullable CohortResponse cohort) {
        return cohort == null ? who.isAdmin() : canManage(who, cohort);
    }
}
