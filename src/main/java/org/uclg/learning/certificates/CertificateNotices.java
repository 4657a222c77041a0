package org.uclg.learning.certificates;

import jakarta.inject.Singleton;
import org.uclg.learning.notifications.MailAttachment;
import org.uclg.learning.notifications.NotificationKind;
import org.uclg.learning.notifications.NotificationsApi;
import org.uclg.learning.people.PeopleApi;
import org.uclg.learning.shared.PublicUrl;

import java.util.Map;

/**
 * Tells the holder about their certificate, in the transaction that issued or revoked it: issued
 * (with the PDF attached and the verification link) and revoked (with the reason). One message per
 * certificate and kind.
 */
@Singleton
class CertificateNotices {
    private final NotificationsApi notifications;
    private final PeopleApi people;
    private final PublicUrl publicUrl;

    CertificateNotices(NotificationsApi notifications, PeopleApi people, PublicUrl publicUrl) {
        this.notifications = notifications;
        this.people = people;
        this.publicUrl = publicUrl;
    }

    void issued(Certificate c, byte[] pdf) {
        notifications.notify(people.recipient(c.learnerId()), NotificationKind.CERTIFICATE_ISSUED, "certificate:" + c.id(),
                values(c), new MailAttachment("certificate-" + VerificationCode.display(c.code()) + ".pdf", "application/pdf", pdf));
    }

    void revoked(Certificate c) {
        Map<String, Object> values = new java.util.HashMap<>(values(c));
        values.put("reason", c.revokedReason() == null ? "" : c.revokedReason());
        notifications.notify(people.recipient(c.learnerId()), NotificationKind.CERTIFICATE_REVOKED, "certificate:" + c.id(),
                values, null);
    }

    private Map<String, Object> values(Certificate c) {
        return Map.of("title", c.moduleTitle(), "code", VerificationCode.display(c.code()),
                "link", Certificate.verifyUrl(publicUrl.base(), c.code()));
    }
}
