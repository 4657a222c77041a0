package org.uclg.learning.reporting.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import java.io.StringReader;
import java.io.StringWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Every report CSV neutralises text a spreadsheet would run as a formula, and leaves numbers as numbers. */
class ReachCsvTest {
    private static final String FORMULA = "=HYPERLINK(\"http://evil.example\",\"x\")";

    private static List<CSVRecord> parse(StringWriter out) throws Exception {
        String text = out.toString();
        assertEquals('\uFEFF', text.charAt(0));
        return CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords();
    }

    private static Map<String, Object> figures() {
        Map<String, Object> f = new HashMap<>();
        f.put("enrolled", 12);
        f.put("averageLearningGain", -2.5);
        return f;
    }

    @Test
    void reachNeutralisesKeysAndKeepsNegativeNumbers() throws Exception {
        Map<String, Object> section = figures();
        section.put("regionalSection", "+1+1");
        Map<String, Object> row = new HashMap<>(Map.of("key", FORMULA, "enrolled", 3, "active", 2, "completed", 1));
        Map<String, Object> report = Map.of("total", figures(), "regionalSections", List.of(section),
                "breakdowns", Map.of("organizationType", List.of(row)),
                "cascadeByGeneration", List.of(Map.of("generation", 1, "learners", 4)));
        StringWriter out = new StringWriter();
        ReachCsv.reach(report, out);
        List<CSVRecord> records = parse(out);
        assertEquals("-2.5", records.get(1).get(ReachCsv.REACH_COLUMNS.indexOf("average_learning_gain")));
        assertEquals("'+1+1", records.get(2).get(1));
        assertEquals("organization_type", records.get(3).get(0));
        assertEquals("'" + FORMULA, records.get(3).get(1));
    }

    @Test
    void funnelNeutralisesTitlesAndKeys() throws Exception {
        Map<String, Object> s = new HashMap<>(Map.of("position", 1, "key", "-2+3", "kind", "LECTURE", "title", "@SUM(A1:A9)",
                "required", true, "started", 5, "completed", 4));
        StringWriter out = new StringWriter();
        ReachCsv.funnel(Map.of("sections", List.of(s)), out);
        CSVRecord r = parse(out).get(1);
        assertEquals(List.of("1", "'-2+3", "LECTURE", "'@SUM(A1:A9)", "true", "5", "4"), r.toList());
    }

    @Test
    void trendNeutralisesTextCells() throws Exception {
        Map<String, Object> m = new HashMap<>(Map.of("month", "=1+1", "enrolled", -1, "active", 0, "completed", 0, "certificates", 0));
        StringWriter out = new StringWriter();
        ReachCsv.trend(Map.of("months", List.of(m)), out);
        assertEquals(List.of("'=1+1", "-1", "0", "0", "0"), parse(out).get(1).toList());
    }
}
