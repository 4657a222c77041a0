package org.uclg.learning;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.parser.OpenAPIV3Parser;
import org.junit.jupiter.api.Test;
import org.uclg.learning.support.Api;
import org.uclg.learning.support.Fixtures;
import org.uclg.learning.support.IntegrationBase;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Who may call what: every operation of the OpenAPI document the service serves, called by six
 * callers over a small data set owned by {@code learner}, against the expected status per cell.
 * <p>
 * Callers: anonymous; the learner (owns the enrollment, the certificate and the event registration
 * below); another learner; a trainer of another cohort; a coordinator of another regional section
 * (LATAM, while the data is AFRICA's); an admin.
 * <p>
 * Cells: a status ({@code "200"}, {@code "401"}, …); {@code "deny"} is 403 or 404 (out of scope; 404
 * where existence itself is private); {@code "ok"} is any answer past the access check (not 401, 403
 * or 5xx; e.g. a 409 because the data is already in that state).
 * <p>
 * <b>Adding an operation</b>: a new endpoint makes {@link #everyOperationOfTheDocumentHasARow} fail
 * until it has a row in {@link #ROWS}: its method and path template as in the document, the six
 * cells in the caller order above, and (for a request body) an entry in {@link #bodies}. Rows run
 * in table order, one caller after another from the least to the most privileged, so operations
 * that change the data (withdraw, revoke, cancel) stay at the end of the table.
 */
@MicronautTest(transactional = false)
class AccessMatrixIT extends IntegrationBase {

    private record Row(String operation, String anonymous, String learner, String otherLearner, String otherTrainer,
                       String otherCoordinator, String admin) {
        List<String> cells() {
            return List.of(anonymous, learner, otherLearner, otherTrainer, otherCoordinator, admin);
        }
    }

    private static Row row(String operation, String anonymous, String learner, String otherLearner, String otherTrainer,
                           String otherCoordinator, String admin) {
        return new Row(operation, anonymous, learner, otherLearner, otherTrainer, otherCoordinator, admin);
    }

    private static final List<String> CALLERS = List.of("anonymous", "learner", "otherLearner", "otherTrainer",
            "otherCoordinator", "admin");

    // @formatter:off
    private static final List<Row> ROWS = List.of(
        //  operation                                                   anonymous learner otherLrn trainer  coord    admin
        // public reading
        row("GET /.well-known/jwks.json",                                "200",  "200",  "200",   "200",   "200",   "200"),
        row("GET /api/v1/issuer",                                        "200",  "200",  "200",   "200",   "200",   "200"),
        row("GET /api/v1/modules",                                       "200",  "200",  "200",   "200",   "200",   "200"),
        row("GET /api/v1/modules/{code}",                                "200",  "200",  "200",   "200",   "200",   "200"),
        row("GET /api/v1/regional-sections",                             "200",  "200",  "200",   "200",   "200",   "200"),
        row("GET /api/v1/regional-sections/{code}/events.ics",           "200",  "200",  "200",   "200",   "200",   "200"),
        row("GET /api/v1/cohorts",                                       "200",  "200",  "200",   "200",   "200",   "200"),
        row("GET /api/v1/cohorts/{id}",                                  "200",  "200",  "200",   "200",   "200",   "200"),
        row("GET /api/v1/events",                                        "200",  "200",  "200",   "200",   "200",   "200"),
        row("GET /api/v1/events/{id}",                                   "200",  "200",  "200",   "200",   "200",   "200"),
        row("GET /api/v1/events/{id}/calendar.ics",                      "200",  "200",  "200",   "200",   "200",   "200"),
        row("GET /api/v1/verify/{code}",                                 "200",  "200",  "200",   "200",   "200",   "200"),
        row("GET /verify/{code}",                                        "200",  "200",  "200",   "200",   "200",   "200"),
        row("POST /api/v1/verify",                                       "200",  "200",  "200",   "200",   "200",   "200"),
        row("POST /api/v1/auth/login",                                   "200",  "200",  "200",   "200",   "200",   "200"),
        row("POST /api/v1/auth/register",                                "201",  "201",  "201",   "201",   "201",   "201"),
        row("GET /api/v1/issuer/keys/{thumbprint}",                      "200",  "200",  "200",   "200",   "200",   "200"),
        // a status list exists once a credential was produced; the data set's may not be: 200 or 404, never refused
        row("GET /api/v1/status-lists/{list}",                           "ok",   "ok",   "ok",    "ok",    "ok",    "ok"),
        // a made-up claim token: refused as bad input by anyone, never 401/403
        row("POST /api/v1/auth/claim",                                   "ok",   "ok",   "ok",    "ok",    "ok",    "ok"),
        // a reset for an address nobody has: 202 for anyone (alike for known addresses); a made-up reset token: 400
        row("POST /api/v1/auth/password-reset",                          "202",  "202",  "202",   "202",   "202",   "202"),
        row("POST /api/v1/auth/password-reset/confirm",                  "ok",   "ok",   "ok",    "ok",    "ok",    "ok"),
        // a wrong current password: 400 for every signed-in caller (the right one would end the caller's tokens)
        row("POST /api/v1/me/password",                                  "401",  "400",  "400",   "400",   "400",   "400"),
        // the caller's own things
        row("GET /api/v1/me",                                            "401",  "200",  "200",   "200",   "200",   "200"),
        row("GET /api/v1/me/event-registrations",                        "401",  "200",  "200",   "200",   "200",   "200"),
        row("GET /api/v1/enrollments",                                   "401",  "200",  "200",   "200",   "200",   "200"),
        row("GET /api/v1/certificates",                                  "401",  "200",  "200",   "200",   "200",   "200"),
        // the learner's enrollment, progress and certificate
        row("GET /api/v1/enrollments/{id}",                              "401",  "200",  "deny",  "deny",  "deny",  "200"),
        row("GET /api/v1/enrollments/{id}/progress",                     "401",  "200",  "deny",  "deny",  "deny",  "200"),
        row("GET /api/v1/certificates/{id}",                             "401",  "200",  "deny",  "deny",  "deny",  "200"),
        row("GET /api/v1/certificates/{id}/pdf",                         "401",  "200",  "deny",  "deny",  "deny",  "200"),
        row("GET /api/v1/certificates/{id}/credential",                  "401",  "200",  "deny",  "deny",  "deny",  "200"),
        row("GET /api/v1/events/{id}/registrations/{rid}",               "401",  "200",  "deny",  "deny",  "deny",  "200"),
        // managing the learner's cohort (AFRICA) and event (AFRICA)
        row("GET /api/v1/cohorts/{cohortId}/enrollments",                "401",  "deny", "deny",  "deny",  "deny",  "200"),
        row("GET /api/v1/cohorts/{id}/progress",                         "401",  "deny", "deny",  "deny",  "deny",  "200"),
        row("GET /api/v1/cohorts/{id}/learning-gain",                    "401",  "deny", "deny",  "deny",  "deny",  "200"),
        row("GET /api/v1/cohorts/{id}/completion-rule",                  "401",  "deny", "deny",  "deny",  "deny",  "200"),
        row("GET /api/v1/events/{id}/registrations",                     "401",  "deny", "deny",  "deny",  "deny",  "200"),
        row("GET /api/v1/events/{id}/attendance",                        "401",  "deny", "deny",  "deny",  "deny",  "200"),
        row("GET /api/v1/xapi/statements",                               "401",  "deny", "deny",  "deny",  "deny",  "200"),
        // a coordinator reads the trainers of their own regional section only (issue 11, item 10)
        row("GET /api/v1/trainers/{id}/certifications",                  "401",  "200",  "deny",  "deny",  "deny",  "200"),
        row("GET /api/v1/trainers/{id}/lineage",                         "401",  "200",  "deny",  "deny",  "deny",  "200"),
        // reports: scoped to what the caller trains or coordinates
        row("GET /api/v1/reports/reach",                                 "401",  "403",  "403",   "200",   "200",   "200"),
        row("GET /api/v1/reports/funnel",                                "401",  "403",  "403",   "200",   "200",   "200"),
        row("GET /api/v1/reports/trend",                                 "401",  "403",  "403",   "200",   "200",   "200"),
        row("GET /api/v1/reports/reach.pdf",                             "401",  "403",  "403",   "200",   "200",   "200"),
        row("POST /api/v1/reports/refresh",                              "401",  "403",  "403",   "403",   "403",   "200"),
        // writing
        row("POST /api/v1/cohorts",                                      "401",  "403",  "403",   "403",   "403",   "201"),
        row("PUT /api/v1/cohorts/{id}",                                  "401",  "deny", "deny",  "deny",  "deny",  "200"),
        row("PUT /api/v1/cohorts/{id}/completion-rule",                  "401",  "deny", "deny",  "deny",  "deny",  "200"),
        row("POST /api/v1/cohorts/{cohortId}/enrollments",               "401",  "ok",   "201",   "201",   "201",   "201"),
        row("POST /api/v1/cohorts/{cohortId}/enrollments/import",        "401",  "deny", "deny",  "deny",  "deny",  "200"),
        row("PUT /api/v1/enrollments/{id}/sections/{key}",               "401",  "ok",   "deny",  "deny",  "deny",  "ok"),
        row("POST /api/v1/enrollments/{id}/certificates",                "401",  "deny", "deny",  "deny",  "deny",  "ok"),
        row("POST /api/v1/events",                                       "401",  "403",  "403",   "403",   "403",   "201"),
        row("PUT /api/v1/events/{id}",                                   "401",  "deny", "deny",  "deny",  "deny",  "200"),
        row("POST /api/v1/events/{id}/publish",                          "401",  "deny", "deny",  "deny",  "deny",  "ok"),
        row("POST /api/v1/events/{id}/registrations",                    "401",  "ok",   "201",   "201",   "201",   "201"),
        row("POST /api/v1/events/{id}/attendance",                       "401",  "deny", "deny",  "deny",  "deny",  "ok"),
        row("POST /api/v1/events/{id}/attendance/import",                "401",  "deny", "deny",  "deny",  "deny",  "ok"),
        row("POST /api/v1/events/{id}/check-in",                         "401",  "ok",   "ok",    "ok",    "ok",    "ok"),
        row("POST /api/v1/trainers/{id}/certifications",                 "401",  "403",  "403",   "403",   "403",   "ok"),
        row("POST /api/v1/admin/catalog/sync",                           "401",  "403",  "403",   "403",   "403",   "200"),
        // changing state: last
        row("POST /api/v1/enrollments/{id}/accept",                      "401",  "deny", "deny",  "deny",  "deny",  "ok"),
        row("POST /api/v1/enrollments/{id}/reject",                      "401",  "deny", "deny",  "deny",  "deny",  "ok"),
        row("POST /api/v1/enrollments/{id}/complete",                    "401",  "deny", "deny",  "deny",  "deny",  "ok"),
        row("POST /api/v1/enrollments/{id}/withdraw",                    "401",  "ok",   "deny",  "deny",  "deny",  "ok"),
        row("DELETE /api/v1/events/{id}/attendance/{userId}",            "401",  "deny", "deny",  "deny",  "deny",  "ok"),
        row("POST /api/v1/events/{id}/registrations/{rid}/cancel",       "401",  "ok",   "deny",  "deny",  "deny",  "ok"),
        row("POST /api/v1/events/{id}/cancel",                           "401",  "deny", "deny",  "deny",  "deny",  "ok"),
        row("POST /api/v1/certificates/{id}/revoke",                     "401",  "deny", "deny",  "deny",  "deny",  "ok"),
        row("POST /api/v1/certificates/{id}/reissue",                    "401",  "ok",   "deny",  "deny",  "deny",  "ok"),
        row("POST /api/v1/users/{id}/roles",                             "401",  "403",  "403",   "403",   "403",   "200"),
        // the learner has a password: 409 already-claimed for the admin
        row("POST /api/v1/users/{id}/claim-token",                       "401",  "403",  "403",   "403",   "403",   "ok"),
        // removes the TRAINER role the row above granted
        row("DELETE /api/v1/users/{id}/roles/{role}",                    "401",  "403",  "403",   "403",   "403",   "200")
    );
    // @formatter:on

    /** The data set: everything belongs to {@code learner}, in AFRICA. */
    private Api.Account learner;
    private final Map<String, String> tokens = new LinkedHashMap<>();
    private String cohortId;
    private String enrollmentId;
    private String certificateId;
    private String certificateCode;
    private String eventId;
    private String registrationId;
    private String sectionKey;

    private void buildData() {
        learner = fx.learner("matrix-learner");
        Api.Account other = fx.learner("matrix-other");
        Api.Account trainer = fx.trainer("matrix-trainer");
        Api.Account coordinator = fx.coordinator("matrix-coord", "LATAM");
        tokens.put("anonymous", null);
        tokens.put("learner", learner.token());
        tokens.put("otherLearner", other.token());
        tokens.put("otherTrainer", trainer.token());
        tokens.put("otherCoordinator", coordinator.token());
        tokens.put("admin", fx.admin());

        // the trainer's own cohort elsewhere, so "trainer" is a trainer, just not of the learner's cohort
        fx.createCohort(Fixtures.cohortBody("SDG-1", "SELF_PACED", null, "OPEN", "LATAM", List.of(trainer.id())), fx.admin());
        cohortId = (String) fx.createCohort(Fixtures.cohortBody("SDG-1", "SELF_PACED", 50, "OPEN", "AFRICA", List.of()),
                fx.admin()).get("id");
        enrollmentId = (String) fx.enroll(cohortId, learner.token()).get("id");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> sections = (List<Map<String, Object>>) api.get("/api/v1/modules/SDG-1", null).json().get("sections");
        sectionKey = (String) sections.get(0).get("key");
        var completed = api.post("/api/v1/enrollments/" + enrollmentId + "/complete", Map.of(), fx.admin());
        assertEquals(200, completed.status(), completed.body());
        await().atMost(Duration.ofSeconds(30)).until(() -> !api.get("/api/v1/certificates", learner.token()).jsonList().isEmpty());
        Map<String, Object> certificate = api.get("/api/v1/certificates", learner.token()).jsonList().get(0);
        certificateId = (String) certificate.get("id");
        certificateCode = (String) certificate.get("code");

        var event = api.post("/api/v1/events", eventBody(), fx.admin());
        assertEquals(201, event.status(), event.body());
        eventId = (String) event.json().get("id");
        assertEquals(200, api.post("/api/v1/events/" + eventId + "/publish", Map.of(), fx.admin()).status());
        var registration = api.post("/api/v1/events/" + eventId + "/registrations", Map.of(), learner.token());
        assertEquals(201, registration.status(), registration.body());
        registrationId = (String) registration.json().get("id");
    }

    private static Map<String, Object> eventBody() {
        Instant start = Instant.now().plus(20, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Access matrix webinar");
        body.put("kind", "WEBINAR");
        body.put("format", "ONLINE");
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plus(1, ChronoUnit.HOURS).toString());
        body.put("timezone", "Africa/Dakar");
        body.put("capacity", 100);
        body.put("joinUrl", "https://meet.example.org/matrix");
        body.put("regionalSection", "AFRICA");
        return body;
    }

    /** The request body of each operation that takes one; a fresh one per call. */
    private Map<String, Supplier<Object>> bodies() {
        Map<String, Supplier<Object>> b = new LinkedHashMap<>();
        b.put("POST /api/v1/auth/login", () -> Map.of("username", learner.email(), "password", "correct horse battery"));
        b.put("POST /api/v1/auth/register", () -> Api.registration(Api.uniqueEmail("matrix-new"), "New Person"));
        b.put("POST /api/v1/cohorts", () -> Fixtures.cohortBody("SDG-2", "SELF_PACED", null, "OPEN", "AFRICA", List.of()));
        b.put("PUT /api/v1/cohorts/{id}", () -> Fixtures.cohortBody("SDG-1", "SELF_PACED", 60, "OPEN", "AFRICA", List.of()));
        b.put("PUT /api/v1/cohorts/{id}/completion-rule", () -> Map.of("passMark", 70, "minLiveShare", 0));
        b.put("POST /api/v1/cohorts/{cohortId}/enrollments", Map::of);
        b.put("PUT /api/v1/enrollments/{id}/sections/{key}", () -> Map.of("status", "COMPLETED"));
        b.put("POST /api/v1/enrollments/{id}/certificates", Map::of);
        b.put("POST /api/v1/events", AccessMatrixIT::eventBody);
        b.put("PUT /api/v1/events/{id}", AccessMatrixIT::eventBody);
        b.put("POST /api/v1/events/{id}/registrations", Map::of);
        b.put("POST /api/v1/events/{id}/attendance", () -> Map.of("userId", learner.id()));
        b.put("POST /api/v1/events/{id}/check-in", () -> Map.of("code", "WRONG1"));
        b.put("POST /api/v1/trainers/{id}/certifications", () -> Map.of("moduleCode", "SDG-2"));
        b.put("POST /api/v1/certificates/{id}/revoke", () -> Map.of("reason", "access matrix"));
        b.put("POST /api/v1/certificates/{id}/reissue", Map::of);
        b.put("POST /api/v1/users/{id}/roles", () -> Map.of("role", "TRAINER"));
        b.put("POST /api/v1/auth/claim", () -> Map.of("token", "not-a-claim-token", "password", "correct horse battery staple"));
        b.put("POST /api/v1/auth/password-reset", () -> Map.of("email", Api.uniqueEmail("matrix-reset")));
        b.put("POST /api/v1/auth/password-reset/confirm", () -> Map.of("token", "not-a-reset-token",
                "password", "correct horse battery staple"));
        b.put("POST /api/v1/me/password", () -> Map.of("currentPassword", "not the password",
                "newPassword", "another horse battery staple"));
        return b;
    }

    private static final String CSV = "text/csv";

    /** Query parameters an operation needs to reach its access check; imports are dry runs, so nothing is written. */
    private Map<String, String> queries() {
        return Map.of(
                "POST /api/v1/cohorts/{cohortId}/enrollments/import", "dryRun=true",
                "POST /api/v1/events/{id}/attendance/import", "dryRun=true",
                "GET /api/v1/xapi/statements", "cohort=" + cohortId,
                "GET /api/v1/reports/funnel", "module=SDG-1");
    }

    private String concretePath(String template) {
        String root = template.replaceFirst("^/api/v1/", "").split("/")[0];
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = switch (m.group(1)) {
                case "cohortId" -> cohortId;
                case "key" -> sectionKey;
                case "rid" -> registrationId;
                case "userId" -> learner.id();
                case "role" -> "TRAINER";
                case "list" -> "1";
                case "thumbprint" -> {
                    String kid = String.valueOf(((Map<?, ?>) ((List<?>) api.get("/.well-known/jwks.json", null).json().get("keys")).get(0)).get("kid"));
                    yield kid.substring(kid.lastIndexOf('/') + 1);
                }
                case "code" -> switch (root) {
                    case "modules" -> "SDG-1";
                    case "regional-sections" -> "AFRICA";
                    default -> certificateCode; // /verify/{code}, /api/v1/verify/{code}
                };
                case "id" -> switch (root) {
                    case "cohorts" -> cohortId;
                    case "enrollments" -> enrollmentId;
                    case "certificates" -> certificateId;
                    case "events" -> eventId;
                    case "trainers", "users" -> learner.id();
                    default -> throw new AssertionError("no value for {id} in " + template + ": add one in concretePath");
                };
                default -> throw new AssertionError("no value for {" + m.group(1) + "} in " + template + ": add one in concretePath");
            };
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private Api.Response call(String operation, String token) {
        String method = operation.substring(0, operation.indexOf(' '));
        String template = operation.substring(operation.indexOf(' ') + 1);
        String path = concretePath(template);
        String query = queries().get(operation);
        if (query != null) {
            path += "?" + query;
        }
        if (template.endsWith("/import")) {
            String csv = template.contains("/events/")
                    ? "email\n" + learner.email() + "\n"
                    : "email,full name,country,organization,language\n" + learner.email() + ",Learner,SN,Ville de Dakar,fr\n";
            return api.postRaw(path, CSV, csv.getBytes(StandardCharsets.UTF_8), token);
        }
        if (operation.equals("POST /api/v1/verify")) {
            String boundary = "matrix" + UUID.randomUUID().toString().replace("-", "");
            String multipart = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.pdf\"\r\n"
                    + "Content-Type: application/pdf\r\n\r\n%PDF-1.7 not a certificate\r\n--" + boundary + "--\r\n";
            return api.postRaw(path, "multipart/form-data; boundary=" + boundary, multipart.getBytes(StandardCharsets.ISO_8859_1), token);
        }
        Supplier<Object> body = bodies().get(operation);
        return switch (method) {
            case "GET" -> api.get(path, token);
            case "DELETE" -> api.delete(path, token);
            case "POST" -> api.post(path, body == null ? Map.of() : body.get(), token);
            case "PUT" -> api.put(path, body == null ? Map.of() : body.get(), token);
            default -> throw new AssertionError("no call for " + method);
        };
    }

    private static boolean matches(String expected, int status) {
        return switch (expected) {
            case "deny" -> status == 403 || status == 404;
            case "ok" -> status != 401 && status != 403 && status < 500;
            default -> Integer.parseInt(expected) == status;
        };
    }

    private Set<String> documentedOperations() {
        var r = api.get("/swagger/learning-api.yml", null);
        assertEquals(200, r.status());
        OpenAPI doc = new OpenAPIV3Parser().readContents(r.body()).getOpenAPI();
        Set<String> operations = new LinkedHashSet<>();
        doc.getPaths().forEach((path, item) -> item.readOperationsMap().keySet().forEach(method -> operations.add(method + " " + path)));
        return operations;
    }

    @Test
    void everyOperationOfTheDocumentHasARow() {
        Set<String> documented = documentedOperations();
        Set<String> inTable = new LinkedHashSet<>();
        ROWS.forEach(r -> inTable.add(r.operation()));
        assertEquals(ROWS.size(), inTable.size(), "an operation has two rows");
        Set<String> missing = new LinkedHashSet<>(documented);
        missing.removeAll(inTable);
        Set<String> gone = new LinkedHashSet<>(inTable);
        gone.removeAll(documented);
        assertEquals(Set.of(), missing, "operations without a row in AccessMatrixIT.ROWS (add one)");
        assertEquals(Set.of(), gone, "rows for operations the document no longer has");
    }

    @Test
    void everyCallerGetsTheExpectedStatusOnEveryOperation() {
        buildData();
        List<String> wrong = new ArrayList<>();
        StringBuilder observed = new StringBuilder();
        for (Row row : ROWS) {
            List<String> cells = row.cells();
            observed.append(String.format("%-58s", row.operation()));
            for (int i = 0; i < CALLERS.size(); i++) {
                Api.Response r = call(row.operation(), tokens.get(CALLERS.get(i)));
                observed.append(' ').append(r.status());
                if (!matches(cells.get(i), r.status())) {
                    wrong.add(row.operation() + " as " + CALLERS.get(i) + ": expected " + cells.get(i) + ", got " + r.status()
                            + " " + (r.body().length() > 200 ? r.body().substring(0, 200) : r.body()));
                }
            }
            observed.append('\n');
        }
        assertTrue(wrong.isEmpty(), String.join("\n", wrong) + "\n\nobserved:\n" + observed);
        // the data set is still the learner's: nothing the denied callers tried changed it
        assertEquals(learner.id(), fx.scalar("SELECT learner_id::text FROM enrollments WHERE id = ?::uuid", enrollmentId));
    }
}
