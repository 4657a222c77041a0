package org.uclg.learning.notifications;

/** A file sent with a notification (a certificate's PDF), stored with it in the outbox until sent. */
public record MailAttachment(String filename, String contentType, byte[] content) {
}
