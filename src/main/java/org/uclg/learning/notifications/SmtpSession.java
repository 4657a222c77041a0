package org.uclg.learning.notifications;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.email.javamail.sender.SessionProvider;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;

import java.util.Properties;

/**
 * The SMTP server from our own settings ({@code learning.notifications.smtp.*}, each with an
 * environment variable), as the mail session of Micronaut Email's Jakarta Mail sender. Without a
 * host, {@link MailOut} writes {@code .eml} files instead and never asks for the sender.
 */
@Factory
class SmtpSession {
    static final String HOST = "learning.notifications.smtp.host";

    @Singleton
    @Bean(typed = SessionProvider.class)
    @Requires(property = HOST, pattern = ".+")
    SessionProvider smtp(@Value("${" + HOST + "}") String host,
                         @Value("${learning.notifications.smtp.port:587}") int port,
                         @Value("${learning.notifications.smtp.starttls:true}") boolean starttls,
                         @Value("${learning.notifications.smtp.username:}") String username,
                         @Value("${learning.notifications.smtp.timeout:10s}") java.time.Duration timeout,
                         @Value("${learning.notifications.smtp.password:}") String password) {
        Properties p = new Properties();
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", host);
        p.put("mail.smtp.port", Integer.toString(port));
        p.put("mail.smtp.starttls.enable", Boolean.toString(starttls));
        p.put("mail.smtp.auth", Boolean.toString(!username.isBlank()));
        // a hung server must not hold the worker (and the outbox row's lock) for ever
        String millis = Long.toString(timeout.toMillis());
        p.put("mail.smtp.connectiontimeout", millis);
        p.put("mail.smtp.timeout", millis);
        p.put("mail.smtp.writetimeout", millis);
        Session session = username.isBlank() ? Session.getInstance(p) : Session.getInstance(p, new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(username, password);
            }
        });
        return () -> session;
    }
}
