package org.uclg.learning.cohorts.trainers;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The trainer-of-trainers walk: X trained Y when X led the TOT cohort Y's certification came from.
 * A null module means every module (one statement each, with the module as a nullable parameter).
 */
@Singleton
class LineageQueries {
    private static final String DOWNSTREAM = """
            WITH RECURSIVE lineage (trainer_id, trained_by, cohort_id, module_code, certified_on, depth, path) AS (
                SELECT tc.trainer_id, ct.trainer_id, tc.source_cohort_id, tc.module_code, tc.certified_on, 1,
                       ARRAY[ct.trainer_id, tc.trainer_id]
                FROM cohort_trainers ct
                JOIN trainer_certifications tc ON tc.source_cohort_id = ct.cohort_id
                WHERE ct.trainer_id = ? AND tc.trainer_id <> ct.trainer_id
                  AND (CAST(? AS varchar) IS NULL OR tc.module_code = ?)
              UNION ALL
                SELECT tc.trainer_id, ct.trainer_id, tc.source_cohort_id, tc.module_code, tc.certified_on, l.depth + 1,
                       l.path || tc.trainer_id
                FROM lineage l
                JOIN cohort_trainers ct ON ct.trainer_id = l.trainer_id
                JOIN trainer_certifications tc ON tc.source_cohort_id = ct.cohort_id
                WHERE tc.trainer_id <> ALL (l.path) AND l.depth < 64
                  AND (CAST(? AS varchar) IS NULL OR tc.module_code = ?)
            )
            SELECT DISTINCT ON (trainer_id, module_code) trainer_id, trained_by, cohort_id, module_code, certified_on, depth
            FROM lineage ORDER BY trainer_id, module_code, depth, certified_on""";
    private static final String UPSTREAM = """
            SELECT tc.trainer_id, ct.trainer_id, tc.source_cohort_id, tc.module_code, tc.certified_on, 1
            FROM trainer_certifications tc
            JOIN cohort_trainers ct ON ct.cohort_id = tc.source_cohort_id
            WHERE tc.trainer_id = ? AND (CAST(? AS varchar) IS NULL OR tc.module_code = ?)
            ORDER BY tc.module_code, ct.trainer_id""";
    private static final String LED_BY = """
            SELECT DISTINCT ct.cohort_id FROM cohort_trainers ct JOIN cohorts c ON c.id = ct.cohort_id
            WHERE ct.trainer_id = ANY(?) AND (CAST(? AS varchar) IS NULL OR c.module_code = ?)""";

    private final JdbcOperations jdbc;

    LineageQueries(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /** A certification edge of the cascade, as the walk found it. */
    record Edge(UUID trainerId, UUID trainedBy, UUID cohortId, String moduleCode, LocalDate certifiedOn, int depth) {
    }

    /**
     * Everyone certified downstream of a trainer. The path array stops cycles; each (trainer, module)
     * appears once, at its shallowest depth.
     */
    List<Edge> downstream(UUID trainerId, @Nullable String moduleCode) {
        return edges(DOWNSTREAM, trainerId, moduleCode, 2);
    }

    /** Who certified this trainer, per module. */
    List<Edge> upstream(UUID trainerId, @Nullable String moduleCode) {
        return edges(UPSTREAM, trainerId, moduleCode, 1);
    }

    /** Cohorts led by any of these trainers (optionally of one module). */
    Set<UUID> cohortsLedBy(Collection<UUID> trainerIds, @Nullable String moduleCode) {
        if (trainerIds.isEmpty()) {
            return Set.of();
        }
        return jdbc.prepareStatement(LED_BY, ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("uuid", trainerIds.toArray()));
            ps.setString(2, moduleCode);
            ps.setString(3, moduleCode);
            Set<UUID> ids = new LinkedHashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        });
    }

    /** Runs a walk whose first parameter is the trainer, followed by {@code moduleFilters} (module, module) pairs. */
    private List<Edge> edges(String sql, UUID trainerId, @Nullable String moduleCode, int moduleFilters) {
        return jdbc.prepareStatement(sql, ps -> {
            ps.setObject(1, trainerId);
            for (int i = 0; i < moduleFilters * 2; i++) {
                ps.setString(2 + i, moduleCode);
            }
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
}
