package org.uclg.learning.enrollment.roster;

import org.uclg.learning.shared.CsvUpload;
import org.uclg.learning.shared.ValidationException;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a roster CSV ({@link CsvUpload}: UTF-8 with or without a BOM, comma or semicolon): a header
 * row naming the columns email, full name, country, organization and language (any order, any case;
 * a few common spellings). File-level problems are a 400 on {@code body}; row values are checked
 * later, row by row.
 */
final class RosterCsv {
    private static final String EXPECTED = "email, full name, country, organization, language";

    enum Column {
        EMAIL("email", "emailaddress", "mail", "correo", "courriel"),
        FULL_NAME("fullname", "name", "nombre", "nom", "nomcomplet", "nombrecompleto"),
        COUNTRY("country", "pais", "pays"),
        ORGANIZATION("organization", "organisation", "organizacion"),
        LANGUAGE("language", "lang", "preferredlanguage", "idioma", "langue");

        private final List<String> names;

        Column(String... names) {
            this.names = List.of(names);
        }

        static Column of(String header) {
            String key = CsvUpload.key(header);
            for (Column c : values()) {
                if (c.names.contains(key)) {
                    return c;
                }
            }
            return null;
        }

        String label() {
            return names.get(0).equals("fullname") ? "full name" : names.get(0);
        }
    }

    /** One data row; {@code row} is the row number a spreadsheet shows (the header is row 1; blank lines count). */
    record Line(int row, String email, String fullName, String country, String organization, String language,
                boolean extraValues) {
    }

    private RosterCsv() {
    }

    static List<Line> parse(byte[] body, int maxRows) {
        CsvUpload.Table table = CsvUpload.read(body, maxRows, EXPECTED);
        Map<Column, Integer> columns = header(table.header());
        List<Line> lines = new ArrayList<>(table.rows().size());
        for (CsvUpload.Row row : table.rows()) {
            lines.add(new Line(row.row(), row.get(columns.get(Column.EMAIL)), row.get(columns.get(Column.FULL_NAME)),
                    row.get(columns.get(Column.COUNTRY)), row.get(columns.get(Column.ORGANIZATION)),
                    row.get(columns.get(Column.LANGUAGE)), row.extraValues(table.header().size())));
        }
        return lines;
    }

    static char separator(String text) {
        return CsvUpload.separator(text);
    }

    private static Map<Column, Integer> header(List<String> header) {
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        for (int i = 0; i < header.size(); i++) {
            Column c = Column.of(header.get(i));
            if (c != null && columns.putIfAbsent(c, i) != null) {
                throw new ValidationException("body", "the header names the column \"" + c.label() + "\" twice");
            }
        }
        List<String> missing = new ArrayList<>();
        for (Column c : Column.values()) {
            if (!columns.containsKey(c)) {
                missing.add(c.label());
            }
        }
        if (!missing.isEmpty()) {
            throw new ValidationException("body", "the header row lacks the column(s) " + String.join(", ", missing)
                    + "; expected: " + EXPECTED);
        }
        return columns;
    }
}
