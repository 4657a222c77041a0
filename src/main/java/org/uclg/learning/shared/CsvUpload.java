package org.uclg.learning.shared;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads an uploaded CSV (a roster, an attendance list) the way spreadsheets write it: strict UTF-8
 * with or without a BOM, comma or semicolon (as es/fr locales write) taken from the header row,
 * blank lines skipped but counted, so row numbers are the ones a spreadsheet shows (the header is
 * row 1). File-level problems are a 400 on {@code body}; values are checked by the importer, row by row.
 */
public final class CsvUpload {

    /** One data row: its spreadsheet row number and its values. */
    public record Row(int row, List<String> values) {
        /** The stripped value of a column, "" when the row is shorter. */
        public String get(int column) {
            return column >= 0 && column < values.size() ? values.get(column).strip() : "";
        }

        /** Whether the row has non-blank values beyond the header's columns (a stray separator). */
        public boolean extraValues(int headerWidth) {
            for (int i = headerWidth; i < values.size(); i++) {
                if (!values.get(i).isBlank()) {
                    return true;
                }
            }
            return false;
        }
    }

    /** The header row and the non-blank data rows. */
    public record Table(List<String> header, List<Row> rows) {
    }

    private CsvUpload() {
    }

    /**
     * Parses {@code body}; {@code expectedHeader} describes the header row for the message of an
     * empty file. More than {@code maxRows} data rows is a 413.
     */
    public static Table read(byte[] body, int maxRows, String expectedHeader) {
        String text = decode(body);
        int nul = text.indexOf('\0');
        if (nul >= 0) {
            long row = 1 + text.substring(0, nul).chars().filter(c -> c == '\n').count();
            throw new ValidationException("body", "row " + row + " contains a NUL character, which no value may hold");
        }
        if (text.isBlank()) {
            throw new ValidationException("body", "the file is empty; expected a header row: " + expectedHeader);
        }
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(separator(text)).setIgnoreEmptyLines(false)
                .setIgnoreSurroundingSpaces(true).build();
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            for (CSVRecord record : parser) {
                if (header == null) {
                    header = record.toList();
                    continue;
                }
                if (isBlank(record)) {
                    continue;
                }
                if (rows.size() == maxRows) {
                    throw new ImportTooLargeException(maxRows);
                }
                rows.add(new Row((int) record.getRecordNumber(), record.toList()));
            }
        } catch (UncheckedIOException | IllegalStateException e) {
            throw new ValidationException("body", "not valid CSV: " + rootMessage(e));
        } catch (IOException e) {
            throw new ValidationException("body", "not valid CSV: " + e.getMessage());
        }
        return new Table(header == null ? List.of() : header, rows);
    }

    /** A header cell as columns are matched: accents, case, spaces and punctuation dropped ("Nom complet" → "nomcomplet"). */
    public static String key(String header) {
        return Normalizer.normalize(header, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z]", "");
    }

    /** The separator the header uses: whichever of ';' and ',' occurs more often outside quotes. */
    public static char separator(String text) {
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
