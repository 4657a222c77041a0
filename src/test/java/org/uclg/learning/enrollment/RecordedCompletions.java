package org.uclg.learning.enrollment;

import io.micronaut.transaction.annotation.TransactionalEventListener;
import io.micronaut.jdbc.DataSourceResolver;
import jakarta.inject.Singleton;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test listener: keeps each EnrollmentCompleted and the enrollment's status as another connection
 * sees it at that moment, which is COMPLETED only if the event came after the commit.
 */
@Singleton
public class RecordedCompletions {
    private final DataSource dataSource;
    private final Map<UUID, EnrollmentCompleted> events = new ConcurrentHashMap<>();
    private final Map<UUID, String> statusSeen = new ConcurrentHashMap<>();

    RecordedCompletions(DataSource dataSource, DataSourceResolver resolver) {
        // the pool itself, not the transaction-bound proxy: a connection of its own
        this.dataSource = resolver.resolve(dataSource);
    }

    @TransactionalEventListener
    void on(EnrollmentCompleted event) {
        events.put(event.enrollmentId(), event);
        statusSeen.put(event.enrollmentId(), status(event.enrollmentId()));
    }

    public EnrollmentCompleted event(UUID enrollmentId) {
        return events.get(enrollmentId);
    }

    public String statusSeen(UUID enrollmentId) {
        return statusSeen.get(enrollmentId);
    }

    private String status(UUID id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT status FROM enrollments WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : "MISSING";
            }
        } catch (SQLException e) {
            return "ERROR " + e.getMessage();
        }
    }
}
