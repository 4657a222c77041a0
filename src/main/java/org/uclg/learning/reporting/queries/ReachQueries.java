package org.uclg.learning.reporting.queries;

import org.uclg.learning.reporting.ReportFilter;
import org.uclg.learning.reporting.ReportScope;

import jakarta.inject.Singleton;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

/**
 * The SQL of the reach report, over the reporting view (one row per seated enrollment) and the
 * certificates and certifications tables. People are counted as distinct learners: first one row
 * per learner and group with flags (a hash aggregate), then the flags are summed, which is much
 * cheaper than one sorted count(DISTINCT) per figure and group.
 */
@Singleton
public class ReachQueries {
    /** The flags of a view row for the period: enrolled, completed and active in it. */
    static final String FLAGS = """
            (f.enrolled_on BETWEEN ? AND ?) AS e_in,
            (f.status = 'COMPLETED' AND f.completed_on BETWEEN ? AND ?) AS c_in,
            EXISTS (SELECT 1 FROM unnest(f.activity_days) AS d (day) WHERE d.day BETWEEN ? AND ?) AS a_in
            """;

    private final EventFigures events;

    ReachQueries(EventFigures events) {
        this.events = events;
    }

    static Object[] flagArgs(ReportFilter f) {
        return new Object[]{f.from(), f.to(), f.from(), f.to(), f.from(), f.to()};
    }

    public Instant asOf(Connection c) throws SQLException {
        try (var st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT refreshed_at FROM reporting_refreshes WHERE name = 'reporting_enrollments'")) {
            return rs.next() ? rs.getTimestamp(1).toInstant() : null;
        }
    }

    public ReachData reach(Connection c, ReportScope scope, ReportFilter filter) throws SQLException {
        ReachData data = new ReachData();
        data.figures("");
        learners(c, scope, filter, data);
        extras(c, scope, filter, data);
        certificates(c, scope, filter, data);
        certifiedTrainers(c, scope, filter, data);
        data.eventsNote = events.add(c, scope, filter, data);
        return data;
    }

    private void learners(Connection c, ReportScope scope, ReportFilter filter, ReachData data) throws SQLException {
        Sql sql = new Sql().add("""
                WITH s AS (
                    SELECT f.learner_id, f.regional_section, f.module_code, f.kind, f.language, f.country,
                           f.organization_type, f.gender, f.cascade_depth,
                """ + FLAGS + """
                    FROM reporting_enrollments f WHERE true""", flagArgs(filter))
                .reachScope(scope, filter)
                .add("""
                ), per AS (
                    SELECT CASE WHEN GROUPING(regional_section) = 0 THEN 'regionalSection'
                                WHEN GROUPING(module_code) = 0 THEN 'module'
                                WHEN GROUPING(kind) = 0 THEN 'kind'
                                WHEN GROUPING(language) = 0 THEN 'language'
                                WHEN GROUPING(country) = 0 THEN 'country'
                                WHEN GROUPING(organization_type) = 0 THEN 'organizationType'
                                WHEN GROUPING(gender) = 0 THEN 'gender'
                                WHEN GROUPING(cascade_depth) = 0 THEN 'cascade'
                                ELSE 'total' END AS dim,
                           coalesce(regional_section, module_code, kind, language, country, organization_type, gender,
                                    cascade_depth::text) AS key,
                           bool_or(e_in) AS e, bool_or(a_in) AS a, bool_or(c_in) AS c,
                           bool_or(e_in AND cascade_depth IS NOT NULL) AS x
                    FROM s
                    GROUP BY GROUPING SETS ((learner_id), (learner_id, regional_section), (learner_id, module_code),
                        (learner_id, kind), (learner_id, language), (learner_id, country), (learner_id, organization_type),
                        (learner_id, gender), (learner_id, cascade_depth))
                )
                SELECT dim, key, count(*) FILTER (WHERE e), count(*) FILTER (WHERE a), count(*) FILTER (WHERE c),
                       count(*) FILTER (WHERE x)
                FROM per GROUP BY dim, key ORDER BY dim, key""");
        sql.each(c, rs -> {
            String dim = rs.getString(1);
            String key = rs.getString(2);
            long e = rs.getLong(3);
            long a = rs.getLong(4);
            long done = rs.getLong(5);
            switch (dim) {
                case "total", "regionalSection" -> {
                    ReachData.Figures f = data.figures(dim.equals("total") ? "" : key);
                    f.enrolled = e;
                    f.active = a;
                    f.completed = done;
                    f.cascadeReach = rs.getLong(6);
                }
                case "cascade" -> {
                    if (key != null && e > 0) {
                        data.cascadeByGeneration.put(Integer.parseInt(key), e);
                    }
                }
                default -> {
                    if (key != null) {
                        data.breakdowns.get(dim).put(key, new ReachData.Cell(e, a, done));
                    }
                }
            }
        });
    }

    private void extras(Connection c, ReportScope scope, ReportFilter filter, ReachData data) throws SQLException {
        Sql sql = new Sql().add("""
                WITH s AS (
                    SELECT f.regional_section, f.status, f.organization, f.organization_type, f.country, f.pre_score, f.post_score,
                """ + FLAGS + """
                    FROM reporting_enrollments f WHERE true""", flagArgs(filter))
                .reachScope(scope, filter)
                .add("""
                )
                SELECT GROUPING(regional_section), regional_section,
                       count(*) FILTER (WHERE e_in),
                       count(*) FILTER (WHERE e_in AND status = 'COMPLETED'),
                       count(DISTINCT organization) FILTER (WHERE e_in),
                       count(DISTINCT organization) FILTER (WHERE e_in AND organization_type IN ('LOCAL_GOVERNMENT', 'REGIONAL_GOVERNMENT')),
                       count(DISTINCT country) FILTER (WHERE e_in),
                       avg(post_score - pre_score) FILTER (WHERE c_in AND pre_score IS NOT NULL AND post_score IS NOT NULL),
                       count(*) FILTER (WHERE c_in AND pre_score IS NOT NULL AND post_score IS NOT NULL)
                FROM s GROUP BY GROUPING SETS ((), (regional_section))""");
        sql.each(c, rs -> {
            ReachData.Figures f = data.figures(rs.getInt(1) == 1 ? "" : rs.getString(2));
            f.enrollments = rs.getLong(3);
            f.enrollmentsCompleted = rs.getLong(4);
            f.organizations = rs.getLong(5);
            f.localGovernments = rs.getLong(6);
            f.countries = rs.getLong(7);
            double avg = rs.getDouble(8);
            f.gainAverage = rs.wasNull() ? null : avg;
            f.gainEnrollments = rs.getLong(9);
        });
    }

    private void certificates(Connection c, ReportScope scope, ReportFilter filter, ReachData data) throws SQLException {
        Sql sql = Sql.validCertificates("SELECT GROUPING(x.regional_section), x.regional_section, x.kind, count(*)", scope, filter)
                .add(" GROUP BY GROUPING SETS ((x.kind), (x.regional_section, x.kind))");
        sql.each(c, rs -> data.figures(rs.getInt(1) == 1 ? "" : rs.getString(2))
                .certificatesByKind.put(rs.getString(3), rs.getLong(4)));
    }

    private void certifiedTrainers(Connection c, ReportScope scope, ReportFilter filter, ReachData data) throws SQLException {
        Sql sql = new Sql().add("""
                SELECT GROUPING(t.regional_section), t.regional_section, count(DISTINCT t.trainer_id)
                FROM (SELECT tc.trainer_id, coalesce(sc.regional_section, u.regional_section) AS regional_section,
                             tc.module_code, sc.kind, sc.language, tc.source_cohort_id
                      FROM trainer_certifications tc
                      JOIN users u ON u.id = tc.trainer_id
                      LEFT JOIN cohorts sc ON sc.id = tc.source_cohort_id
                      WHERE tc.certified_on BETWEEN ? AND ?) AS t
                WHERE true""", filter.from(), filter.to())
                .cohortScope("t", "t.source_cohort_id", scope, filter, true)
                .add(" GROUP BY GROUPING SETS ((), (t.regional_section))");
        sql.each(c, rs -> data.figures(rs.getInt(1) == 1 ? "" : rs.getString(2)).certifiedTrainers = rs.getLong(3));
    }
}
