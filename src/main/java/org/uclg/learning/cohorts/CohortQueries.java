package org.uclg.learning.cohorts;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import org.uclg.learning.people.RegionalSection;
import org.uclg.learning.people.UserAccess;

import java.sql.Array;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The SQL of cohorts that a derived finder cannot say: trainers, the filtered listing, the lineage walk. */
@Singleton
class CohortQueries {
    private final JdbcOperations jdbc;

    CohortQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** Filters of GET /cohorts; null means any. */
    record Filter(@Nullable String moduleCode, @Nullable RegionalSection regionalSection, @Nullable String language,
                  @Nullable CohortKind kind, boolean mine) {
    }

    record Page(List<Cohort> items, long total) {
    }

    Map<UUID, List<UUID>> trainers(Collection<UUID> cohortIds) {
        Map<UUID, List<UUID>> byCohort = new HashMap<>();
        if (cohortIds.isEmpty()) {
            return byCohort;
        }
        return jdbc.prepareStatement(
                "SELECT cohort_id, trainer_id FROM cohort_trainers WHERE cohort_id = ANY(?) ORDER BY assigned_at, trainer_id",
                ps -> {
                    ps.setArray(1, uuids(ps.getConnection(), cohortIds));
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            byCohort.computeIfAbsent(rs.getObject(1, UUID.class), k -> new ArrayList<>())
                                    .add(rs.getObject(2, UUID.class));
                        }
                    }
                    return byCohort;
                });
    }

    /** Sets the trainers of a cohort to exactly these, keeping the assignment date of those who stay. */
    void replaceTrainers(UUID cohortId, List<UUID> trainerIds, UUID assignedBy, Instant now) {
        jdbc.prepareStatement("DELETE FROM cohort_trainers WHERE cohort_id = ? AND NOT (trainer_id = ANY(?))", ps -> {
            ps.setObject(1, cohortId);
            ps.setArray(2, uuids(ps.getConnection(), trainerIds));
            return ps.executeUpdate();
        });
        jdbc.prepareStatement("""
                INSERT INTO cohort_trainers (cohort_id, trainer_id, assigned_by, assigned_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (cohort_id, trainer_id) DO NOTHING""", ps -> {
            for (UUID trainer : trainerIds) {
                ps.setObject(1, cohortId);
                ps.setObject(2, trainer);
                ps.setObject(3, assignedBy);
                ps.setTimestamp(4, Timestamp.from(now));
                ps.addBatch();
            }
            return ps.executeBatch();
        });
    }

    /**
     * Cohorts a caller may list: admins all; everyone else those not yet ended, plus (for trainers
     * and coordinators) their own at any date. {@code mine} keeps only the caller's own.
     */
    Page search(Filter f, @Nullable UserAccess who, LocalDate today, int page, int size) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> args = new ArrayList<>();
        if (f.moduleCode() != null) {
            where.append(" AND c.module_code = ?");
            args.add(f.moduleCode());
        }
        if (f.regionalSection() != null) {
            where.append(" AND c.regional_section = ?");
            args.add(f.regionalSection().name());
        }
        if (f.language() != null) {
            where.append(" AND c.language = ?");
            args.add(f.language());
        }
        if (f.kind() != null) {
            where.append(" AND c.kind = ?");
            args.add(f.kind().name());
        }
        String own = "(c.regional_section = ANY(?) OR EXISTS (SELECT 1 FROM cohort_trainers t WHERE t.cohort_id = c.id AND t.trainer_id = ?))";
        String[] sections = who == null ? new String[0]
                : who.coordinatedSections().stream().map(Enum::name).toArray(String[]::new);
        UUID me = who == null ? null : who.userId();
        if (f.mine()) {
            where.append(" AND ").append(own);
            args.add(sections);
            args.add(me);
        } else if (who == null || !who.isAdmin()) {
            where.append(" AND (c.ends_on >= ? OR ").append(own).append(")");
            args.add(today);
            args.add(sections);
            args.add(me);
        }
        long total = jdbc.prepareStatement("SELECT count(*) FROM cohorts c" + where, ps -> {
            bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        List<Cohort> items = jdbc.prepareStatement(
                "SELECT c.* FROM cohorts c" + where + " ORDER BY c.starts_on DESC, c.id LIMIT ? OFFSET ?", ps -> {
                    List<Object> all = new ArrayList<>(args);
                    all.add(size);
                    all.add((long) page * size);
                    bind(ps, all);
                    List<Cohort> list = new ArrayList<>();
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            list.add(jdbc.readEntity(rs, Cohort.class));
                        }
                    }
                    return list;
                });
        return new Page(items, total);
    }

    /** A certification edge of the cascade, as the recursive walk found it. */
    record Edge(UUID trainerId, UUID trainedBy, UUID cohortId, String moduleCode, LocalDate certifiedOn, int depth) {
    }

    /**
     * Everyone certified downstream of a trainer: X trained Y when X led the TOT cohort Y's
     * certification came from. The path array stops cycles; each (trainer, module) appears once, at
     * its shallowest depth.
     */
    List<Edge> downstream(UUID trainerId, @Nullable String moduleCode) {
        String module = moduleCode == null ? "" : " AND tc.module_code = ?";
        String sql = """
                WITH RECURSIVE lineage (trainer_id, trained_by, cohort_id, module_code, certified_on, depth, path) AS (
                    SELECT tc.trainer_id, ct.trainer_id, tc.source_cohort_id, tc.module_code, tc.certified_on, 1,
                           ARRAY[ct.trainer_id, tc.trainer_id]
                    FROM cohort_trainers ct
                    JOIN trainer_certifications tc ON tc.source_cohort_id = ct.cohort_id
                    WHERE ct.trainer_id = ? AND tc.trainer_id <> ct.trainer_id %s
                  UNION ALL
                    SELECT tc.trainer_id, ct.trainer_id, tc.source_cohort_id, tc.module_code, tc.certified_on, l.depth + 1,
                           l.path || tc.trainer_id
                    FROM lineage l
                    JOIN cohort_trainers ct ON ct.trainer_id = l.trainer_id
                    JOIN trainer_certifications tc ON tc.source_cohort_id = ct.cohort_id
                    WHERE tc.trainer_id <> ALL (l.path) AND l.depth < 64 %s
                )
                SELECT DISTINCT ON (trainer_id, module_code) trainer_id, trained_by, cohort_id, module_code, certified_on, depth
                FROM lineage ORDER BY trainer_id, module_code, depth, certified_on""".formatted(module, module);
        List<Object> args = new ArrayList<>();
        args.add(trainerId);
        if (moduleCode != null) {
            args.add(moduleCode);
            args.add(moduleCode);
        }
        return edges(sql, args);
    }

    /** Who certified this trainer, per module. */
    List<Edge> upstream(UUID trainerId, @Nullable String moduleCode) {
        String sql = """
                SELECT tc.trainer_id, ct.trainer_id, tc.source_cohort_id, tc.module_code, tc.certified_on, 1
                FROM trainer_certifications tc
                JOIN cohort_trainers ct ON ct.cohort_id = tc.source_cohort_id
                WHERE tc.trainer_id = ?""" + (moduleCode == null ? "" : " AND tc.module_code = ?")
                + " ORDER BY tc.module_code, ct.trainer_id";
        List<Object> args = new ArrayList<>();
        args.add(trainerId);
        if (moduleCode != null) {
            args.add(moduleCode);
        }
        return edges(sql, args);
    }

    /** Cohorts led by any of these trainers (optionally of one module). */
    Set<UUID> cohortsLedBy(Collection<UUID> trainerIds, @Nullable String moduleCode) {
        if (trainerIds.isEmpty()) {
            return Set.of();
        }
        String sql = "SELECT DISTINCT ct.cohort_id FROM cohort_trainers ct"
                + (moduleCode == null ? "" : " JOIN cohorts c ON c.id = ct.cohort_id AND c.module_code = ?")
                + " WHERE ct.trainer_id = ANY(?)";
        return jdbc.prepareStatement(sql, ps -> {
            int i = 1;
            if (moduleCode != null) {
                ps.setString(i++, moduleCode);
            }
            ps.setArray(i, uuids(ps.getConnection(), trainerIds));
            Set<UUID> ids = new LinkedHashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        });
    }

    private List<Edge> edges(String sql, List<Object> args) {
        return jdbc.prepareStatement(sql, ps -> {
            bind(ps, args);
            List<Edge> edges = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    edges.add(new Edge(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getObject(3, UUID.class),
                            rs.getString(4), rs.getObject(5, LocalDate.class), rs.getInt(6)));
                }
            }
            return edges;
        });
    }

    private static void bind(PreparedStatement ps, List<Object> args) throws SQLException {
        for (int i = 0; i < args.size(); i++) {
            Object a = args.get(i);
            if (a instanceof String[] strings) {
                ps.setArray(i + 1, ps.getConnection().createArrayOf("varchar", strings));
            } else if (a instanceof LocalDate d) {
                ps.setDate(i + 1, Date.valueOf(d));
            } else {
                ps.setObject(i + 1, a);
            }
        }
    }

    private static Array uuids(Connection c, Collection<UUID> ids) throws SQLException {
        return c.createArrayOf("uuid", ids.toArray());
    }
}
