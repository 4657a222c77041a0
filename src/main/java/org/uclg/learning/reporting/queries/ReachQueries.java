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
 * certificates and certifications tables. The view's rows in scope are streamed once with their
 * flags for the period, and people are counted as distinct learner numbers per group
 * ({@link LearnerTally}); certificates, certifications and events are counted in PostgreSQL.
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
        certificates(c, scope, filter, data);
        certifiedTrainers(c, scope, filter, data);
        data.eventsNote = events.add(c, scope, filter, data);
        return data;
    }

    /** Dimensions of the view whose value is a group of learners, by their JSON name (cascade: the ToT generation). */
    private static final String[] GROUPED = {"regionalSection", "module", "kind", "language", "country", "organizationType",
            "gender", "cascade"};

    /**
     * Every figure of learners and enrollments in one pass over the view's rows in scope, streamed:
     * distinct learners per group as bitmaps ({@link LearnerTally}), distinct organisations and
     * countries, enrollment counts and the learning gain per regional section and in total.
     */
    private void learners(Connection c, ReportScope scope, ReportFilter filter, ReachData data) throws SQLException {
        Sql sql = new Sql().add("""
                SELECT f.learner_no, f.regional_section, f.module_code, f.kind, f.language, f.country, f.organization_type,
                       f.gender, f.cascade_depth::text, f.organization, f.status = 'COMPLETED', f.post_score - f.pre_score,
                """ + FLAGS + """
                FROM reporting_enrollments f WHERE true""", flagArgs(filter))
                .reachScope(scope, filter);
        LearnerTally tally = new LearnerTally();
        String[] keys = new String[GROUPED.length];
        sql.stream(c, rs -> {
            int learner = rs.getInt(1);
            for (int i = 0; i < keys.length; i++) {
                keys[i] = rs.getString(i + 2);
            }
            String organization = rs.getString(10);
            boolean statusCompleted = rs.getBoolean(11);
            int gain = rs.getInt(12);
            boolean hasGain = !rs.wasNull();
            boolean e = rs.getBoolean(13);
            boolean done = rs.getBoolean(14);
            boolean a = rs.getBoolean(15);
            boolean cascade = e && keys[7] != null;
            tally.group("total", "").add(learner, e, a, done, cascade);
            for (int i = 0; i < keys.length; i++) {
                if (keys[i] != null) {
                    tally.group(GROUPED[i], keys[i]).add(learner, e, a, done, cascade);
                }
            }
            for (LearnerTally.Extras x : new LearnerTally.Extras[]{tally.extras(""), tally.extras(keys[0])}) {
                if (e) {
                    x.enrollments++;
                    if (statusCompleted) {
                        x.enrollmentsCompleted++;
                    }
                    if (organization != null) {
                        x.organizations.add(organization);
                        if ("LOCAL_GOVERNMENT".equals(keys[5]) || "REGIONAL_GOVERNMENT".equals(keys[5])) {
                            x.localGovernments.add(organization);
                        }
                    }
                    if (keys[4] != null) {
                        x.countries.add(keys[4]);
                    }
                }
                if (done && hasGain) {
                    x.gainSum += gain;
                    x.gainEnrollments++;
                }
            }
        });
        tally.dimension("total").forEach((key, l) -> learnerFigures(data.figures(""), l));
        tally.dimension("regionalSection").forEach((key, l) -> learnerFigures(data.figures(key), l));
        for (String dimension : ReachData.DIMENSIONS) {
            tally.dimension(dimension).forEach((key, l) -> data.breakdowns.get(dimension).put(key,
                    new ReachData.Cell(l.enrolled.getLongCardinality(), l.active.getLongCardinality(),
                            l.completed.getLongCardinality())));
        }
        tally.dimension("cascade").forEach((generation, l) -> {
            if (!l.enrolled.isEmpty()) {
                data.cascadeByGeneration.put(Integer.parseInt(generation), l.enrolled.getLongCardinality());
            }
        });
        tally.extras().forEach((section, x) -> {
            ReachData.Figures f = data.figures(section);
            f.enrollments = x.enrollments;
            f.enrollmentsCompleted = x.enrollmentsCompleted;
            f.organizations = x.organizations.size();
            f.localGovernments = x.localGovernments.size();
            f.countries = x.countries.size();
            f.gainEnrollments = x.gainEnrollments;
            f.gainAverage = x.gainEnrollments == 0 ? null : (double) x.gainSum / x.gainEnrollments;
        });
    }

    private static void learnerFigures(ReachData.Figures f, LearnerTally.Learners l) {
        f.enrolled = l.enrolled.getLongCardinality();
        f.active = l.active.getLongCardinality();
        f.completed = l.completed.getLongCardinality();
        f.cascadeReach = l.cascade.getLongCardinality();
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
