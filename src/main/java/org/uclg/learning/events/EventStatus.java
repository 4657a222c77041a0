package org.uclg.learning.events;

/** DRAFT (seen by its organisers only) → PUBLISHED → CANCELLED; a draft may be cancelled too. */
public enum EventStatus {
    DRAFT, PUBLISHED, CANCELLED
}
