package org.uclg.learning.events.attendance;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.UUID;

/** The result of recording attendance for one or many people at once. */
@Serdeable
public record AttendanceReport(UUID eventId, int recorded, int alreadyRecorded, List<AttendanceResult> results) {
    static AttendanceReport of(UUID eventId, List<AttendanceResult> results) {
        int recorded = (int) results.stream().filter(r -> r.outcome().equals(AttendanceResult.RECORDED)).count();
        return new AttendanceReport(eventId, recorded, results.size() - recorded, results);
    }
}
