package org.uclg.learning.shared;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import org.junit.jupiter.api.Test;
import org.uclg.learning.support.Api;
import org.uclg.learning.support.IntegrationBase;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * A second service on a database of its own (in the same PostgreSQL as the other tests, so they
 * are not disturbed), whose database then refuses every connection: requests answer 503 with
 * {@code Retry-After}, not 500, and the service recovers by itself when the database is back.
 */
@MicronautTest(transactional = false)
class DatabaseOutageIT extends IntegrationBase {

    @Test
    void requestsDuringADatabaseOutageAre503WithRetryAfterAndTheServiceRecovers() throws Exception {
        String name = "outage_" + UUID.randomUUID().toString().replace("-", "");
        String url;
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
            url = c.getMetaData().getURL();
        }
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String own = base.substring(0, base.lastIndexOf('/') + 1) + name + (query < 0 ? "" : url.substring(query));
        Map<String, Object> config = new HashMap<>();
        config.put("datasources.default.url", own);
        if (!own.contains("user=")) {
            config.put("datasources.default.username", "postgres");
            config.put("datasources.default.password", "postgres");
        }
        config.put("datasources.default.connection-timeout", "1000");
        config.put("datasources.default.validation-timeout", "500");
        config.put("learning.reporting.warm-up", "false");
        try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, config, "test")) {
            Api other = new Api(server, server.getApplicationContext().getBean(JsonMapper.class));
            assertEquals(200, other.get("/api/v1/modules", null).status());

            execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS false");
            execute("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '" + name + "'");

            for (int i = 0; i < 3; i++) {
                Api.Response r = other.get("/api/v1/modules", null);
                assertEquals(503, r.status(), r.body());
                assertEquals("application/problem+json", r.contentType());
                assertNotNull(r.header("Retry-After"));
                assertEquals("https://learning.uclg.org/problems/service-unavailable", r.json().get("type"));
            }
            Api.Response login = other.post("/api/v1/auth/login", Map.of("username", "a@b.org", "password", "x"), null);
            assertEquals(503, login.status(), login.body());

            execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
            await().atMost(Duration.ofSeconds(30)).until(() -> other.get("/api/v1/modules", null).status() == 200);
        } finally {
            execute("ALTER DATABASE " + name + " ALLOW_CONNECTIONS true");
            execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private void execute(String sql) throws Exception {
        try (Connection c = db.connection(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
