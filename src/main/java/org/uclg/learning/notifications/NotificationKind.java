package org.uclg.learning.notifications;

/**
 * What a notification tells its recipient. Each kind has its texts in the message bundles under
 * {@code notification.<key>.subject} and {@code notification.<key>.body}. {@link #secret} kinds carry
 * a one-time token: their bodies are wiped from the outbox once sent or finally failed.
 */
public enum NotificationKind {
    ENROLLED("enrolled", false),
    APPLICATION_RECEIVED("applicationReceived", false),
    APPLICATION_ACCEPTED("applicationAccepted", false),
    APPLICATION_REJECTED("applicationRejected", false),
    WAITLISTED("waitlisted", false),
    PROMOTED("promoted", false),
    CERTIFICATE_ISSUED("certificateIssued", false),
    CERTIFICATE_REVOKED("certificateRevoked", false),
    INVITATION("invitation", true),
    PASSWORD_RESET("passwordReset", true);

    final String key;
    final boolean secret;

    NotificationKind(String key, boolean secret) {
        this.key = key;
        this.secret = secret;
    }
}
