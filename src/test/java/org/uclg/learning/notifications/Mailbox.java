package org.uclg.learning.notifications;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real SMTP server (GreenMail) in the test JVM on a free port, and the messages it received,
 * taken apart with Jakarta Mail: recipient, subject, text and HTML parts, attachments.
 */
final class Mailbox {
    record Received(String to, String subject, String text, String html, Map<String, byte[]> attachments) {
        /** The one-time token a message carries: the line of 43 URL-safe Base64 characters. */
        String token() {
            Matcher m = Pattern.compile("(?m)^([A-Za-z0-9_-]{43})$").matcher(text);
            if (!m.find()) {
                throw new AssertionError("no token in: " + text);
            }
            return m.group(1);
        }
    }

    private GreenMail server;
    private int port;

    Mailbox() {
        server = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP).dynamicPort());
        server.start();
        port = server.getSmtp().getPort();
    }

    int port() {
        return port;
    }

    /** Stops accepting mail (a broken SMTP server); what was received is dropped. */
    void stop() {
        server.stop();
    }

    /** Starts again on the same port. */
    void start() {
        server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
    }

    List<Received> to(String email) {
        List<Received> found = new ArrayList<>();
        for (MimeMessage m : server.getReceivedMessages()) {
            try {
                boolean mine = Arrays.stream(m.getAllRecipients()).anyMatch(a -> a.toString().equalsIgnoreCase(email));
                if (mine) {
                    Received r = new Received(email, m.getSubject(), null, null, new java.util.LinkedHashMap<>());
                    String[] bodies = new String[2];
                    walk(m, bodies, r.attachments());
                    found.add(new Received(email, m.getSubject(), bodies[0], bodies[1], r.attachments()));
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return found;
    }

    private static void walk(Part part, String[] bodies, Map<String, byte[]> attachments) throws Exception {
        if (part.isMimeType("multipart/*")) {
            Multipart mp = (Multipart) part.getContent();
            for (int i = 0; i < mp.getCount(); i++) {
                BodyPart p = mp.getBodyPart(i);
                walk(p, bodies, attachments);
            }
        } else if (part.getFileName() != null) {
            try (InputStream in = part.getInputStream()) {
                attachments.put(part.getFileName(), in.readAllBytes());
            }
        } else if (part.isMimeType("text/plain")) {
            bodies[0] = (String) part.getContent();
        } else if (part.isMimeType("text/html")) {
            bodies[1] = (String) part.getContent();
        } else {
            throw new IOException("unexpected part " + part.getContentType());
        }
    }
}
