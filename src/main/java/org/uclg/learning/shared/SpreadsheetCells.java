package org.uclg.learning.shared;

import io.micronaut.core.annotation.Nullable;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/**
 * Cells of a CSV that people open in a spreadsheet. A text starting with {@code = + - @}, a tab or
 * a carriage return would be read as a formula (CSV injection, OWASP), so it gets a leading
 * apostrophe, which spreadsheets show as text and do not print. Numbers, booleans, ids, enum
 * constants and times are not text a person typed and are written as they are (a negative number
 * stays a number). Every CSV the service writes prints its rows through {@link #printRow}.
 */
public final class SpreadsheetCells {
    private SpreadsheetCells() {
    }

    public static String text(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (value instanceof Number || value instanceof Boolean || value instanceof UUID || value instanceof Enum<?>
                || value instanceof TemporalAccessor) {
            return s;
        }
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return s;
    }

    /** One CSV row, every cell through {@link #text(Object)}. */
    public static void printRow(CSVPrinter printer, Iterable<?> cells) throws IOException {
        List<String> row = new ArrayList<>();
        for (Object cell : cells) {
            row.add(text(cell));
        }
        printer.printRecord(row);
    }

    public static void printRow(CSVPrinter printer, Object... cells) throws IOException {
        printRow(printer, Arrays.asList(cells));
    }
}
