package org.uclg.learning.events.attendance;

/** How attendance was recorded: by an organiser by hand, from an organiser's CSV, or by the attendee's check-in code. */
public enum AttendanceSource {
    MANUAL, CSV, CHECK_IN
}
