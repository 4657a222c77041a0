package org.uclg.learning.progress;

import jakarta.inject.Singleton;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.uclg.learning.shared.SpreadsheetCells;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * The trainer's table as CSV, written page by page straight to the response, so memory stays
 * constant whatever the cohort's size. A cell is the status, followed by the score where there is one.
 */
@Singleton
class ProgressCsv {
    private static final int PAGE = 500;
    private final CohortProgress progress;

    ProgressCsv(CohortProgress progress) {
        this.progress = progress;
    }

    void write(CohortProgress.Managed managed, Writer out) throws IOException {
        CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180);
        for (int page = 0; ; page++) {
            CohortProgressPage table = progress.cohortTablePage(managed, page, PAGE);
            if (page == 0) {
                List<String> header = new ArrayList<>(List.of("enrollment_id", "learner_id", "full_name", "status", "percent"));
                header.addAll(table.sections());
                SpreadsheetCells.printRow(printer, header);
            }
            for (CohortProgressPage.Row row : table.items()) {
                List<Object> record = new ArrayList<>(List.of(row.enrollmentId(), row.learnerId(),
                        row.fullName(), row.status(), row.percent()));
                for (String key : table.sections()) {
                    CohortProgressPage.Cell cell = row.sections().get(key);
                    record.add(cell == null ? "" : cell.score() == null ? cell.status().name() : cell.status() + " " + cell.score());
                }
                SpreadsheetCells.printRow(printer, record);
            }
            if ((long) (page + 1) * PAGE >= table.total()) {
                break;
            }
        }
        printer.flush();
    }
}
