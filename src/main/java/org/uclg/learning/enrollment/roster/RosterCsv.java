package org.uclg.learning.enrollment.roster;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.uclg.learning.shared.ValidationException;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a roster CSV: a header row naming the columns email, full name, country, organization and
 * language (any order, any case; a few common spellings), UTF-8 with or without a BOM, the
 * separator (comma or semicolon, as spreadsheets in es/fr locales write) taken from the header.
 * File-level problems are a 400 on {@code body}; row values are checked later, row by row.
 */
final class RosterCsv {

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
            String key = java.text.Normalizer.normalize(header, java.text.Normalizer.Form.NFD)
                    .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
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
        String text = decode(body);
        if (text.isBlank()) {
            throw new ValidationException("body", "the file is empty; expected a header row: email, full name, country, organization, language");
        }
        char separator = separator(text);
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator).setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true).build();
        List<Line> lines = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            Map<Column, Integer> columns = null;
            int headerWidth = 0;
            for (CSVRecord record : parser) {
                if (columns == null) {
                    columns = header(record);
                    headerWidth = record.size();
                    continue;
                }
                if (isBlank(record)) {
                    continue;
                }
                if (lines.size() == maxRows) {
                    throw new ImportTooLargeException(maxRows);
                }
                int row = (int) record.getRecordNumber();
                lines.add(new Line(row, value(record, columns, Column.EMAIL), value(record, columns, Column.FULL_NAME),
                        value(record, columns, Column.COUNTRY), value(record, columns, Column.ORGANIZATION),
                        value(record, columns, Column.LANGUAGE), extra(record, headerWidth)));
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new ValidationException("body", "not valid CSV: " + rootMessage(e));
        } catch (IOException e) {
            throw new ValidationException("body", "not valid CSV: " + e.getMessage());
        }
        return lines;
    }

    /** Strict UTF-8 (a Latin-1 export would silently garble names otherwise); a leading BOM is dropped. */
    private static String decode(byte[] body) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new ValidationException("body", "the file is not UTF-8; save it as \"CSV UTF-8\"");
        }
    }

    /** The separator the header uses: whichever of ';' and ',' occurs more often outside quotes. */
    static char separator(String text) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    private static Map<Column, Integer> header(CSVRecord record) {
        Map<Column, Integer> columns = new EnumMap<>(Column.class);
        for (int i = 0; i < record.size(); i++) {
            Column c = Column.of(record.get(i));
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
                    + "; expected: email, full name, country, organization, language");
        }
        return columns;
    }

    private static String value(CSVRecord record, Map<Column, Integer> columns, Column column) {
        int i = columns.get(column);
        return i < record.size() ? record.get(i).strip() : "";
    }

    private static boolean extra(CSVRecord record, int headerWidth) {
        for (int i = headerWidth; i < record.size(); i++) {
            if (!record.get(i).isBlank()) {
                return true;
            }
        }
        return false;
    }

    private static boolean isBlank(CSVRecord record) {
        for (String v : record) {
            if (!v.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
