package org.uclg.learning.events;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.uclg.learning.support.Api;
import org.uclg.learning.support.IntegrationBase;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uclg.learning.events.EventBodies.published;
import static org.uclg.learning.events.EventBodies.webinar;
import static org.uclg.learning.events.EventBodies.with;

/** Attendance certificates: issued once through the certificates queue, in the attendee's language, verifiable. */
@MicronautTest(transactional = false)
class EventCertificatesIT extends IntegrationBase {

    private List<Map<String, Object>> awaitCertificates(String token, int count) {
        long until = System.currentTimeMillis() + 30_000;
        while (true) {
            List<Map<String, Object>> list = api.get("/api/v1/certificates", token).jsonList();
            if (list.size() >= count || System.currentTimeMillis() > until) {
                assertEquals(count, list.size(), "certificates issued");
                return list;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Test
    void attendingAnEventThatGrantsCertificatesIssuesOneVerifiableCertificateInTheAttendeesLanguage() throws Exception {
        String admin = fx.admin();
        Map<String, Object> body = with(webinar(Instant.now().minus(10, ChronoUnit.MINUTES), null), "grantsCertificate", true,
                "format", "HYBRID", "venue", Map.of("name", "CICAD", "city", "Diamniadio", "country", "SN"));
        String event = published(api, body, admin);
        Api.Account learner = fx.learner("attendee");   // preferred language fr

        Api.Response marked = api.post("/api/v1/events/" + event + "/attendance", Map.of("userId", learner.id()), admin);
        assertEquals(200, marked.status(), marked.body());
        Map<String, Object> certificate = awaitCertificates(learner.token(), 1).get(0);
        assertEquals("EVENT_ATTENDANCE", certificate.get("kind"));
        assertEquals("VALID", certificate.get("status"));
        assertEquals("fr", certificate.get("language"));
        assertEquals("Localiser les ODD dans les villes secondaires", certificate.get("moduleTitle"));
        assertEquals("AFRICA", certificate.get("regionalSection"));
        assertTrue(((String) certificate.get("cohortTitle")).startsWith("En présentiel, CICAD, Diamniadio, S"), certificate.toString());

        Api.Response verified = api.get("/api/v1/verify/" + certificate.get("code"), null);
        assertEquals(200, verified.status(), verified.body());
        assertTrue(verified.body().contains("VALID"), verified.body());
        assertTrue(verified.body().contains("Localiser les ODD dans les villes secondaires"), verified.body());

        Api.Response page = api.get("/verify/" + certificate.get("code") + "?lang=fr", null);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Événement") && page.body().contains("Tenu le"), page.body());

        Api.Bytes pdf = api.getBytes("/api/v1/certificates/" + certificate.get("id") + "/pdf", learner.token());
        assertEquals(200, pdf.status());
        try (var doc = Loader.loadPDF(pdf.body())) {
            String text = new PDFTextStripper().getText(doc);
            assertTrue(text.contains("Localiser les ODD"), text);
            assertTrue(text.contains("Tenu le"), text);
            assertTrue(text.contains("CICAD"), text);
        }

        // removed and recorded again (a second job is queued): still one VALID certificate
        api.delete("/api/v1/events/" + event + "/attendance/" + learner.id(), admin);
        api.post("/api/v1/events/" + event + "/attendance", Map.of("userId", learner.id()), admin);
        long until = System.currentTimeMillis() + 15_000;
        while ((Long) db.value("SELECT count(*) FROM certificate_jobs WHERE event_id = ?::uuid AND done_at IS NULL", event) > 0
                && System.currentTimeMillis() < until) {
            Thread.sleep(200);
        }
        assertEquals(0L, db.value("SELECT count(*) FROM certificate_jobs WHERE event_id = ?::uuid AND done_at IS NULL", event));
        assertEquals(1L, db.value("SELECT count(*) FROM certificates WHERE event_id = ?::uuid AND learner_id = ?::uuid AND status = 'VALID'",
                event, learner.id()));
    }

    @Test
    void anEventThatGrantsNoCertificateQueuesNone() {
        String admin = fx.admin();
        String event = published(api, webinar(Instant.now().minus(10, ChronoUnit.MINUTES), null), admin);
        Api.Account learner = fx.learner("nocert");
        api.post("/api/v1/events/" + event + "/attendance", Map.of("userId", learner.id()), admin);
        assertEquals(0L, db.value("SELECT count(*) FROM certificate_jobs WHERE event_id = ?::uuid", event));
    }
}
