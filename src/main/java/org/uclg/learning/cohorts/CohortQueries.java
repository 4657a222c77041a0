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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The SQL of cohorts that a derived finder cannot say: trainers and the filtered listing (the lineage walk is in trainers/). */
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
     * Which cohorts a caller may list, with the filters of GET /cohorts as nullable parameters: admins
     * all; everyone else those not yet ended, plus (for trainers and coordinators) their own at any
     * date; {@code mine} keeps only the caller's own. Parameters, in order: module ×2, regional
     * section ×2, language ×2, kind ×2, mine, admin, caller's sections, caller, today, caller's
     * sections, caller.
     */
    private static final String VISIBLE = """
             FROM cohorts c
             WHERE (CAST(? AS varchar) IS NULL OR c.module_code = ?)
               AND (CAST(? AS varchar) IS NULL OR c.regional_section = ?)
               AND (CAST(? AS varchar) IS NULL OR c.language = ?)
               AND (CAST(? AS varchar) IS NULL OR c.kind = ?)
               AND CASE WHEN ? THEN (c.regional_section = ANY(?) OR EXISTS (
                                         SELECT 1 FROM cohort_trainers t WHERE t.cohort_id = c.id AND t.trainer_id = ?))
                        WHEN ? THEN true
                        ELSE c.ends_on >= ? OR c.regional_section = ANY(?) OR EXISTS (
                                 SELECT 1 FROM cohort_trainers t WHERE t.cohort_id = c.id AND t.trainer_id = ?)
                   END""";

    Page search(Filter f, @Nullable UserAccess who, LocalDate today, int page, int size) {
        String[] sections = who == null ? new String[0] : who.coordinatedSections().stream().map(Enum::name).toArray(String[]::new);
        UUID me = who == null ? null : who.userId();
        String section = f.regionalSection() == null ? null : f.regionalSection().name();
        String kind = f.kind() == null ? null : f.kind().name();
        boolean admin = who != null && who.isAdmin();
        StatementBinder bindFilter = ps -> {
            int i = 1;
            for (String value : new String[]{f.moduleCode(), section, f.language(), kind}) {
                ps.setString(i++, value);
                ps.setString(i++, value);
            }
            ps.setBoolean(i++, f.mine());
            ps.setArray(i++, ps.getConnection().createArrayOf("varchar", sections));
            ps.setObject(i++, me);
            ps.setBoolean(i++, admin);
            ps.setDate(i++, Date.valueOf(today));
            ps.setArray(i++, ps.getConnection().createArrayOf("varchar", sections));
            ps.setObject(i++, me);
            return i;
        };
        long total = jdbc.prepareStatement("SELECT count(*)" + VISIBLE, ps -> {
            bindFilter.bind(ps);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
        List<Cohort> items = jdbc.prepareStatement("SELECT c.*" + VISIBLE + " ORDER BY c.starts_on DESC, c.id LIMIT ? OFFSET ?", ps -> {
            int next = bindFilter.bind(ps);
            ps.setInt(next, size);
            ps.setLong(next + 1, (long) page * size);
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

    /** Binds parameters from the first; returns the index of the next free one. */
    private interface StatementBinder {
        int bind(PreparedStatement ps) throws SQLException;
    }

    /** The cohorts a trainer leads (cohort_trainers_trainer_id_idx). */
    Set<UUID> ledBy(UUID trainerId) {
        return jdbc.prepareStatement("SELECT cohort_id FROM cohort_trainers WHERE trainer_id = ?", ps -> {
            ps.setObject(1, trainerId);
            Set<UUID> ids = new java.util.LinkedHashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        });
    }

    private static Array uuids(Connection c, Collection<UUID> ids) throws SQLException {
        return c.createArrayOf("uuid", ids.toArray());
    }
}
