package org.uclg.learning.people;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface UserRepository extends CrudRepository<User, UUID> {

    Optional<User> findByEmail(String email);

    boolean existsByEmail(String email);

    List<User> findByEmailIn(Collection<String> emails);

    List<User> findByIdIn(Collection<UUID> ids);

    /** Counts a failed login atomically; the lock starts when the count reaches {@code maxFailures}. */
    @Query("""
            UPDATE users SET
              failed_logins = CASE WHEN locked_until IS NOT NULL AND locked_until <= :now THEN 1 ELSE failed_logins + 1 END,
              locked_until  = CASE
                  WHEN locked_until IS NOT NULL AND locked_until <= :now THEN NULL
                  WHEN failed_logins + 1 >= :maxFailures THEN :lockUntil
                  ELSE locked_until END
            WHERE id = :id""")
    void recordFailedLogin(UUID id, Instant now, int maxFailures, Instant lockUntil);

    @Query("UPDATE users SET failed_logins = 0, locked_until = NULL WHERE id = :id AND (failed_logins > 0 OR locked_until IS NOT NULL)")
    void clearFailedLogins(UUID id);
}
