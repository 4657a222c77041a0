package org.uclg.learning.certificates;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface CertificateRepository extends CrudRepository<Certificate, UUID> {

    Optional<Certificate> findByCode(String code);

    List<Certificate> findByPdfSha256(String pdfSha256);

    List<Certificate> findByLearnerIdOrderByIssuedAtDesc(UUID learnerId);

    boolean existsByEnrollmentIdAndKindAndStatus(UUID enrollmentId, CertificateKind kind, CertificateStatus status);

    Optional<Certificate> findByEnrollmentIdAndKindAndStatus(UUID enrollmentId, CertificateKind kind, CertificateStatus status);

    boolean existsByEventIdAndLearnerIdAndStatus(UUID eventId, UUID learnerId, CertificateStatus status);

    @Query("SELECT * FROM certificates WHERE id = :id FOR UPDATE")
    Optional<Certificate> findByIdForUpdate(UUID id);
}
