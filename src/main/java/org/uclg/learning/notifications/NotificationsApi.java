package org.uclg.learning.notifications;

import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.util.Map;

/**
 * Tells a person what happened: the message is rendered in the recipient's language and written to
 * the outbox inside the caller's transaction (so a change that rolls back sends nothing, and one
 * that commits cannot lose its message); the worker sends it after the commit. A recipient gets at
 * most one message per kind and cause (e.g. {@code enrollment:<id>}): a second call is ignored.
 */
@Singleton
public class NotificationsApi {
    private final Outbox outbox;
    private final ApplicationEventPublisher<NotificationQueued> events;
    private final Clock clock;

    NotificationsApi(Outbox outbox, ApplicationEventPublisher<NotificationQueued> events, Clock clock) {
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Queues a notification. {@code values} fill the named arguments of the kind's texts;
     * {@code attachment} (a certificate's PDF) is sent with it. Must run in the transaction of the change.
     */
    @Transactional(propagation = TransactionDefinition.Propagation.MANDATORY)
    public void notify(Recipient to, NotificationKind kind, String cause, Map<String, Object> values,
                       @Nullable MailAttachment attachment) {
        MailText.Rendered text = MailText.render(kind, to.language(), to.name(), values);
        if (outbox.add(to, kind, cause, text, attachment, clock.instant())) {
            events.publishEvent(new NotificationQueued(1));
        }
    }
}
