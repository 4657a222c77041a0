package org.uclg.learning.reporting;

import org.uclg.learning.support.Db;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.util.Map;

/**
 * The figures of a reach report counted the straightforward way, over the raw tables (no reporting
 * view), for one period and one regional section ("%" for all). Tests compare the report with these.
 */
final class DirectCounts {
    private final Db db;
    private final OffsetDateTime from;
    private final OffsetDateTime to;

    DirectCounts(Db db, OffsetDateTime from, OffsetDateTime to) {
        this.db = db;
        this.from = from;
        this.to = to;
    }

    private long count(String sql, Object... args) {
        return ((Number) db.value(sql, args)).longValue();
    }

    private static final String SEATED_IN_PERIOD = """
            FROM enrollments e JOIN cohorts c ON c.id = e.cohort_id JOIN users u ON u.id = e.learner_id
            WHERE e.enrolled_at >= ? AND e.enrolled_at < ? AND c.regional_section LIKE ?""";

    long enrolled(String section) {
        return count("SELECT count(DISTINCT e.learner_id) " + SEATED_IN_PERIOD, from, to, section);
    }

    long enrolledWhere(String section, String condition) {
        return count("SELECT count(DISTINCT e.learner_id) " + SEATED_IN_PERIOD + " AND " + condition, from, to, section);
    }

    long active(String section) {
        return count("""
                SELECT count(DISTINCT e.learner_id) FROM enrollments e JOIN cohorts c ON c.id = e.cohort_id
                JOIN section_progress p ON p.enrollment_id = e.id
                WHERE e.enrolled_at IS NOT NULL AND c.regional_section LIKE ?
                  AND ((p.started_at >= ? AND p.started_at < ?) OR (p.completed_at >= ? AND p.completed_at < ?))""",
                section, from, to, from, to);
    }

    long completed(String section) {
        return count("""
                SELECT count(DISTINCT e.learner_id) FROM enrollments e JOIN cohorts c ON c.id = e.cohort_id
                WHERE e.status = 'COMPLETED' AND e.completed_at >= ? AND e.completed_at < ? AND c.regional_section LIKE ?""",
                from, to, section);
    }

    BigDecimal completionRate(String section) {
        long all = count("SELECT count(*) " + SEATED_IN_PERIOD, from, to, section);
        long done = count("SELECT count(*) " + SEATED_IN_PERIOD + " AND e.status = 'COMPLETED'", from, to, section);
        return BigDecimal.valueOf(done).divide(BigDecimal.valueOf(all), 3, RoundingMode.HALF_UP);
    }

    long certificates(String section, String kind) {
        return count("""
                SELECT count(*) FROM certificates x WHERE x.status = 'VALID' AND x.issued_at >= ? AND x.issued_at < ?
                  AND x.regional_section LIKE ? AND x.kind LIKE ?""", from, to, section, kind);
    }

    long certifiedTrainers(String section) {
        return count("""
                SELECT count(DISTINCT tc.trainer_id) FROM trainer_certifications tc JOIN users u ON u.id = tc.trainer_id
                LEFT JOIN cohorts c ON c.id = tc.source_cohort_id
                WHERE tc.certified_on >= ?::date AND tc.certified_on < ?::date
                  AND coalesce(c.regional_section, u.regional_section) LIKE ?""", from.toLocalDate(), to.toLocalDate(), section);
    }

    /** Learners enrolled in the period in cohorts led by a trainer certified for the module through a TOT cohort. */
    long cascadeReach(String section) {
        return enrolledWhere(section, """
                EXISTS (SELECT 1 FROM cohort_trainers ct JOIN trainer_certifications tc
                        ON tc.trainer_id = ct.trainer_id AND tc.module_code = c.module_code AND tc.source_cohort_id IS NOT NULL
                        WHERE ct.cohort_id = c.id)""");
    }

    long countries(String section) {
        return count("SELECT count(DISTINCT u.country) " + SEATED_IN_PERIOD, from, to, section);
    }

    long organizations(String section) {
        return count("SELECT count(DISTINCT lower(u.organization)) " + SEATED_IN_PERIOD, from, to, section);
    }

    long localGovernments(String section) {
        return count("SELECT count(DISTINCT lower(u.organization)) " + SEATED_IN_PERIOD
                + " AND u.organization_type IN ('LOCAL_GOVERNMENT', 'REGIONAL_GOVERNMENT')", from, to, section);
    }

    /** Average of post − pre over the enrollments completed in the period that have both scores. */
    Map<String, Object> learningGain(String section) {
        return db.rows("""
                SELECT avg(post.score - pre.score) AS average, count(*) AS n
                FROM enrollments e JOIN cohorts c ON c.id = e.cohort_id
                JOIN section_progress pre ON pre.enrollment_id = e.id
                JOIN sections ps ON ps.id = pre.section_id AND ps.kind = 'PRE_ASSESSMENT'
                JOIN section_progress post ON post.enrollment_id = e.id AND post.status = 'COMPLETED'
                JOIN sections qs ON qs.id = post.section_id AND qs.kind = 'POST_ASSESSMENT'
                WHERE e.status = 'COMPLETED' AND e.completed_at >= ? AND e.completed_at < ? AND c.regional_section LIKE ?""",
                from, to, section).get(0);
    }

    long enrolledInCohortsOf(java.util.UUID cohort) {
        return count("SELECT count(DISTINCT e.learner_id) FROM enrollments e WHERE e.cohort_id = ? AND e.enrolled_at >= ? AND e.enrolled_at < ?",
                cohort, from, to);
    }

    /** The distinct values of an expression over the learners enrolled in the period. */
    java.util.Set<Object> keys(String expression) {
        java.util.Set<Object> keys = new java.util.HashSet<>();
        for (Map<String, Object> row : db.rows("SELECT DISTINCT " + expression + " AS k " + SEATED_IN_PERIOD, from, to, "%")) {
            keys.add(row.get("k"));
        }
        return keys;
    }
}
