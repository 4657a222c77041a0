package org.uclg.learning.certificates.verify;

import org.junit.jupiter.api.Test;
import org.uclg.learning.certificates.CertificatesProperties;
import org.uclg.learning.shared.TooManyRequestsException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class VerifyRateLimitTest {
    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        private Instant now = Instant.parse("2026-12-02T10:00:59.500Z");

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneId.of("UTC");
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    private final ManualClock clock = new ManualClock();
    private final VerifyRateLimit limit = new VerifyRateLimit(new CertificatesProperties(null, 60), clock);

    @Test
    void aClientGetsItsLimitThenWaitsAndIsToldHowLong() {
        for (int i = 0; i < 60; i++) {
            limit.check("203.0.113.7");
        }
        TooManyRequestsException refused = assertThrows(TooManyRequestsException.class, () -> limit.check("203.0.113.7"));
        assertTrue(refused.getMessage().contains("try again"));
        clock.advance(Duration.ofSeconds(1));
        assertDoesNotThrow(() -> limit.check("203.0.113.7"), "one token is back after a sixtieth of a minute");
    }

    @Test
    void aMinuteBoundaryGivesNoSecondBurst() {
        // the first 60 half a second before a minute boundary, then 60 more just after it: a fixed window would allow 120
        int allowed = 0;
        for (int i = 0; i < 60; i++) {
            limit.check("198.51.100.1");
            allowed++;
        }
        clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < 60; i++) {
            try {
                limit.check("198.51.100.1");
                allowed++;
            } catch (TooManyRequestsException e) {
                // refused, as it should be
            }
        }
        assertEquals(61, allowed);
    }

    @Test
    void clientsAreCountedApart() {
        for (int i = 0; i < 60; i++) {
            limit.check("192.0.2.1");
        }
        assertThrows(TooManyRequestsException.class, () -> limit.check("192.0.2.1"));
        assertDoesNotThrow(() -> limit.check("192.0.2.2"));
    }

    @Test
    void worksWithTheServicesMicrosecondTickClock() {
        VerifyRateLimit real = new VerifyRateLimit(new CertificatesProperties(null, 2),
                Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000)));
        real.check("192.0.2.9");
        real.check("192.0.2.9");
        assertThrows(TooManyRequestsException.class, () -> real.check("192.0.2.9"));
    }
}
