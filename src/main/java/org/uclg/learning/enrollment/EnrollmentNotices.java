package org.uclg.learning.enrollment;

import jakarta.inject.Singleton;
import org.uclg.learning.cohorts.CohortResponse;
import org.uclg.learning.cohorts.CohortsApi;
import org.uclg.learning.notifications.NotificationKind;
import org.uclg.learning.notifications.NotificationsApi;
import org.uclg.learning.notifications.Recipient;
import org.uclg.learning.people.PeopleApi;
import org.uclg.learning.shared.Messages;
import org.uclg.learning.shared.PublicUrl;

import java.util.Map;

/**
 * Tells a learner what happened to their place, in the transaction that changed it: enrolled,
 * application received, accepted or rejected, waitlisted, promoted from the waitlist. One message
 * per enrollment and kind.
 */
@Singleton
public class EnrollmentNotices {
    private final NotificationsApi notifications;
    private final PeopleApi people;
    private final CohortsApi cohorts;
    private final PublicUrl publicUrl;

    EnrollmentNotices(NotificationsApi notifications, PeopleApi people, CohortsApi cohorts, PublicUrl publicUrl) {
        this.notifications = notifications;
        this.people = people;
        this.cohorts = cohorts;
        this.publicUrl = publicUrl;
    }

    /** The message a new place (self-enrolment, enrolment by staff, a roster import) calls for. */
    public void placed(Enrollment e, CohortResponse cohort) {
        NotificationKind kind = switch (e.status()) {
            case APPLIED -> NotificationKind.APPLICATION_RECEIVED;
            case WAITLISTED -> NotificationKind.WAITLISTED;
            default -> NotificationKind.ENROLLED;
        };
        send(e, cohort, kind);
    }

    void accepted(Enrollment e, CohortResponse cohort) {
        send(e, cohort, e.status() == EnrollmentStatus.WAITLISTED ? NotificationKind.WAITLISTED : NotificationKind.APPLICATION_ACCEPTED);
    }

    void rejected(Enrollment e, CohortResponse cohort) {
        send(e, cohort, NotificationKind.APPLICATION_REJECTED);
    }

    void promoted(Enrollment e) {
        send(e, cohorts.cohort(e.cohortId()), NotificationKind.PROMOTED);
    }

    private void send(Enrollment e, CohortResponse cohort, NotificationKind kind) {
        Recipient to = people.recipient(e.learnerId());
        String link = kind == NotificationKind.APPLICATION_REJECTED
                ? publicUrl.base() + "/api/v1/cohorts?module=" + cohort.moduleCode()
                : publicUrl.base() + "/api/v1/enrollments/" + e.id() + "/progress";
        notifications.notify(to, kind, "enrollment:" + e.id(), Map.of(
                "cohort", cohort.title() == null ? cohort.moduleCode() : cohort.title(),
                "module", cohort.moduleCode(),
                "startsOn", Messages.date(to.language(), cohort.startsOn()),
                "link", link), null);
    }
}
