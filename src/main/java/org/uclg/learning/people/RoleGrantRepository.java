package org.uclg.learning.people;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface RoleGrantRepository extends CrudRepository<RoleGrant, Long> {

    List<RoleGrant> findByUserId(UUID userId);

    List<RoleGrant> findByUserIdIn(Collection<UUID> userIds);

    /** Inserts the grant unless the same one exists; the unique index makes this safe under concurrency. */
    @Query("""
            INSERT INTO user_roles (user_id, role, regional_section, granted_by, granted_at)
            VALUES (:userId, :role, :regionalSection, :grantedBy, :grantedAt)
            ON CONFLICT (user_id, role, coalesce(regional_section, '')) DO NOTHING""")
    void grant(UUID userId, String role, @io.micronaut.core.annotation.Nullable String regionalSection,
               @io.micronaut.core.annotation.Nullable UUID grantedBy, java.time.Instant grantedAt);
}
