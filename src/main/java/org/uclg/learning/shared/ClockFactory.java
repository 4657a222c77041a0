package org.uclg.learning.shared;

import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;

@Factory
class ClockFactory {
    /**
     * Microsecond ticks: what PostgreSQL's timestamptz keeps, so a value reads back as it was written.
     * Beware: a sub-millisecond tick clock throws on {@code millis()} (JDK); use {@code instant()}.
     */
    @Singleton
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    }
}
