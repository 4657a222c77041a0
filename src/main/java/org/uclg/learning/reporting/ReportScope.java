package org.uclg.learning.reporting;

import io.micronaut.core.annotation.Nullable;
import org.uclg.learning.people.RegionalSection;
import org.uclg.learning.people.Role;
import org.uclg.learning.people.UserAccess;
import org.uclg.learning.shared.ForbiddenException;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

/**
 * What a caller's report may count: the regional sections (null = every one) and, for a trainer,
 * only the cohorts they lead ({@code trainerId} set). Resolved from the roles stored now.
 */
public record ReportScope(@Nullable Set<RegionalSection> regionalSections, @Nullable UUID trainerId) {

    boolean everySection() {
        return regionalSections == null;
    }

    static ReportScope of(UserAccess who, @Nullable RegionalSection asked) {
        if (who.isAdmin() || who.coordinates(RegionalSection.WORLD)) {
            return new ReportScope(asked == null ? null : EnumSet.of(asked), null);
        }
        Set<RegionalSection> own = who.coordinatedSections();
        if (!own.isEmpty() && (asked == null || own.contains(asked))) {
            return new ReportScope(asked == null ? EnumSet.copyOf(own) : EnumSet.of(asked), null);
        }
        if (who.hasRole(Role.TRAINER)) {
            return new ReportScope(asked == null ? null : EnumSet.of(asked), who.userId());
        }
        if (!own.isEmpty()) {
            throw new ForbiddenException("a section coordinator sees the reports of their own regional section only");
        }
        throw new ForbiddenException("reports are for trainers, section coordinators and admins");
    }
}
