package org.uclg.learning.people;

import jakarta.inject.Singleton;
import org.uclg.learning.notifications.NotificationKind;
import org.uclg.learning.notifications.NotificationsApi;
import org.uclg.learning.notifications.Recipient;
import org.uclg.learning.shared.Messages;
import org.uclg.learning.shared.PublicUrl;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;

/**
 * The messages about an account itself: the invitation to claim an account someone else created,
 * and a password reset. Both carry a one-time token; the cause is the token's hash, so each token
 * is mailed once.
 */
@Singleton
class AccountNotices {
    static final String CLAIM_PATH = "/api/v1/auth/claim";
    static final String RESET_CONFIRM_PATH = "/api/v1/auth/password-reset/confirm";

    private final NotificationsApi notifications;
    private final PublicUrl publicUrl;

    AccountNotices(NotificationsApi notifications, PublicUrl publicUrl) {
        this.notifications = notifications;
        this.publicUrl = publicUrl;
    }

    static Recipient recipient(User user) {
        return new Recipient(user.id(), user.email(), user.preferredLanguage(), user.fullName());
    }

    void invitation(User user, AccountTokens.Issued claim, String inviter) {
        notifications.notify(recipient(user), NotificationKind.INVITATION, cause(claim), Map.of(
                "inviter", inviter,
                "token", claim.token(),
                "expiresOn", Messages.date(user.preferredLanguage(), claim.expiresAt().atOffset(ZoneOffset.UTC).toLocalDate()),
                "link", publicUrl.base() + CLAIM_PATH,
                "claimPath", CLAIM_PATH), null);
    }

    void passwordReset(User user, AccountTokens.Issued reset) {
        String when = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.LONG, FormatStyle.SHORT)
                .withLocale(Locale.forLanguageTag(user.preferredLanguage()))
                .format(reset.expiresAt().atOffset(ZoneOffset.UTC).toLocalDateTime()) + " UTC";
        notifications.notify(recipient(user), NotificationKind.PASSWORD_RESET, cause(reset), Map.of(
                "token", reset.token(),
                "expiresAt", when,
                "link", publicUrl.base() + RESET_CONFIRM_PATH,
                "confirmPath", RESET_CONFIRM_PATH), null);
    }

    private static String cause(AccountTokens.Issued token) {
        return "token:" + AccountTokens.hash(token.token()).substring(0, 32);
    }
}
