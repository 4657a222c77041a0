package org.uclg.learning.enrollment.roster;

import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.uclg.learning.support.Api;
import org.uclg.learning.support.IntegrationBase;
import org.uclg.learning.support.Fixtures;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.uclg.learning.support.Fixtures.cohortBody;
import static org.uclg.learning.support.Fixtures.errorFields;

@MicronautTest(transactional = false)
class RosterImportIT extends IntegrationBase {
    String tag;

    @BeforeEach
    void setUp() {
        tag = UUID.randomUUID().toString().substring(0, 8);
    }

    private String email(String name) {
        return name + "-" + tag + "@example.org";
    }

    private String cohort(Integer capacity, String section) {
        return (String) fx.createCohort(cohortBody("SDG-1", "WORKSHOP", capacity, "APPLICATION", section, List.of()), fx.admin()).get("id");
    }

    private Api.Response importCsv(String cohort, String query, byte[] body, String token) {
        return api.postRaw("/api/v1/cohorts/" + cohort + "/enrollments/import" + query, "text/csv", body, token);
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> results(Map<String, Object> report) {
        return (List<Map<String, Object>>) report.get("results");
    }

    private long usersWithEmailsTagged() {
        return (Long) fx.scalar("SELECT count(*) FROM users WHERE email LIKE ?", "%-" + tag + "@example.org");
    }

    @Test
    void aGoodFileCreatesMissingAccountsWithoutPasswordAndEnrolsUpToCapacity() {
        String cohort = cohort(2, "LATAM");
        Api.Account existing = fx.learner("known");
        String csv = "email,full name,country,organization,language\n"
                + existing.email() + ",Someone Else,AR,Another Org,es\n"
                + email("jose") + ",José Núñez,co,\"Municipalidad de Bogotá, Colombia\",ES\n"
                + email("ana") + ",Ana Souza,BR,Prefeitura de Recife,es\n";
        var r = importCsv(cohort, "", utf8(csv), fx.admin());
        assertEquals(200, r.status(), r.body());
        Map<String, Object> report = r.json();
        assertEquals(3, report.get("rows"));
        assertEquals(2, report.get("enrolled"));
        assertEquals(1, report.get("waitlisted"));
        assertEquals(2, report.get("accountsCreated"));
        assertEquals(true, report.get("written"));
        List<Map<String, Object>> rows = results(report);
        assertEquals(List.of(2, 3, 4), rows.stream().map(x -> x.get("row")).toList());
        assertEquals(List.of("ENROLLED", "ENROLLED", "WAITLISTED"), rows.stream().map(x -> x.get("outcome")).toList());
        assertEquals(false, rows.get(0).get("accountCreated"));
        assertEquals(true, rows.get(1).get("accountCreated"));

        var jose = fx.rows("SELECT full_name, country, organization, preferred_language, regional_section, password_hash, id::text AS id "
                + "FROM users WHERE email = ?", email("jose")).get(0);
        assertEquals("José Núñez", jose.get("full_name"));
        assertEquals("CO", jose.get("country"));
        assertEquals("Municipalidad de Bogotá, Colombia", jose.get("organization"));
        assertEquals("es", jose.get("preferred_language"));
        assertEquals("LATAM", jose.get("regional_section"));
        assertNull(jose.get("password_hash"));
        assertEquals("LEARNER", fx.scalar("SELECT role FROM user_roles WHERE user_id = ?::uuid", jose.get("id")));
        assertEquals("ENROLLED", fx.scalar("SELECT status FROM enrollments WHERE cohort_id = ?::uuid AND learner_id = ?::uuid",
                cohort, jose.get("id")));
        assertEquals(rows.get(1).get("enrollmentId"),
                fx.scalar("SELECT id::text FROM enrollments WHERE cohort_id = ?::uuid AND learner_id = ?::uuid", cohort, jose.get("id")));

        // an existing account keeps its own profile
        var known = fx.rows("SELECT full_name, organization FROM users WHERE id = ?::uuid", existing.id()).get(0);
        assertEquals("Ville de Dakar", known.get("organization"));
        assertEquals(2, fx.scalar("SELECT seats_taken FROM cohorts WHERE id = ?::uuid", cohort));
        assertEquals(3L, fx.scalar("SELECT count(*) FROM enrollments WHERE cohort_id = ?::uuid", cohort));

        // the same file again changes nothing
        var again = importCsv(cohort, "", utf8(csv), fx.admin());
        assertEquals(200, again.status(), again.body());
        assertEquals(3, again.json().get("skipped"));
        assertEquals(3L, fx.scalar("SELECT count(*) FROM enrollments WHERE cohort_id = ?::uuid", cohort));
    }

    /** Registration and the roster import accept and refuse the same person alike: one set of constraints. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "a-local-part-longer-than-the-sixty-four-characters-that-an-address-allows-x|Awa Ndiaye",
            "plain|Awa\u0007Ndiaye",
            "plain|Awa Ndiaye"})
    void registrationAndImportJudgeAPersonAlike(String local, String name) {
        String fullName = name.replace("\\u0007", "\u0007");
        String address = local + "-" + tag + "@example.org";
        int registered = api.post("/api/v1/auth/register", Api.registration(address, fullName), null).status();
        String cohort = cohort(null, "AFRICA");
        String csv = "email,full name,country,organization,language\n" + local + "-" + tag + "-csv@example.org," + fullName + ",SN,Dakar,fr\n";
        var imported = importCsv(cohort, "?dryRun=true", utf8(csv), fx.admin());
        boolean importAccepted = imported.status() == 200;
        assertEquals(registered == 201, importAccepted, "registration " + registered + ", import " + imported.body());
    }

    @Test
    void anyBrokenRowRejectsTheWholeImportWithPerRowResults() {
        String cohort = cohort(null, "AFRICA");
        String csv = "email,full name,country,organization,language\n"
                + email("ok") + ",Awa Ndiaye,SN,Ville de Dakar,fr\n"
                + email("badcountry") + ",Kofi Mensah,XX,Accra Metropolitan Assembly,en\n"
                + "not-an-email,Nobody,GH,Org,en\n"
                + email("badlang") + ",Amina Yusuf,NG,Lagos State,de\n"
                + email("ok").toUpperCase() + ",Awa Again,SN,Ville de Dakar,fr\n"
                + email("noname") + ",,KE,Nairobi,en\n";
        var r = importCsv(cohort, "", utf8(csv), fx.admin());
        assertEquals(422, r.status(), r.body());
        assertEquals("application/problem+json", r.contentType());
        assertEquals(List.of("rows[3].country", "rows[4].email", "rows[5].language", "rows[6].email", "rows[7].fullName"),
                errorFields(r));
        @SuppressWarnings("unchecked")
        Map<String, Object> report = (Map<String, Object>) r.json().get("report");
        assertEquals(5, report.get("errors"));
        assertEquals(false, report.get("written"));
        List<Map<String, Object>> rows = results(report);
        assertEquals("ENROLLED", rows.get(0).get("outcome"));
        assertEquals("ERROR", rows.get(1).get("outcome"));
        assertTrue(((String) rows.get(4).get("message")).contains("row 2"), rows.get(4).toString());

        assertEquals(0L, usersWithEmailsTagged());
        assertEquals(0L, fx.scalar("SELECT count(*) FROM enrollments WHERE cohort_id = ?::uuid", cohort));

        var partial = importCsv(cohort, "?partial=true", utf8(csv), fx.admin());
        assertEquals(200, partial.status(), partial.body());
        assertEquals(1, partial.json().get("enrolled"));
        assertEquals(5, partial.json().get("errors"));
        assertEquals(1L, usersWithEmailsTagged());
        assertEquals(1L, fx.scalar("SELECT count(*) FROM enrollments WHERE cohort_id = ?::uuid", cohort));
    }

    @Test
    void aDryRunReportsTheOutcomesAndWritesNothing() {
        String cohort = cohort(1, "ASPAC");
        String csv = "email,full name,country,organization,language\n"
                + email("dry1") + ",Siti Rahma,ID,Kota Surabaya,en\n"
                + email("dry2") + ",Nguyễn Thị Minh,VN,Hà Nội,en\n";
        var r = importCsv(cohort, "?dryRun=true", utf8(csv), fx.admin());
        assertEquals(200, r.status(), r.body());
        assertEquals(true, r.json().get("dryRun"));
        assertEquals(false, r.json().get("written"));
        assertEquals(List.of("ENROLLED", "WAITLISTED"), results(r.json()).stream().map(x -> x.get("outcome")).toList());
        assertNull(results(r.json()).get(0).get("enrollmentId"));
        assertEquals(0L, usersWithEmailsTagged());
        assertEquals(0L, fx.scalar("SELECT count(*) FROM enrollments WHERE cohort_id = ?::uuid", cohort));
        assertEquals(0, fx.scalar("SELECT seats_taken FROM cohorts WHERE id = ?::uuid", cohort));

        var bad = importCsv(cohort, "?dryRun=true", utf8(csv + "x@y,Z,ZZ,O,en\n"), fx.admin());
        assertEquals(422, bad.status());
        assertEquals(0L, usersWithEmailsTagged());
    }

    @Test
    void readsSemicolonsABomAndWindowsLineEndingsAsSpreadsheetsWriteThem() throws Exception {
        String cohort = cohort(null, "EUROPE");
        String csv = "Email;Full name;Country;Organisation;Language\r\n"
                + email("bom1") + ";Łukasz Żółć;PL;Urząd Miasta Gdańsk, Wydział Rozwoju;fr\r\n"
                + email("bom2") + ";Ελένη Παπαδοπούλου;GR;\"Δήμος Αθηναίων; Τμήμα\";en\r\n";
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(new byte[]{(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        bytes.write(utf8(csv));
        var r = importCsv(cohort, "", bytes.toByteArray(), fx.admin());
        assertEquals(200, r.status(), r.body());
        assertEquals(2, r.json().get("enrolled"));
        assertEquals("Urząd Miasta Gdańsk, Wydział Rozwoju",
                fx.scalar("SELECT organization FROM users WHERE email = ?", email("bom1")));
        assertEquals("Łukasz Żółć", fx.scalar("SELECT full_name FROM users WHERE email = ?", email("bom1")));
        assertEquals("Δήμος Αθηναίων; Τμήμα", fx.scalar("SELECT organization FROM users WHERE email = ?", email("bom2")));
        assertEquals("EUROPE", fx.scalar("SELECT regional_section FROM users WHERE email = ?", email("bom2")));
    }

    @Test
    void importsTwoThousandRowsInOneGo() {
        String cohort = cohort(null, "WORLD");
        StringBuilder csv = new StringBuilder("email,full name,country,organization,language\n");
        for (int i = 0; i < 2000; i++) {
            csv.append(email("bulk" + i)).append(",Learner ").append(i).append(",ES,Ajuntament de Barcelona,")
                    .append(List.of("en", "es", "fr").get(i % 3)).append('\n');
        }
        var r = importCsv(cohort, "", utf8(csv.toString()), fx.admin());
        assertEquals(200, r.status(), r.body().substring(0, Math.min(500, r.body().length())));
        assertEquals(2000, r.json().get("enrolled"));
        assertEquals(2000, r.json().get("accountsCreated"));
        assertEquals(2000L, fx.scalar("SELECT count(*) FROM enrollments WHERE cohort_id = ?::uuid AND status = 'ENROLLED'", cohort));
        assertEquals(2000L, fx.scalar("SELECT count(*) FROM users WHERE email LIKE ? AND password_hash IS NULL",
                "bulk%-" + tag + "@example.org"));
        assertEquals(667L, fx.scalar("SELECT count(*) FROM users WHERE email LIKE ? AND preferred_language = 'en'",
                "bulk%-" + tag + "@example.org"));
        assertEquals(2000, fx.scalar("SELECT seats_taken FROM cohorts WHERE id = ?::uuid", cohort));
    }

    @Test
    void moreThanFiveThousandRowsIsA413AndWritesNothing() {
        String cohort = cohort(null, "WORLD");
        StringBuilder csv = new StringBuilder("email,full name,country,organization,language\n");
        for (int i = 0; i < 5001; i++) {
            csv.append(email("big" + i)).append(",L ").append(i).append(",FR,Paris,fr\n");
        }
        var r = importCsv(cohort, "", utf8(csv.toString()), fx.admin());
        assertEquals(413, r.status(), r.body());
        assertEquals("application/problem+json", r.contentType());
        assertEquals(List.of("body"), errorFields(r));
        assertEquals(0L, usersWithEmailsTagged());
    }

    @Test
    void fileLevelProblemsAre400OnTheBody() {
        String cohort = cohort(null, "AFRICA");
        byte[] latin1 = ("email,full name,country,organization,language\n" + email("latin") + ",José,ES,Org,es\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        var notUtf8 = importCsv(cohort, "", latin1, fx.admin());
        assertEquals(400, notUtf8.status());
        assertEquals(List.of("body"), errorFields(notUtf8));
        assertTrue(notUtf8.json().get("detail").toString().contains("UTF-8"));

        var missingColumn = importCsv(cohort, "", utf8("email,full name,country\n" + email("x") + ",X,SN\n"), fx.admin());
        assertEquals(400, missingColumn.status());
        assertTrue(missingColumn.json().get("detail").toString().contains("organization"), missingColumn.body());

        var empty = importCsv(cohort, "", new byte[0], fx.admin());
        assertEquals(400, empty.status(), empty.body());
        assertEquals(List.of("body"), errorFields(empty));

        var unclosedQuote = importCsv(cohort, "", utf8("email,full name,country,organization,language\n"
                + email("q") + ",\"Open quote,SN,Org,fr\n"), fx.admin());
        assertEquals(400, unclosedQuote.status(), unclosedQuote.body());

        var json = api.postRaw("/api/v1/cohorts/" + cohort + "/enrollments/import", "application/json", utf8("{}"), fx.admin());
        assertEquals(415, json.status());
        assertEquals(0L, usersWithEmailsTagged());
    }

    @Test
    void onlyManagersOfTheCohortImport() {
        String cohort = cohort(null, "MEWA");
        byte[] csv = utf8("email,full name,country,organization,language\n" + email("who") + ",W,JO,Amman,en\n");
        assertEquals(403, importCsv(cohort, "", csv, fx.learner("importer").token()).status());
        assertEquals(403, importCsv(cohort, "", csv, fx.coordinator("elsewhere", "NORAM").token()).status());
        assertEquals(401, importCsv(cohort, "", csv, null).status());
        assertEquals(0L, usersWithEmailsTagged());
        var ok = importCsv(cohort, "", csv, fx.coordinator("mewa", "MEWA").token());
        assertEquals(200, ok.status(), ok.body());
        assertNotNull(results(ok.json()).get(0).get("enrollmentId"));
        assertFalse(results(ok.json()).isEmpty());
    }
}
