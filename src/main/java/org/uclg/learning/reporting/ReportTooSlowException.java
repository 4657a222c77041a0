package org.uclg.learning.reporting;

import org.uclg.learning.shared.ProblemException;

import java.util.List;

/** A report query that ran past its time limit: 503 problem+json, never a 500. */
class ReportTooSlowException extends ProblemException {
    ReportTooSlowException() {
        super(503, "report-too-slow", "Report took too long",
                "the report did not finish in time; try a shorter period or narrower filters, or again later", List.of());
    }
}
