package org.uclg.learning.reporting.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.uclg.learning.shared.SpreadsheetCells;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The reports as CSV for spreadsheets: UTF-8 with a byte-order mark (so Excel reads accents),
 * RFC 4180, stable columns (docs/reporting.md), written row by row to the response. A report has
 * one row per group (sections, modules, countries…), never per person, so memory stays constant
 * whatever the number of learners.
 */
public final class ReachCsv {
    static final String BOM = "\uFEFF";
    public static final List<String> REACH_COLUMNS = List.of("dimension", "key", "enrolled", "active", "completed", "completion_rate",
            "certificates", "certified_trainers", "cascade_reach", "events_held", "event_registrations", "event_attendance",
            "organizations", "local_governments", "countries", "average_learning_gain");
    private static final List<String> FIGURES = List.of("enrolled", "active", "completed", "completionRate", "certificates",
            "certifiedTrainers", "cascadeReach", "eventsHeld", "eventRegistrations", "eventAttendance", "organizations",
            "localGovernments", "countries", "averageLearningGain");

    private ReachCsv() {
    }

    @SuppressWarnings("unchecked")
    public static void reach(Map<String, Object> report, Writer out) throws IOException {
        out.write(BOM);
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180);
        SpreadsheetCells.printRow(csv, REACH_COLUMNS);
        SpreadsheetCells.printRow(csv, figuresRow("total", "", (Map<String, Object>) report.get("total")));
        for (Map<String, Object> row : (List<Map<String, Object>>) report.get("regionalSections")) {
            SpreadsheetCells.printRow(csv, figuresRow("regional_section", (String) row.get("regionalSection"), row));
        }
        Map<String, List<Map<String, Object>>> breakdowns = (Map<String, List<Map<String, Object>>>) report.get("breakdowns");
        breakdowns.forEach((dim, rows) -> {
            for (Map<String, Object> row : rows) {
                print(csv, cells(snake(dim), (String) row.get("key"), row.get("enrolled"), row.get("active"), row.get("completed")));
            }
        });
        for (Map<String, Object> row : (List<Map<String, Object>>) report.get("cascadeByGeneration")) {
            List<Object> cells = cells("cascade_generation", String.valueOf(row.get("generation")), null, null, null);
            cells.set(REACH_COLUMNS.indexOf("cascade_reach"), row.get("learners"));
            print(csv, cells);
        }
        csv.flush();
    }

    @SuppressWarnings("unchecked")
    public static void funnel(Map<String, Object> report, Writer out) throws IOException {
        out.write(BOM);
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180);
        SpreadsheetCells.printRow(csv, "position", "key", "kind", "title", "required", "started", "completed");
        for (Map<String, Object> s : (List<Map<String, Object>>) report.get("sections")) {
            SpreadsheetCells.printRow(csv, s.get("position"), s.get("key"), s.get("kind"), s.get("title"), s.get("required"), s.get("started"), s.get("completed"));
        }
        csv.flush();
    }

    @SuppressWarnings("unchecked")
    public static void trend(Map<String, Object> report, Writer out) throws IOException {
        out.write(BOM);
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180);
        SpreadsheetCells.printRow(csv, "month", "enrolled", "active", "completed", "certificates");
        for (Map<String, Object> m : (List<Map<String, Object>>) report.get("months")) {
            SpreadsheetCells.printRow(csv, m.get("month"), m.get("enrolled"), m.get("active"), m.get("completed"), m.get("certificates"));
        }
        csv.flush();
    }

    private static List<Object> figuresRow(String dimension, String key, Map<String, Object> figures) {
        List<Object> cells = new ArrayList<>(Arrays.asList(dimension, key));
        for (String f : FIGURES) {
            cells.add(figures.get(f));
        }
        return cells;
    }

    private static List<Object> cells(String dimension, String key, Object enrolled, Object active, Object completed) {
        List<Object> cells = new ArrayList<>(Arrays.asList(new Object[REACH_COLUMNS.size()]));
        cells.set(0, dimension);
        cells.set(1, key);
        cells.set(2, enrolled);
        cells.set(3, active);
        cells.set(4, completed);
        return cells;
    }

    private static void print(CSVPrinter csv, List<Object> cells) {
        try {
            SpreadsheetCells.printRow(csv, cells);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String snake(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }
}
