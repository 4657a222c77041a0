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

    @Query("SELECT token_version FROM users WHERE id = :id")
    Optional<Integer> findTokenVersionById(UUID id);

    /** Sets a new password and ends every token issued before it (their version no longer matches). */
    @Query("UPDATE users SET password_hash = :passwordHash, token_version = token_version + 1, updated_at = :now WHERE id = :id")
    void changePassword(UUID id, String passwordHash, Instant now);
}
