package org.uclg.learning.support;

import javax.sql.DataSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Cohort and enrollment fixtures built through the API, plus plain SQL to look at stored rows. */
public final class Fixtures {
    private final Api api;
    private final Db db;
    private String adminToken;

    public Fixtures(Api api, DataSource dataSource) {
        this.api = api;
        this.db = new Db(dataSource);
    }

    public String admin() {
        if (adminToken == null) {
            adminToken = api.adminToken();
        }
        return adminToken;
    }

    public String adminId() {
        return (String) api.get("/api/v1/me", admin()).json().get("id");
    }

    public Api.Account learner(String prefix) {
        return api.newLearner(prefix);
    }

    public Api.Account withRole(String prefix, String role, String regionalSection) {
        Api.Account a = api.newLearner(prefix);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("role", role);
        if (regionalSection != null) {
            body.put("regionalSection", regionalSection);
        }
        Api.Response r = api.post("/api/v1/users/" + a.id() + "/roles", body, admin());
        if (r.status() != 200) {
            throw new AssertionError("grant failed: " + r.status() + " " + r.body());
        }
        return new Api.Account(a.id(), a.email(), api.login(a.email(), "correct horse battery"));
    }

    public Api.Account trainer(String prefix) {
        return withRole(prefix, "TRAINER", null);
    }

    public Api.Account coordinator(String prefix, String regionalSection) {
        return withRole(prefix, "SECTION_COORDINATOR", regionalSection);
    }

    /** A TRAINER certified for the module by an admin. */
    public Api.Account certifiedTrainer(String prefix, String moduleCode) {
        Api.Account t = trainer(prefix);
        Api.Response r = api.post("/api/v1/trainers/" + t.id() + "/certifications", Map.of("moduleCode", moduleCode), admin());
        if (r.status() != 201) {
            throw new AssertionError("certification failed: " + r.status() + " " + r.body());
        }
        return t;
    }

    /** A cohort body that starts in 10 days and runs for a month. */
    public static Map<String, Object> cohortBody(String moduleCode, String kind, Integer capacity, String policy,
                                                 String regionalSection, List<String> trainerIds) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("moduleCode", moduleCode);
        body.put("kind", kind);
        body.put("language", "fr");
        body.put("startsOn", LocalDate.now().plusDays(10).toString());
        body.put("endsOn", LocalDate.now().plusDays(40).toString());
        if (capacity != null) {
            body.put("capacity", capacity);
        }
        body.put("enrollmentPolicy", policy);
        body.put("regionalSection", regionalSection);
        body.put("trainerIds", trainerIds);
        return body;
    }

    public Map<String, Object> createCohort(Map<String, Object> body, String token) {
        Api.Response r = api.post("/api/v1/cohorts", body, token);
        if (r.status() != 201) {
            throw new AssertionError("cohort creation failed: " + r.status() + " " + r.body());
        }
        return r.json();
    }

    /** An OPEN SDG-1 SELF_PACED cohort of AFRICA created by the admin. */
    public String openCohort(Integer capacity) {
        return (String) createCohort(cohortBody("SDG-1", "SELF_PACED", capacity, "OPEN", "AFRICA", List.of()), admin()).get("id");
    }

    public Map<String, Object> enroll(String cohortId, String token) {
        Api.Response r = api.post("/api/v1/cohorts/" + cohortId + "/enrollments", Map.of(), token);
        if (r.status() != 201) {
            throw new AssertionError("enrolment failed: " + r.status() + " " + r.body());
        }
        return r.json();
    }

    // ---- stored rows ----------------------------------------------------------------------

    public List<Map<String, Object>> rows(String sql, Object... args) {
        return db.rows(sql, args);
    }

    public Object scalar(String sql, Object... args) {
        return db.value(sql, args);
    }

    /** The stored status of an enrollment. */
    public String status(String enrollmentId) {
        return (String) scalar("SELECT status FROM enrollments WHERE id = ?::uuid", enrollmentId);
    }

    /** The field names of a problem's {@code errors}. */
    @SuppressWarnings("unchecked")
    public static List<String> errorFields(Api.Response r) {
        Object errors = r.json().get("errors");
        if (errors == null) {
            return List.of();
        }
        return ((List<Map<String, Object>>) errors).stream().map(e -> (String) e.get("field")).toList();
    }
}
