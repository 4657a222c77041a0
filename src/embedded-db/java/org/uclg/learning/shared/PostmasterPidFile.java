package org.uclg.learning.shared;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The {@code postmaster.pid} lock file of a data directory, checked before the embedded PostgreSQL
 * starts.
 *
 * <p>A data directory copied from elsewhere, or left behind by a crash, keeps this file. PostgreSQL
 * only recognises it as stale when no process has the id written in it; once that id has been given
 * to an unrelated process (likely after a reboot, and for any copied directory) it refuses to start,
 * and the embedded starter waits out its whole start-up timeout before failing without a reason.
 * So a file that names no running process, or a process that is not PostgreSQL, is removed; a file
 * naming a running PostgreSQL, or a process that cannot be identified, stops start-up at once with
 * what to do. A running PostgreSQL is never second-guessed: two servers on one directory corrupt it.
 */
final class PostmasterPidFile {
    static final String NAME = "postmaster.pid";
    private static final Logger LOG = LoggerFactory.getLogger(PostmasterPidFile.class);

    private PostmasterPidFile() {
    }

    /** Removes a stale {@code postmaster.pid} from {@code dataDirectory}, or fails if a live server may own it. */
    static void clearIfStale(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve(NAME);
        if (!Files.isRegularFile(file)) {
            return;
        }
        long pid = pidIn(file);
        Optional<ProcessHandle> process = pid > 0 ? ProcessHandle.of(pid).filter(ProcessHandle::isAlive) : Optional.empty();
        if (process.isEmpty()) {
            LOG.warn("Removing stale {}: process {} is not running", file, pid > 0 ? pid : "(none readable)");
            Files.delete(file);
            return;
        }
        Optional<String> command = process.get().info().command();
        if (command.isPresent() && !isPostgres(command.get())) {
            LOG.warn("Removing stale {}: process {} is {}, not PostgreSQL", file, pid, command.get());
            Files.delete(file);
            return;
        }
        if (command.isPresent()) {
            throw new IllegalStateException("The embedded PostgreSQL cannot start: PostgreSQL process " + pid
                    + " is already running on " + dataDirectory + ". Stop it (pg_ctl -D " + dataDirectory
                    + " stop, or kill " + pid + "), or set LEARNING_EMBEDDED_DB_DATA_DIR to another folder.");
        }
        throw new IllegalStateException("The embedded PostgreSQL cannot start: " + file + " names process " + pid
                + ", which is running but cannot be identified. If no PostgreSQL uses " + dataDirectory
                + ", delete " + file + "; or set LEARNING_EMBEDDED_DB_DATA_DIR to another folder.");
    }

    /** The process id on the file's first line, or -1 when there is none (an empty or damaged file). */
    private static long pidIn(Path file) throws IOException {
        String first = Files.readString(file).lines().findFirst().orElse("").strip();
        try {
            return Long.parseLong(first);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static boolean isPostgres(String command) {
        Path name = Path.of(command).getFileName();
        return name != null && (name.toString().equals("postgres") || name.toString().equals("postmaster"));
    }
}
