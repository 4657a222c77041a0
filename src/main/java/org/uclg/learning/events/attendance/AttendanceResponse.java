package org.uclg.learning.events.attendance;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.time.Instant;
import java.util.UUID;

/** One attendance record: who attended, how and by whom it was recorded, and whether (by whom, when) it was removed. */
@Serdeable
public record AttendanceResponse(long id,
                                 UUID eventId,
                                 UUID userId,
                                 @Nullable String fullName,
                                 AttendanceSource source,
                                 UUID recordedBy,
                                 Instant recordedAt,
                                 @Nullable UUID removedBy,
                                 @Nullable Instant removedAt) {
}
