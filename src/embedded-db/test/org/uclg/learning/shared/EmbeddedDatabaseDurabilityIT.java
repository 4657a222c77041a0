package org.uclg.learning.shared;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded PostgreSQL as {@code ./mvnw mn:run} starts it (with a data directory) keeps every
 * write it acknowledged through a crash: a burst of commits from several connections, an immediate
 * shutdown in the middle of it (SIGQUIT to the postmaster, what {@code pg_ctl stop -m immediate}
 * sends: no checkpoint, no flush), a restart on the same data directory, and every acknowledged
 * row is there. With the starter's fast defaults ({@code synchronous_commit=off}) the commits of
 * the last fraction of a second before the crash are lost and this test fails.
 */
class EmbeddedDatabaseDurabilityIT {
    private static final int WRITERS = 4;
    private static final int ACKNOWLEDGED_BEFORE_CRASH = 1_500;

    @TempDir
    Path temp;

    @Test
    void everyAcknowledgedCommitSurvivesACrashInTheMiddleOfABurst() throws Exception {
        Path data = temp.resolve("pgdata").toAbsolutePath();
        Set<Integer> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicInteger nextId = new AtomicInteger();
        EmbeddedPostgres first = EmbeddedDatabase.start(data);
        assertEquals("on", queryOne(first, "SHOW fsync"));
        assertEquals("on", queryOne(first, "SHOW synchronous_commit"));
        try (Connection c = first.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE burst (id integer PRIMARY KEY, payload text NOT NULL)");
        }
        long postmaster = Long.parseLong(Files.readString(data.resolve(PostmasterPidFile.NAME)).lines().findFirst().orElseThrow().strip());

        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        List<Future<?>> writers = new ArrayList<>();
        try {
            for (int w = 0; w < WRITERS; w++) {
                writers.add(pool.submit(() -> {
                    try (Connection c = first.getPostgresDatabase().getConnection();
                         PreparedStatement insert = c.prepareStatement("INSERT INTO burst (id, payload) VALUES (?, ?)")) {
                        c.setAutoCommit(true);
                        while (!Thread.currentThread().isInterrupted()) {
                            int id = nextId.incrementAndGet();
                            insert.setInt(1, id);
                            insert.setString(2, "enrolment " + id);
                            insert.executeUpdate();
                            acknowledged.add(id); // the commit returned: the client was told it is stored
                        }
                    } catch (SQLException crashed) {
                        // the server went away mid-burst: what was acknowledged until now must survive
                    }
                    return null;
                }));
            }
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (acknowledged.size() < ACKNOWLEDGED_BEFORE_CRASH && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(acknowledged.size() >= ACKNOWLEDGED_BEFORE_CRASH, "the burst got going: " + acknowledged.size());

            Process kill = new ProcessBuilder("kill", "-QUIT", Long.toString(postmaster)).inheritIO().start();
            assertEquals(0, kill.waitFor(), "signalled the postmaster " + postmaster);
            for (Future<?> writer : writers) {
                writer.get(60, TimeUnit.SECONDS);
            }
            ProcessHandle.of(postmaster).ifPresent(p -> p.onExit().join());
        } finally {
            pool.shutdownNow();
            try {
                first.close(); // releases the starter's lock on the data directory; the server is gone already
            } catch (Exception alreadyStopped) {
                // pg_ctl stop finds no server: expected after the crash
            }
        }

        try (EmbeddedPostgres second = EmbeddedDatabase.start(data);
             Connection c = second.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id FROM burst")) {
            Set<Integer> stored = new HashSet<>();
            while (rs.next()) {
                stored.add(rs.getInt(1));
            }
            Set<Integer> lost = new HashSet<>(acknowledged);
            lost.removeAll(stored);
            assertTrue(lost.isEmpty(), lost.size() + " of " + acknowledged.size() + " acknowledged commits were lost, e.g. "
                    + lost.stream().sorted().limit(10).toList());
        }
    }

    private static String queryOne(EmbeddedPostgres pg, String sql) throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            assertTrue(rs.next());
            return rs.getString(1);
        }
    }
}
