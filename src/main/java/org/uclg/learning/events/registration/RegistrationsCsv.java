package org.uclg.learning.events.registration;

import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.uclg.learning.shared.PageResponse;
import org.uclg.learning.shared.SpreadsheetCells;

import java.io.IOException;
import java.io.Writer;
import java.util.UUID;

/**
 * An event's registrations as CSV, written page by page straight to the response (memory stays
 * constant whatever the event's size). Every cell people typed is neutralised for spreadsheets.
 */
@Singleton
class RegistrationsCsv {
    private static final int PAGE = 500;
    private final RegistrationList list;

    RegistrationsCsv(RegistrationList list) {
        this.list = list;
    }

    void write(UUID eventId, @Nullable RegistrationStatus status, Writer out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180);
        SpreadsheetCells.printRow(printer, "registration_id", "user_id", "email", "full_name", "status", "attended", "created_at",
                "registered_at", "waitlisted_at", "cancelled_at");
        for (int page = 0; ; page++) {
            PageResponse<RegistrationResponse> batch = list.pageOf(eventId, status, page, PAGE);
            for (RegistrationResponse r : batch.items()) {
                SpreadsheetCells.printRow(printer, r.id(), r.userId(), r.email(), r.fullName(),
                        r.status(), Boolean.TRUE.equals(r.attended()), r.createdAt(), text(r.registeredAt()),
                        text(r.waitlistedAt()), text(r.cancelledAt()));
            }
            printer.flush();
            if ((long) (page + 1) * PAGE >= batch.total()) {
                break;
            }
        }
        printer.flush();
    }

    private static String text(@Nullable Object value) {
        return value == null ? "" : value.toString();
    }
}
