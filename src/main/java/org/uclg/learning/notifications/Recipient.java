package org.uclg.learning.notifications;

import java.util.UUID;

/** Who a notification goes to: the account, its email, its preferred language (en/es/fr) and the name to greet. */
public record Recipient(UUID userId, String email, String language, String name) {
}
