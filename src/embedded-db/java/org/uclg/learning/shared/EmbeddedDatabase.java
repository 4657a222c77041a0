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
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(30);
    private static EmbeddedPostgres server;

    private final Path dataDirectory;

    /**
     * {@code baseDirectory} is what a relative data directory is resolved against: {@code mn:run}
     * starts the service inside {@code target/}, so the pom sets it to the project folder, and
     * {@code LEARNING_EMBEDDED_DB_DATA_DIR=mydata} means the same folder under {@code mn:run} as
     * under {@code java -jar} from the project folder. Unset, the working directory is used.
     */
    EmbeddedDatabase(@Value("${learning.embedded-db.data-dir:}") String dataDirectory,
                     @Value("${learning.embedded-db.base-dir:}") String baseDirectory) {
        if (dataDirectory == null || dataDirectory.isBlank()) {
            this.dataDirectory = null;
        } else {
            Path base = baseDirectory == null || baseDirectory.isBlank() ? Path.of("") : Path.of(baseDirectory);
            this.dataDirectory = base.resolve(dataDirectory).toAbsolutePath().normalize();
        }
    }

    @Override
    public DatasourceConfiguration onInitialized(BeanInitializingEvent<DatasourceConfiguration> event) {
        DatasourceConfiguration config = event.getBean();
        if (config.getConfiguredUrl() != null && !config.getConfiguredUrl().isBlank()) {
            return config;
        }
        EmbeddedPostgres pg = startOnce(dataDirectory);
        config.setUrl(pg.getJdbcUrl("postgres", "postgres"));
        config.setUsername("postgres");
        config.setPassword("postgres");
        config.setDriverClassName("org.postgresql.Driver");
        return config;
    }

    private static synchronized EmbeddedPostgres startOnce(Path dataDirectory) {
        if (server != null) {
            return server;
        }
        try {
            if (dataDirectory != null) {
                LOG.info("Starting embedded PostgreSQL with data in {}", dataDirectory);
            } else {
                LOG.info("Starting a throw-away embedded PostgreSQL");
            }
            server = start(dataDirectory);
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

    /**
     * Starts a PostgreSQL keeping its data in {@code dataDirectory} (absolute; created when missing,
     * reused otherwise), or a throw-away one when it is null. The caller closes it.
     *
     * <p>A server that keeps its data is durable: a commit is acknowledged only once its WAL is on
     * disk ({@code fsync} and {@code synchronous_commit} on, as PostgreSQL ships). The starter's own
     * defaults turn both off (it starts the postmaster with {@code -F} and sets
     * {@code synchronous_commit=off}), which loses acknowledged writes when the server crashes; the
     * {@code -c} options given here come after {@code -F} and win. Only a throw-away server (the
     * tests', where nothing is kept) keeps the fast settings.
     */
    static EmbeddedPostgres start(Path dataDirectory) throws IOException {
        Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir")));
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder().setPGStartupWait(STARTUP_WAIT);
        if (dataDirectory != null) {
            Files.createDirectories(dataDirectory.getParent());
            PostmasterPidFile.clearIfStale(dataDirectory);
            builder.setDataDirectory(dataDirectory).setCleanDataDirectory(false)
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on");
        }
        return builder.start();
    }
}
