package org.uclg.learning.catalog;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.util.List;

@JdbcRepository(dialect = Dialect.POSTGRES)
interface SectionRepository extends CrudRepository<CatalogSection, Long> {

    /** Every section of a module, retired ones too (the sync needs them to revive or keep them retired). */
    List<CatalogSection> findByModuleCode(String moduleCode);

    List<CatalogSection> findByModuleCodeAndRetiredAtIsNullOrderByPosition(String moduleCode);

    @Query("SELECT * FROM sections WHERE retired_at IS NULL ORDER BY module_code, position")
    List<CatalogSection> findActiveInOrder();
}
