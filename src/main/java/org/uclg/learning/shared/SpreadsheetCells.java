package org.uclg.learning.shared;

import io.micronaut.core.annotation.Nullable;

/**
 * Cells of a CSV that people open in a spreadsheet. A value starting with {@code = + - @}, a tab or
 * a carriage return would be read as a formula (CSV injection), so it gets a leading apostrophe,
 * which spreadsheets show as text and do not print.
 */
public final class SpreadsheetCells {
    private SpreadsheetCells() {
    }

    public static String text(@Nullable Object value) {
        if (value == null) {
            return "";
        }
        String s = value.toString();
        if (!s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0) {
            return "'" + s;
        }
        return s;
    }
}
