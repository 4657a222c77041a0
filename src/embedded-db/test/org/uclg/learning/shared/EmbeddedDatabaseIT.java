package org.uclg.learning.shared;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The embedded starter on a data directory that holds a {@code postmaster.pid} of its own. Starts
 * servers of its own, apart from the one the application tests share. Without the stale-file check,
 * PostgreSQL refuses the first case and the starter gives up after its 30 s wait.
 */
class EmbeddedDatabaseIT {
    @TempDir
    Path temp;

    @Test
    void startsOnACrashedDataDirectoryWhosePidFileNamesAnotherRunningProcess() throws Exception {
        Path data = temp.resolve("pgdata").toAbsolutePath();
        String pidFile;
        try (EmbeddedPostgres first = EmbeddedDatabase.start(data)) {
            execute(first, "create table kept (word text); insert into kept values ('resilience')");
            pidFile = Files.readString(data.resolve(PostmasterPidFile.NAME));
        }
        // As after a crash or a copy: the server is gone, its pid file is back, and its process id
        // now belongs to an unrelated running process (so PostgreSQL itself would refuse to start).
        Process unrelated = new ProcessBuilder("sleep", "120").start();
        try {
            Files.writeString(data.resolve(PostmasterPidFile.NAME), pidFile.replaceFirst("^\\d+", Long.toString(unrelated.pid())));

            try (EmbeddedPostgres second = EmbeddedDatabase.start(data)) {
                assertEquals("resilience", queryOne(second, "select word from kept"), "the data survived the restart");
                String running = Files.readString(data.resolve(PostmasterPidFile.NAME)).lines().findFirst().orElseThrow();
                assertNotEquals(Long.toString(unrelated.pid()), running, "the new server wrote its own pid file");
            }
        } finally {
            unrelated.destroy();
        }
    }

    @Test
    void startsWhenThePidFileNamesNoRunningProcess() throws Exception {
        Path data = temp.resolve("pgdata").toAbsolutePath();
        String pidFile;
        try (EmbeddedPostgres first = EmbeddedDatabase.start(data)) {
            pidFile = Files.readString(data.resolve(PostmasterPidFile.NAME));
        }
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        Files.writeString(data.resolve(PostmasterPidFile.NAME), pidFile.replaceFirst("^\\d+", Long.toString(gone.pid())));

        try (EmbeddedPostgres second = EmbeddedDatabase.start(data)) {
            assertEquals("1", queryOne(second, "select 1"));
        }
    }

    @Test
    void refusesADataDirectoryARunningServerUsesSayingWhatToDo() throws Exception {
        Path data = temp.resolve("pgdata").toAbsolutePath();
        try (EmbeddedPostgres running = EmbeddedDatabase.start(data)) {
            long pid = Long.parseLong(Files.readString(data.resolve(PostmasterPidFile.NAME)).lines().findFirst().orElseThrow());

            var e = assertThrows(IllegalStateException.class, () -> EmbeddedDatabase.start(data));

            assertTrue(e.getMessage().contains("PostgreSQL process " + pid + " is already running on " + data), e.getMessage());
            assertTrue(e.getMessage().contains("LEARNING_EMBEDDED_DB_DATA_DIR"), e.getMessage());
            assertTrue(Files.exists(data.resolve(PostmasterPidFile.NAME)), "a running server's pid file is left alone");
            assertEquals("1", queryOne(running, "select 1"), "the running server is untouched");
        }
    }

    private static void execute(EmbeddedPostgres pg, String sql) throws Exception {
        try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
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
