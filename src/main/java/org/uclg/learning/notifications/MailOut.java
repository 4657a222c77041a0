package org.uclg.learning.notifications;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.annotation.Value;
import io.micronaut.email.Attachment;
import io.micronaut.email.Contact;
import io.micronaut.email.Email;
import io.micronaut.email.MultipartBody;
import io.micronaut.email.TransactionalEmailSender;
import io.micronaut.email.javamail.composer.MessageComposer;
import jakarta.inject.Singleton;
import jakarta.mail.Message;
import jakarta.mail.Session;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.UUID;

/**
 * Sends one message: over SMTP with Micronaut Email's Jakarta Mail sender when an SMTP host is
 * set ({@link SmtpSession}), otherwise as an {@code .eml} file in {@code learning.notifications.mail-dir}
 * with one log line, so a developer sees what would have been sent. A failure is thrown to the worker,
 * which retries.
 */
@Singleton
class MailOut {
    private static final Logger LOG = LoggerFactory.getLogger(MailOut.class);

    /** A message as the outbox holds it. */
    record Mail(UUID id, String to, String subject, String text, String html, MailAttachment attachment) {
    }

    private final BeanProvider<TransactionalEmailSender<Message, Void>> smtp;
    private final MessageComposer composer;
    private final NotificationsProperties properties;
    private final boolean smtpSet;
    /** Where a relative mail-dir is resolved: the project under {@code ./mvnw mn:run} (whose working directory is target/). */
    private final Path baseDirectory;

    MailOut(BeanProvider<TransactionalEmailSender<Message, Void>> smtp, MessageComposer composer,
            NotificationsProperties properties, @Value("${" + SmtpSession.HOST + ":}") String smtpHost,
            @Value("${learning.embedded-db.base-dir:}") String baseDirectory) {
        this.baseDirectory = Path.of(baseDirectory);
        this.smtp = smtp;
        this.smtpSet = !smtpHost.isBlank();
        this.composer = composer;
        this.properties = properties;
    }

    void send(Mail mail) throws Exception {
        Email.Builder email = Email.builder()
                .from(new Contact(properties.from(), properties.fromName()))
                .to(mail.to())
                .subject(mail.subject())
                .body(new MultipartBody(mail.html(), mail.text()));
        if (mail.attachment() != null) {
            email.attachment(Attachment.builder().filename(mail.attachment().filename())
                    .contentType(mail.attachment().contentType()).content(mail.attachment().content()).build());
        }
        if (smtpSet) {
            smtp.get().send(email.build(), m -> { });
            return;
        }
        Message message = composer.compose(email.build(), Session.getInstance(new Properties()));
        Path dir = baseDirectory.resolve(properties.mailDir());
        Files.createDirectories(dir);
        Path file = dir.resolve(mail.id() + ".eml");
        try (OutputStream out = Files.newOutputStream(file)) {
            message.writeTo(out);
        } catch (IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        LOG.info("No SMTP host set: wrote the mail \"{}\" to {} as {}", mail.subject(), mail.to(), file);
    }
}
