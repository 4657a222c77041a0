package org.uclg.learning.reporting;

import io.micronaut.context.BeanContext;
import io.micronaut.data.connection.jdbc.advice.DelegatingDataSource;
import io.micronaut.inject.qualifiers.Qualifiers;
import jakarta.inject.Named;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * Where reports read: the {@code reporting} datasource when one is configured
 * ({@code DATASOURCES_REPORTING_URL}, e.g. a read replica), else the primary. Writes of the
 * reporting view itself (its refresh) always go to the primary.
 */
@Singleton
class ReportingDatabase {
    private final DataSource reads;
    private final DataSource primary;
    private final boolean replica;

    ReportingDatabase(BeanContext context, @Named("default") DataSource primary) {
        this.primary = unwrap(primary);
        var named = context.findBean(DataSource.class, Qualifiers.byName("reporting"));
        this.replica = named.isPresent();
        this.reads = named.map(ReportingDatabase::unwrap).orElse(this.primary);
    }

    /** A read-only connection outside any service transaction. */
    Connection read() throws SQLException {
        Connection c = reads.getConnection();
        c.setReadOnly(true);
        return c;
    }

    Connection primary() throws SQLException {
        return primary.getConnection();
    }

    boolean readsFromReplica() {
        return replica;
    }

    private static DataSource unwrap(DataSource ds) {
        return ds instanceof DelegatingDataSource d ? d.getTargetDataSource() : ds;
    }
}
