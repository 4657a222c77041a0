package org.uclg.learning.reporting;

import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A crafted network for one calendar year, written straight into the other features' tables (a
 * report needs past dates, which the API cannot make). Every test uses its own year, so the
 * report over that year counts only its rows, whatever else the shared database holds.
 *
 * <pre>
 * M (master trainer, admin-granted SDG-1)
 *  └─ T1 (TOT, AFRICA): A1, A2 certified (generation 1)
 *      └─ T2 (TOT, AFRICA, led by A1): B1 certified (generation 2)
 * W1 (WORKSHOP SDG-1, AFRICA, fr, led by A1): L1..L6   — cascade generation 1
 * W2 (WORKSHOP SDG-1, EUROPE, en, led by B1): L7..L11 and L1 — generation 2; L1 is active in two sections
 * F1 (FACILITATED RES-1, AFRICA, es, led by M): L12..L16 — not cascade
 * F0 (RES-1, AFRICA, the year before): L17 enrolled the year before, completed in January
 * </pre>
 */
final class ReachWorld {
    final int year;
    final UUID master;
    final UUID a1;
    final UUID a2;
    final UUID b1;
    final UUID t1;
    final UUID t2;
    final UUID w1;
    final UUID w2;
    final UUID f1;
    final UUID f0;
    final List<UUID> learners = new ArrayList<>();
    final String tag = UUID.randomUUID().toString().substring(0, 8);

    private final DataSource ds;

    ReachWorld(DataSource dataSource, int year, UUID a1TrainerWithLogin) {
        this.ds = dataSource instanceof DelegatingDataSource d ? d.getTargetDataSource() : dataSource;
        this.year = year;
        master = user("master", "ES", "AFRICA", "INTERNATIONAL_ORGANIZATION", "UCLG", "female");
        a1 = a1TrainerWithLogin;
        a2 = user("a2", "SN", "AFRICA", "LOCAL_GOVERNMENT", "Ville de Dakar", "male");
        b1 = user("b1", "FR", "EUROPE", "LOCAL_GOVERNMENT_ASSOCIATION", "CCRE", "female");
        certify(master, "SDG-1", null, day(1, 5));
        certify(master, "RES-1", null, day(1, 5));
        t1 = cohort("SDG-1", "TOT", "fr", "AFRICA", day(1, 20), master);
        enroll(t1, a1, at(1, 15), "COMPLETED", at(1, 31), null);
        enroll(t1, a2, at(1, 15), "COMPLETED", at(1, 31), null);
        certify(a1, "SDG-1", t1, day(2, 1));
        certify(a2, "SDG-1", t1, day(2, 1));
        t2 = cohort("SDG-1", "TOT", "fr", "AFRICA", day(2, 15), a1);
        enroll(t2, b1, at(2, 10), "COMPLETED", at(2, 28), null);
        certify(b1, "SDG-1", t2, day(3, 1));

        String[] countries = {"SN", "CI", "SN", "CI", "SN", "CI", "FR", "ES", "DE", "FR", "ES", "MA", "MA", "MA", "TN", "MA", "SN"};
        String[] types = {"LOCAL_GOVERNMENT", "LOCAL_GOVERNMENT", "REGIONAL_GOVERNMENT", "CIVIL_SOCIETY", null, "LOCAL_GOVERNMENT",
                "LOCAL_GOVERNMENT", "LOCAL_GOVERNMENT", "ACADEMIA", "LOCAL_GOVERNMENT", "REGIONAL_GOVERNMENT", "LOCAL_GOVERNMENT",
                "LOCAL_GOVERNMENT", "LOCAL_GOVERNMENT", "LOCAL_GOVERNMENT", "NATIONAL_GOVERNMENT", "LOCAL_GOVERNMENT"};
        String[] genders = {"female", "female", "male", "female", null, "female", "male", "female", "female", "male", "female",
                "female", "female", "male", "female", "female", "female"};
        for (int i = 0; i < 17; i++) {
            learners.add(user("l" + (i + 1), countries[i], i < 6 || i > 10 ? "AFRICA" : "EUROPE", types[i],
                    "Commune " + tag + " " + (i % 7), genders[i]));
        }
        w1 = cohort("SDG-1", "WORKSHOP", "fr", "AFRICA", day(4, 1), a1);
        for (int i = 0; i < 6; i++) {
            boolean done = i < 4;
            UUID e = enroll(w1, l(i + 1), at(3, 25 + i), done ? "COMPLETED" : "ENROLLED", done ? at(5, 1 + i) : null, null);
            if (done) {
                allSections(e, "SDG-1", l(i + 1), at(4, 2 + i), 40 + i, 70 + 2 * i);
                certificate(e, l(i + 1), w1, "MODULE_COMPLETION", "AFRICA", "SDG-1", "fr", at(5, 2 + i));
            } else if (i == 4) {
                progress(e, "SDG-1", "pre-assessment", l(i + 1), "COMPLETED", 35, at(4, 20));
                progress(e, "SDG-1", "sdgs-and-local-action", l(i + 1), "STARTED", null, at(4, 21));
            }
        }
        w2 = cohort("SDG-1", "WORKSHOP", "en", "EUROPE", day(6, 1), b1);
        for (int i = 7; i <= 11; i++) {
            boolean done = i <= 8;
            UUID e = enroll(w2, l(i), at(5, 20 + i), done ? "COMPLETED" : "ENROLLED", done ? at(7, i) : null, null);
            if (done) {
                allSections(e, "SDG-1", l(i), at(6, 2 + i), 50, 60 + i);
                certificate(e, l(i), w2, "MODULE_COMPLETION", "EUROPE", "SDG-1", "en", at(7, i + 1));
            } else {
                progress(e, "SDG-1", "pre-assessment", l(i), "COMPLETED", 45, at(6, 3));
            }
        }
        UUID twice = enroll(w2, l(1), at(5, 30), "ENROLLED", null, null);
        progress(twice, "SDG-1", "pre-assessment", l(1), "COMPLETED", 80, at(6, 5));
        f1 = cohort("RES-1", "FACILITATED", "es", "AFRICA", day(9, 1), master);
        for (int i = 12; i <= 16; i++) {
            boolean done = i == 12;
            UUID e = enroll(f1, l(i), at(9, i - 10), done ? "COMPLETED" : (i == 16 ? "WITHDRAWN" : "ENROLLED"),
                    done ? at(10, 15) : null, i == 16 ? at(9, 20) : null);
            if (done) {
                allSections(e, "RES-1", l(i), at(9, 10), 30, 90);
                certificate(e, l(i), f1, "MODULE_COMPLETION", "AFRICA", "RES-1", "es", at(10, 16));
            } else if (i <= 14) {
                progress(e, "RES-1", "pre-assessment", l(i), "COMPLETED", 50, at(9, 15));
            }
        }
        f0 = cohort("RES-1", "FACILITATED", "es", "AFRICA", LocalDate.of(year - 1, 11, 1), master);
        UUID old = enroll(f0, l(17), OffsetDateTime.of(year - 1, 10, 25, 9, 0, 0, 0, ZoneOffset.UTC), "COMPLETED", at(1, 10), null);
        progress(old, "RES-1", "pre-assessment", l(17), "COMPLETED", 20, OffsetDateTime.of(year - 1, 11, 3, 9, 0, 0, 0, ZoneOffset.UTC));
        certificate(old, l(17), f0, "MODULE_COMPLETION", "AFRICA", "RES-1", "es", at(1, 11));
        certificate(enrollmentOf(t1, a1), a1, t1, "CERTIFIED_TRAINER", "AFRICA", "SDG-1", "fr", at(2, 1));
        certificate(enrollmentOf(t1, a2), a2, t1, "CERTIFIED_TRAINER", "AFRICA", "SDG-1", "fr", at(2, 1));
        certificate(enrollmentOf(t2, b1), b1, t2, "CERTIFIED_TRAINER", "AFRICA", "SDG-1", "fr", at(3, 2));
    }

    UUID l(int n) {
        return learners.get(n - 1);
    }

    String from() {
        return year + "-01-01";
    }

    String to() {
        return year + "-12-31";
    }

    OffsetDateTime start() {
        return OffsetDateTime.of(year, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    }

    OffsetDateTime end() {
        return start().plusYears(1);
    }

    private LocalDate day(int month, int day) {
        return LocalDate.of(year, month, day);
    }

    private OffsetDateTime at(int month, int day) {
        return OffsetDateTime.of(year, month, day, 10, 0, 0, 0, ZoneOffset.UTC);
    }

    private UUID user(String prefix, String country, String section, String orgType, String org, String gender) {
        UUID id = UUID.randomUUID();
        exec("""
                INSERT INTO users (id, email, full_name, preferred_language, country, regional_section, organization,
                                   organization_type, gender, created_at, updated_at)
                VALUES (?, ?, ?, 'en', ?, ?, ?, ?, ?, now(), now())""",
                id, "reach-" + prefix + "-" + tag + "@example.org", "Reach " + prefix + " " + tag, country, section, org, orgType, gender);
        return id;
    }

    private void certify(UUID trainer, String module, UUID source, LocalDate on) {
        exec("INSERT INTO trainer_certifications (trainer_id, module_code, source_cohort_id, certified_on, created_at) VALUES (?, ?, ?, ?, now())",
                trainer, module, source, on);
    }

    private UUID cohort(String module, String kind, String lang, String section, LocalDate starts, UUID trainer) {
        UUID id = UUID.randomUUID();
        exec("""
                INSERT INTO cohorts (id, module_code, kind, language, title, starts_on, ends_on, enrollment_policy, regional_section,
                                     created_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, now(), now())""",
                id, module, kind, lang, "Reach " + kind + " " + tag, starts, starts.plusDays(60), section);
        exec("INSERT INTO cohort_trainers (cohort_id, trainer_id, assigned_at) VALUES (?, ?, now())", id, trainer);
        return id;
    }

    private UUID enroll(UUID cohort, UUID learner, OffsetDateTime enrolledAt, String status, OffsetDateTime completedAt,
                        OffsetDateTime withdrawnAt) {
        UUID id = UUID.randomUUID();
        exec("""
                INSERT INTO enrollments (id, cohort_id, learner_id, status, created_at, enrolled_at, completed_at, withdrawn_at, updated_at)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, now())""",
                id, cohort, learner, status, enrolledAt, enrolledAt, completedAt, withdrawnAt);
        return id;
    }

    private UUID enrollmentOf(UUID cohort, UUID learner) {
        try (Connection c = ds.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id FROM enrollments WHERE cohort_id = ? AND learner_id = ?")) {
            ps.setObject(1, cohort);
            ps.setObject(2, learner);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, UUID.class);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void allSections(UUID enrollment, String module, UUID learner, OffsetDateTime from, int pre, int post) {
        exec("""
                INSERT INTO section_progress (enrollment_id, section_id, status, score, started_at, completed_at, recorded_by, updated_at)
                SELECT ?, s.id, 'COMPLETED',
                       CASE s.kind WHEN 'PRE_ASSESSMENT' THEN ? WHEN 'POST_ASSESSMENT' THEN ? WHEN 'ASSESSMENT' THEN 80 END,
                       ? + s.position * interval '1 day', ? + s.position * interval '1 day' + interval '1 hour', ?, now()
                FROM sections s WHERE s.module_code = ? AND s.retired_at IS NULL""",
                enrollment, pre, post, from, from, learner, module);
    }

    private void progress(UUID enrollment, String module, String key, UUID learner, String status, Integer score, OffsetDateTime at) {
        exec("""
                INSERT INTO section_progress (enrollment_id, section_id, status, score, started_at, completed_at, recorded_by, updated_at)
                SELECT ?, s.id, ?, ?, ?, CASE WHEN ? = 'COMPLETED' THEN ?::timestamptz END, ?, now()
                FROM sections s WHERE s.module_code = ? AND s.key = ?""",
                enrollment, status, score, at, status, at, learner, module, key);
    }

    private void certificate(UUID enrollment, UUID learner, UUID cohort, String kind, String section, String module, String lang,
                             OffsetDateTime issued) {
        UUID id = UUID.randomUUID();
        exec("""
                INSERT INTO certificates (id, code, kind, status, enrollment_id, learner_id, cohort_id, module_code, module_version,
                                          module_title, cohort_title, printed_name, language, hours, starts_on, completed_on,
                                          regional_section, partners, issued_at, pdf_sha256)
                VALUES (?, ?, ?, 'VALID', ?, ?, ?, ?, 1, ?, 'cohort', 'name', ?, 10, ?, ?, ?, '[]'::jsonb, ?, 'x')""",
                id, id.toString().substring(0, 16), kind, enrollment, learner, cohort, module, module, lang, issued.toLocalDate(),
                issued.toLocalDate(), section, issued);
    }

    private void exec(String sql, Object... args) {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
