package org.uclg.learning.events.attendance;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.uclg.learning.events.EventResponse;
import org.uclg.learning.events.EventsApi;
import org.uclg.learning.people.PeopleApi;
import org.uclg.learning.shared.CsvUpload;
import org.uclg.learning.shared.ValidationException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Attendance from a CSV with an email column (other columns are ignored): people are matched by
 * email only, never by name. Every row is checked before anything is written; the import is
 * all-or-nothing unless {@code partial}, and a dry run reports the same outcomes without writing.
 */
@Singleton
class AttendanceImport {
    static final int MAX_ROWS = 5_000;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Set<String> EMAIL_COLUMN = Set.of("email", "emailaddress", "mail", "correo", "courriel");

    private final Attendances attendances;
    private final EventsApi events;
    private final PeopleApi people;

    AttendanceImport(Attendances attendances, EventsApi events, PeopleApi people) {
        this.attendances = attendances;
        this.events = events;
        this.people = people;
    }

    @Transactional
    AttendanceImportReport run(UUID eventId, byte[] body, boolean dryRun, boolean partial, UUID callerId) {
        EventResponse event = attendances.organised(eventId, callerId, "import its attendance");
        attendances.requireRecordable(event, events.now());
        CsvUpload.Table table = CsvUpload.read(body, MAX_ROWS, "email (other columns are ignored)");
        int column = emailColumn(table.header());

        Map<Integer, AttendanceImportReport.Row> results = new LinkedHashMap<>();
        Map<String, Integer> firstRow = new HashMap<>();
        Map<Integer, String> emails = new LinkedHashMap<>();
        for (CsvUpload.Row row : table.rows()) {
            String email = row.get(column);
            if (email.isEmpty()) {
                results.put(row.row(), AttendanceImportReport.Row.error(row.row(), email, "email is empty"));
            } else if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
                results.put(row.row(), AttendanceImportReport.Row.error(row.row(), clip(email), "email is not an email address"));
            } else {
                String normalized = PeopleApi.normalizeEmail(email);
                Integer first = firstRow.putIfAbsent(normalized, row.row());
                if (first != null) {
                    results.put(row.row(), AttendanceImportReport.Row.error(row.row(), email, "email appears again (first on row " + first + ")"));
                } else {
                    emails.put(row.row(), normalized);
                    results.put(row.row(), null);
                }
            }
        }
        Map<String, UUID> ids = people.idsByEmail(emails.values());
        Set<UUID> standing = attendances.standing(eventId, List.copyOf(ids.values()));
        List<UUID> toRecord = new ArrayList<>();
        Map<Integer, UUID> rowUser = new HashMap<>();
        for (var e : emails.entrySet()) {
            int row = e.getKey();
            UUID userId = ids.get(e.getValue());
            if (userId == null) {
                results.put(row, AttendanceImportReport.Row.error(row, e.getValue(), "email: no account with this email"));
            } else if (!attendances.eligible(event, userId)) {
                results.put(row, AttendanceImportReport.Row.error(row, e.getValue(), "email: is not an enrolled learner of the event's cohort"));
            } else if (standing.contains(userId)) {
                results.put(row, new AttendanceImportReport.Row(row, e.getValue(), AttendanceResult.ALREADY_RECORDED,
                        "attendance already recorded", null, userId));
            } else {
                results.put(row, new AttendanceImportReport.Row(row, e.getValue(), AttendanceResult.RECORDED,
                        dryRun ? "would be recorded" : "recorded", null, userId));
                toRecord.add(userId);
                rowUser.put(row, userId);
            }
        }
        boolean hasErrors = results.values().stream().anyMatch(AttendanceImportReport.Row::isError);
        boolean write = !dryRun && (!hasErrors || partial);
        if (write) {
            attendances.recordAll(event, toRecord, AttendanceSource.CSV, callerId);
        }
        return AttendanceImportReport.of(eventId, dryRun, partial, write, List.copyOf(results.values()));
    }

    private static int emailColumn(List<String> header) {
        int found = -1;
        for (int i = 0; i < header.size(); i++) {
            if (EMAIL_COLUMN.contains(CsvUpload.key(header.get(i)))) {
                if (found >= 0) {
                    throw new ValidationException("body", "the header names the column \"email\" twice");
                }
                found = i;
            }
        }
        if (found < 0) {
            throw new ValidationException("body", "the header row lacks the column email; people are matched by email only");
        }
        return found;
    }

    private static String clip(String value) {
        String safe = value.replaceAll("\\p{Cntrl}", "?");
        return safe.length() > 80 ? safe.substring(0, 80) + "…" : safe;
    }
}
