package org.uclg.learning.cohorts.trainers;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface CertificationRepository extends CrudRepository<TrainerCertification, Long> {

    List<TrainerCertification> findByTrainerIdOrderByCertifiedOn(UUID trainerId);

    List<TrainerCertification> findByModuleCodeAndTrainerIdIn(String moduleCode, Collection<UUID> trainerIds);

    /** The first certification of a trainer for a module counts; a later one changes nothing. Returns rows inserted. */
    @Query("""
            INSERT INTO trainer_certifications (trainer_id, module_code, source_cohort_id, certified_on, granted_by, created_at)
            VALUES (:trainerId, :moduleCode, :sourceCohortId, :certifiedOn, :grantedBy, :createdAt)
            ON CONFLICT (trainer_id, module_code) DO NOTHING""")
    int insertIfAbsent(UUID trainerId, String moduleCode, @Nullable UUID sourceCohortId, LocalDate certifiedOn,
                       @Nullable UUID grantedBy, Instant createdAt);

    /** Whether the trainer trains, or trained, a cohort hosted by one of these regional sections. */
    @Query("""
            SELECT EXISTS (SELECT 1 FROM cohort_trainers ct JOIN cohorts c ON c.id = ct.cohort_id
                            WHERE ct.trainer_id = :trainerId AND c.regional_section = ANY(CAST(:regionalSections AS varchar[])))""")
    boolean trainsInAnyOf(UUID trainerId, String[] regionalSections);
}
