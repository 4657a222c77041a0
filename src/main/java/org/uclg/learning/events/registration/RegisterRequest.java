package org.uclg.learning.events.registration;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.util.UUID;

/** Register yourself (empty body or no userId), or, as an organiser, someone else. */
@Serdeable
record RegisterRequest(@Nullable UUID userId) {
}
