package org.uclg.learning.people;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
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
    int grant(UUID userId, String role, @Nullable String regionalSection, @Nullable UUID grantedBy, Instant grantedAt);

    /** Removes the grant (the scoped one for a coordinator); the number of rows removed. */
    @Query("""
            DELETE FROM user_roles
             WHERE user_id = :userId AND role = :role AND coalesce(regional_section, '') = coalesce(:regionalSection, '')""")
    int revoke(UUID userId, String role, @Nullable String regionalSection);

    /**
     * Locks every ADMIN grant and counts them, so two admins removing each other at once are
     * serialised and the second sees the first removal: the platform always keeps an admin.
     */
    @Query("SELECT count(*) FROM (SELECT id FROM user_roles WHERE role = 'ADMIN' FOR UPDATE) admins")
    long lockAndCountAdmins();

    /** The audit trail of role changes (action GRANTED or REMOVED). */
    @Query("""
            INSERT INTO role_changes (user_id, role, regional_section, action, changed_by, changed_at)
            VALUES (:userId, :role, :regionalSection, :action, :changedBy, :changedAt)""")
    void audit(UUID userId, String role, @Nullable String regionalSection, String action, @Nullable UUID changedBy,
               Instant changedAt);
}
