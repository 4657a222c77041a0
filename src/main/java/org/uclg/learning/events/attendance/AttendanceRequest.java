package org.uclg.learning.events.attendance;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** Mark one person ({@code userId}) or many at once ({@code userIds}, up to 1,000) as attending. */
@Serdeable
record AttendanceRequest(@Nullable UUID userId, @Nullable @Size(max = 1000) List<@NotNull UUID> userIds) {
}
