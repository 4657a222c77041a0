package org.uclg.learning.support;

import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Inject;
import org.junit.jupiter.api.extension.ExtendWith;

import javax.sql.DataSource;

/**
 * Base of the integration tests: real HTTP to the running test server ({@link #api}), the stored
 * rows ({@link #db}) and fixtures built through the API ({@link #fx}). Subclasses are
 * {@code @MicronautTest(transactional = false)}: the service commits, and tests read what it stored.
 * Every exchange through {@link #api} is checked against the OpenAPI document ({@link Contract}).
 */
@ExtendWith(Contract.class)
public abstract class IntegrationBase {
    protected Api api;
    protected Db db;
    protected Fixtures fx;

    @Inject
    public void wire(EmbeddedServer server, JsonMapper json, DataSource dataSource) {
        api = new Api(server, json);
        db = new Db(dataSource);
        fx = new Fixtures(api, dataSource);
    }
}
