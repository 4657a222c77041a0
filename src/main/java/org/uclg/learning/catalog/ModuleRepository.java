package org.uclg.learning.catalog;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;
import java.util.Optional;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface ModuleRepository extends CrudRepository<CatalogModule, String> {

    /** SDG modules first, then resilience, each by number. */
    @Query("SELECT * FROM modules WHERE retired_at IS NULL ORDER BY track DESC, number")
    List<CatalogModule> findActiveInCatalogOrder();

    Optional<CatalogModule> findByCodeAndRetiredAtIsNull(String code);
}
