package org.uclg.learning.certificates;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.uclg.learning.support.Api;
import org.uclg.learning.support.Fixtures;
import org.uclg.learning.support.IntegrationBase;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MicronautTest(transactional = false)
@SuppressWarnings("unchecked")
class CertificatesIT extends IntegrationBase {

    private record Done(String cohortId, Api.Account learner, String enrollmentId, Map<String, Object> certificate) {
    }

    /** A learner with this name completes a cohort (completed by the admin) and gets the certificate. */
    private Done completed(String name, String lang, String module, String kind) {
        String cohort = (String) fx.createCohort(Fixtures.cohortBody(module, kind, null, "OPEN", "AFRICA", List.of()), fx.admin()).get("id");
        String email = Api.uniqueEmail("cert");
        Map<String, Object> registration = new LinkedHashMap<>(Api.registration(email, name));
        registration.put("preferredLanguage", lang);
        var registered = api.post("/api/v1/auth/register", registration, null);
        assertEquals(201, registered.status(), registered.body());
        Api.Account learner = new Api.Account((String) registered.json().get("id"), email, api.login(email, "correct horse battery"));
        String enrollment = (String) fx.enroll(cohort, learner.token()).get("id");
        var complete = api.post("/api/v1/enrollments/" + enrollment + "/complete", Map.of(), fx.admin());
        assertEquals(200, complete.status(), complete.body());
        return new Done(cohort, learner, enrollment, awaitCertificate(learner.token(), kind.equals("TOT") ? 2 : 1).get(0));
    }

    /** Certificates are issued by the worker after the completion commits: wait until they are there. */
    private List<Map<String, Object>> awaitCertificate(String token, int count) {
        List<Map<String, Object>> list = Awaitility.await("certificates issued").atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> api.get("/api/v1/certificates", token).jsonList(), l -> l.size() >= count);
        assertEquals(count, list.size(), "certificates issued");
        return list;
    }

    private byte[] pdf(String id, String token) {
        Api.Bytes r = api.getBytes("/api/v1/certificates/" + id + "/pdf", token);
        assertEquals(200, r.status());
        assertEquals("application/pdf", r.header("Content-Type"));
        assertTrue(r.header("Content-Disposition").matches("attachment; filename=\"UCLG-[A-Z]+-\\d-certificate-[0-9A-Z]{8}\\.pdf\".*"),
                r.header("Content-Disposition"));
        return r.body();
    }

    private static String text(byte[] pdf) throws IOException {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    @Test
    void completionIssuesACertificateInTheLearnersLanguageWithItsPdf() throws IOException {
        Done d = completed("Amina Diallo-Ouédraogo", "fr", "SDG-1", "SELF_PACED");
        Map<String, Object> c = d.certificate();
        assertEquals("VALID", c.get("status"));
        assertEquals("MODULE_COMPLETION", c.get("kind"));
        assertEquals("Amina Diallo-Ouédraogo", c.get("printedName"));
        assertEquals("fr", c.get("language"));
        assertEquals("Localiser les ODD : une introduction", c.get("moduleTitle"));
        assertEquals(List.of("UNDP", "UN-Habitat"), c.get("partners"));
        assertTrue(((String) c.get("verifyUrl")).endsWith("/verify/" + c.get("code")), c.toString());
        assertTrue(((String) c.get("code")).matches("[0-9A-HJKMNP-TV-Z]{4}(-[0-9A-HJKMNP-TV-Z]{4}){3}"), c.toString());

        byte[] pdf = pdf((String) c.get("id"), d.learner().token());
        String text = text(pdf);
        assertTrue(text.contains("Amina Diallo-Ouédraogo") && text.contains("Localiser les ODD : une introduction")
                && text.contains("CERTIFICAT DE RÉUSSITE"), text);
        Map<String, Object> row = db.rows("SELECT pdf_sha256, printed_name, status FROM certificates WHERE id = ?::uuid", c.get("id")).get(0);
        assertEquals(HexFormat.of().formatHex(sha256(pdf)), row.get("pdf_sha256"));
        assertEquals(1L, db.value("SELECT count(*) FROM certificate_events WHERE certificate_id = ?::uuid AND action = 'ISSUED'", c.get("id")));
        assertEquals(0L, db.value("SELECT count(*) FROM certificate_jobs WHERE enrollment_id = ?::uuid AND done_at IS NULL", d.enrollmentId()));
    }

    @Test
    void arabicAndChineseNamesAndModuleTitlesInEachLanguagePrint() throws IOException {
        Done d = completed("محمد بن راشد", "es", "RES-2", "SELF_PACED");
        String text = java.text.Normalizer.normalize(text(pdf((String) d.certificate().get("id"), d.learner().token())), java.text.Normalizer.Form.NFKC);
        assertTrue(text.contains("محمد بن راشد"), text);
        assertTrue(text.contains("Estrategias y acciones de resiliencia") && text.contains("CERTIFICADO DE FINALIZACIÓN"), text);

        Done chinese = completed("王秀英", "en", "SDG-2", "SELF_PACED");
        String english = text(pdf((String) chinese.certificate().get("id"), chinese.learner().token()));
        assertTrue(english.contains("王秀英") && english.contains("Territorial planning to localize the SDGs"), english);
    }

    @Test
    void aTrainerOfTrainersCohortEarnsBothCertificates() {
        Done d = completed("Nguyễn Thị Minh", "en", "RES-1", "TOT");
        List<Map<String, Object>> both = awaitCertificate(d.learner().token(), 2);
        assertEquals(List.of("CERTIFIED_TRAINER", "MODULE_COMPLETION"), both.stream().map(c -> (String) c.get("kind")).sorted().toList());
    }

    @Test
    void manyIssueRequestsAtOnceStillGiveOneValidCertificate() throws Exception {
        Done d = completed("Carlos Pérez", "es", "SDG-2", "SELF_PACED");
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            calls.add(pool.submit(() -> {
                go.await();
                return api.post("/api/v1/enrollments/" + d.enrollmentId() + "/certificates", Map.of(), fx.admin()).status();
            }));
        }
        go.countDown();
        for (Future<Integer> call : calls) {
            int status = call.get();
            assertTrue(status == 409 || status == 201 || status == 202, "status " + status);
        }
        pool.shutdown();
        assertEquals(1L, db.value("SELECT count(*) FROM certificates WHERE enrollment_id = ?::uuid AND status = 'VALID'", d.enrollmentId()));
    }

    @Test
    void verificationShowsValidRevokedAndSupersededAndTheQrPage() {
        Done d = completed("Ελένη Παπαδοπούλου", "en", "SDG-3", "SELF_PACED");
        String code = (String) d.certificate().get("code");
        String id = (String) d.certificate().get("id");

        var valid = api.get("/api/v1/verify/" + code.toLowerCase().replace("-", ""), null);
        assertEquals(200, valid.status(), valid.body());
        assertEquals("VALID", valid.json().get("status"));
        assertEquals("Ελένη Παπαδοπούλου", valid.json().get("printedName"));
        assertFalse(valid.body().contains(d.learner().email()), "no email in verification");
        var page = api.get("/verify/" + code + "?lang=es", null);
        assertEquals(200, page.status());
        assertTrue(page.contentType().startsWith("text/html"));
        assertTrue(page.body().contains("Válido") && page.body().contains("Ελένη Παπαδοπούλου") && page.body().contains(code), page.body());

        // the name changes: reissue with the current name supersedes the old one
        db.rows("UPDATE users SET full_name = 'Eleni Papadopoulou' WHERE id = ?::uuid RETURNING id", d.learner().id());
        var reissued = api.post("/api/v1/certificates/" + id + "/reissue", Map.of(), d.learner().token());
        assertEquals(201, reissued.status(), reissued.body());
        assertEquals("Eleni Papadopoulou", reissued.json().get("printedName"));
        var old = api.get("/api/v1/verify/" + code, null).json();
        assertEquals("SUPERSEDED", old.get("status"));
        assertEquals(reissued.json().get("code"), old.get("supersededByCode"));
        assertEquals("Ελένη Παπαδοπούλου", old.get("printedName"));
        assertTrue(api.get("/verify/" + code, null, "Accept-Language", "fr-SN,fr").body().contains("Remplacé"));

        String newId = (String) reissued.json().get("id");
        var byLearner = api.post("/api/v1/certificates/" + newId + "/revoke", Map.of("reason", "mine"), d.learner().token());
        assertEquals(404, byLearner.status());
        var noReason = api.post("/api/v1/certificates/" + newId + "/revoke", Map.of("reason", " "), fx.admin());
        assertEquals(List.of("reason"), Fixtures.errorFields(noReason));
        var revoked = api.post("/api/v1/certificates/" + newId + "/revoke", Map.of("reason", "attendance records were falsified"), fx.admin());
        assertEquals(200, revoked.status(), revoked.body());
        var check = api.get("/api/v1/verify/" + reissued.json().get("code"), null).json();
        assertEquals("REVOKED", check.get("status"));
        assertEquals("attendance records were falsified", check.get("revokedReason"));
        assertTrue(api.get("/verify/" + reissued.json().get("code"), null).body().contains("attendance records were falsified"));
        assertEquals(409, api.post("/api/v1/certificates/" + newId + "/revoke", Map.of("reason", "again"), fx.admin()).status());
        assertEquals(List.of("ISSUED", "REISSUED", "REVOKED", "SUPERSEDED"), db.rows(
                "SELECT action FROM certificate_events WHERE certificate_id IN (?::uuid, ?::uuid) ORDER BY action", id, newId)
                .stream().map(r -> r.get("action")).toList());

        assertEquals(404, api.get("/api/v1/verify/ZZZZ-ZZZZ-ZZZZ-ZZZZ", null).status());
        var unknownPage = api.get("/verify/not-a-code", null);
        assertEquals(404, unknownPage.status());
        assertTrue(unknownPage.body().contains("No certificate has this code"));
    }

    @Test
    void anUploadedPdfMatchesOnlyWhenUnchanged() throws Exception {
        Done d = completed("Fatou Ndiaye", "fr", "SDG-4", "SELF_PACED");
        byte[] pdf = pdf((String) d.certificate().get("id"), d.learner().token());
        var genuine = upload(pdf);
        assertEquals(true, genuine.get("match"));
        assertFalse(((Map<String, Object>) genuine.get("certificate")).containsKey("id"), "no internal id: " + genuine);
        assertEquals(d.certificate().get("code"), ((Map<String, Object>) genuine.get("certificate")).get("code"));
        byte[] edited = pdf.clone();
        String asText = new String(edited, StandardCharsets.ISO_8859_1);
        int at = asText.indexOf("/Producer");
        edited[at + 12] = (byte) (edited[at + 12] ^ 1);
        var tampered = upload(edited);
        assertEquals(false, tampered.get("match"));
        assertEquals(null, tampered.get("certificate"));
    }

    private Map<String, Object> upload(byte[] pdf) throws Exception {
        String boundary = "----learning" + System.nanoTime();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] body = new byte[head.length + pdf.length + tail.length];
        System.arraycopy(head, 0, body, 0, head.length);
        System.arraycopy(pdf, 0, body, head.length, pdf.length);
        System.arraycopy(tail, 0, body, head.length + pdf.length, tail.length);
        var r = api.postRaw("/api/v1/verify", "multipart/form-data; boundary=" + boundary, body, null);
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    @Test
    void theVerificationPageSpeaksTheVisitorsLanguageAndEveryHtmlPageIsProtected() throws Exception {
        Done d = completed("Amadou Traoré", "en", "SDG-1", "SELF_PACED");
        String code = (String) d.certificate().get("code");

        // the API: the frozen record in the certificate's language, said so; no internal id
        var json = api.get("/api/v1/verify/" + code, null, "Accept-Language", "fr");
        assertEquals(200, json.status(), json.body());
        assertEquals("en", json.header("Content-Language"));
        assertEquals(null, json.header("Vary"), "the record does not depend on Accept-Language");
        assertEquals("nosniff", json.header("X-Content-Type-Options"));
        assertFalse(json.json().containsKey("id"), json.body());
        assertEquals(code, json.json().get("code"));
        assertEquals("Localizing the SDGs: an introduction", json.json().get("moduleTitle"));

        // the page: in French, with the English title marked as English, every field under its own term
        var page = api.get("/verify/" + code, null, "Accept-Language", "fr-SN,fr;q=0.9");
        assertEquals(200, page.status());
        assertEquals("fr", page.header("Content-Language"));
        assertEquals("Accept-Language", page.header("Vary"));
        String html = page.body();
        assertTrue(html.contains("Cités et Gouvernements Locaux Unis") && !html.contains("United Cities"), html);
        assertTrue(html.matches("(?s).*<dd lang=\"en\">\\s*Localizing the SDGs: an introduction \\(SDG-1, version \\d+\\)\\s*</dd>.*"), html);
        for (String term : List.of("Nom", "Module", "Cohorte", "Durée d&#39;apprentissage", "Terminé le", "Organisé par",
                "En partenariat avec", "Délivré le", "Code de vérification")) {
            assertTrue(html.contains("<dt>" + term + "</dt>"), term + " in " + html);
        }
        assertTrue(html.matches("(?s).*<dd>\\s*(1 heure|\\d+ heures) d&#39;apprentissage\\s*</dd>.*"), html);
        assertTrue(api.get("/verify/" + code + "?lang=es", null).body().contains("Ciudades y Gobiernos Locales Unidos"));

        // protections: a policy that allows only the page's own style block (by its nonce), no framing, no sniffing
        assertProtectedHtml(page);
        String policy = page.header("Content-Security-Policy");
        java.util.regex.Matcher nonce = java.util.regex.Pattern.compile("style-src 'nonce-([A-Za-z0-9+/=]+)'").matcher(policy);
        assertTrue(nonce.find(), policy);
        assertTrue(html.contains("<style nonce=\"" + nonce.group(1) + "\">"), html);
        assertFalse(policy.contains("unsafe"), policy);
        assertFalse(nonce.group(1).equals(nonceOf(api.get("/verify/" + code, null))), "a new nonce per response");
        var unknown = api.get("/verify/not-a-code", null);
        assertEquals(404, unknown.status());
        assertProtectedHtml(unknown);

        // Swagger UI, the other HTML the service serves: its one inline script is allowed by its hash, no other
        var swagger = api.get("/swagger-ui/index.html", null);
        assertEquals(200, swagger.status());
        assertProtectedHtml(swagger);
        java.util.regex.Matcher script = java.util.regex.Pattern.compile("<script>(.*?)</script>", java.util.regex.Pattern.DOTALL)
                .matcher(swagger.body());
        assertTrue(script.find());
        String hash = Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("SHA-256")
                .digest(script.group(1).getBytes(StandardCharsets.UTF_8)));
        assertTrue(swagger.header("Content-Security-Policy").contains("script-src 'self' 'sha256-" + hash + "'"),
                swagger.header("Content-Security-Policy"));
    }

    private static String nonceOf(Api.Response page) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("'nonce-([^']+)'").matcher(page.header("Content-Security-Policy"));
        assertTrue(m.find());
        return m.group(1);
    }

    private static void assertProtectedHtml(Api.Response r) {
        assertTrue(r.contentType().startsWith("text/html"), r.contentType());
        String policy = r.header("Content-Security-Policy");
        assertNotNull(policy, "Content-Security-Policy");
        assertTrue(policy.startsWith("default-src 'none'") && policy.contains("frame-ancestors 'none'"), policy);
        assertEquals("DENY", r.header("X-Frame-Options"));
        assertEquals("nosniff", r.header("X-Content-Type-Options"));
    }

    /**
     * The page the QR code opens, in a real headless Chromium at a phone's size, under its
     * Content-Security-Policy (the browser reports any blocked style or script, and there must be
     * none); its screenshot stays in target/. Swagger UI, the other HTML page, must render under its policy too.
     */
    @Test
    void theVerificationPageWorksInARealBrowser() throws Exception {
        Path chromium = Path.of("/usr/bin/chromium");
        Assumptions.assumeTrue(Files.isExecutable(chromium), "Debian chromium is not installed (.ci/run installs it)");
        Done d = completed("محمد بن راشد", "fr", "RES-1", "SELF_PACED");
        String url = api.baseUri().resolve("/verify/" + d.certificate().get("code") + "?lang=fr").toString();
        Path screenshot = Path.of("target", "verify-page.png").toAbsolutePath();
        Files.deleteIfExists(screenshot);
        Browsed page = runChromium(chromium, "--dump-dom", url);
        assertTrue(page.out().contains("Valide") && page.out().contains("محمد بن راشد")
                && page.out().contains((String) d.certificate().get("code")), page.out());
        assertFalse(page.log().contains("Content Security Policy"), page.log());
        runChromium(chromium, "--screenshot=" + screenshot, "--window-size=412,915", url);
        assertTrue(Files.size(screenshot) > 5_000, "screenshot written");

        Browsed swagger = runChromium(chromium, "--virtual-time-budget=20000", "--dump-dom",
                api.baseUri().resolve("/swagger-ui/index.html").toString());
        assertTrue(swagger.out().contains("/api/v1/verify/{code}"), "Swagger UI rendered the operations: " + swagger.out());
        assertFalse(swagger.log().contains("Content Security Policy"), swagger.log());
    }

    /** What the browser printed, and its log (console messages, CSP reports). */
    private record Browsed(String out, String log) {
    }

    private static Browsed runChromium(Path chromium, String... args) throws Exception {
        Path profile = Files.createTempDirectory("chromium-profile");
        Path log = Files.createTempFile("chromium", ".log");
        List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--enable-logging=stderr", "--v=0", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectError(log.toFile()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(90, java.util.concurrent.TimeUnit.SECONDS), "chromium finished");
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
        String logged = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        return new Browsed(out, logged);
    }

    @Test
    void othersCannotSeeSomeoneElsesCertificate() {
        Done d = completed("Lucía Fernández", "es", "SDG-1", "SELF_PACED");
        Api.Account other = fx.learner("nosy");
        assertEquals(404, api.get("/api/v1/certificates/" + d.certificate().get("id"), other.token()).status());
        assertEquals(404, api.get("/api/v1/certificates/" + d.certificate().get("id") + "/credential", other.token()).status());
        assertEquals(0, api.get("/api/v1/certificates", other.token()).jsonList().size());
        assertEquals(401, api.get("/api/v1/certificates", null).status());
        assertEquals(200, api.get("/api/v1/certificates/" + d.certificate().get("id"), fx.admin()).status());
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
