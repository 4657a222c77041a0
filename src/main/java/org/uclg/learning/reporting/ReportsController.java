package org.uclg.learning.reporting;

import java.time.Instant;
import io.micronaut.serde.annotation.Serdeable;
import org.uclg.learning.shared.ApiProblems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.uclg.learning.people.Caller;
import org.uclg.learning.reporting.export.ReachCsv;
import org.uclg.learning.shared.Languages;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.Map;

@Controller("/api/v1/reports")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "reporting")
@ApiProblems.SignedIn
class ReportsController {
    private static final MediaType CSV = new MediaType("text/csv; charset=utf-8");
    private final ReportingApi reports;

    ReportsController(ReportingApi reports) {
        this.reports = reports;
    }

    @Get(value = "/reach", produces = {MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "Reach of the training: learners enrolled, active, completed, certificates, trainers, cascade, events, "
            + "places; per regional section and broken down; Accept: text/csv gives CSV",
            description = "Counts of people under the privacy threshold show as \"<5\". Admins and WORLD coordinators see every "
                    + "regional section, a section coordinator their own, a trainer the cohorts they lead.")
    HttpResponse<?> reach(@Nullable @QueryValue String regionalSection, @Nullable @QueryValue String from,
                          @Nullable @QueryValue String to, @Nullable @QueryValue String module, @Nullable @QueryValue String kind,
                          @Nullable @QueryValue String language, @Nullable @Header(HttpHeaders.ACCEPT) String accept, Caller caller) {
        ReportFilter filter = reports.filter(regionalSection, from, to, module, kind, language);
        return jsonOrCsv(reports.reach(filter, caller.id()), accept, ReachCsv::reach, "reach", filter);
    }

    @Get(value = "/funnel", produces = {MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "Drop-out per section of a module: of the learners enrolled in the period, how many started and completed each section")
    HttpResponse<?> funnel(@Nullable @QueryValue String regionalSection, @Nullable @QueryValue String from,
                           @Nullable @QueryValue String to, @Nullable @QueryValue String module, @Nullable @QueryValue String kind,
                           @Nullable @QueryValue String language, @Nullable @QueryValue String lang,
                           @Nullable @Header(HttpHeaders.ACCEPT) String accept,
                           @Nullable @Header(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage, Caller caller) {
        ReportFilter filter = reports.filter(regionalSection, from, to, module, kind, language);
        return jsonOrCsv(reports.funnel(filter, caller.id(), Languages.negotiate(lang, acceptLanguage)), accept, ReachCsv::funnel,
                "funnel", filter);
    }

    @Get(value = "/trend", produces = {MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "The headline figures per month of the period")
    HttpResponse<?> trend(@Nullable @QueryValue String regionalSection, @Nullable @QueryValue String from,
                          @Nullable @QueryValue String to, @Nullable @QueryValue String module, @Nullable @QueryValue String kind,
                          @Nullable @QueryValue String language, @Nullable @Header(HttpHeaders.ACCEPT) String accept, Caller caller) {
        ReportFilter filter = reports.filter(regionalSection, from, to, module, kind, language);
        return jsonOrCsv(reports.trend(filter, caller.id()), accept, ReachCsv::trend, "trend", filter);
    }

    @Get(value = "/reach.pdf", produces = "application/pdf")
    @Operation(summary = "One-page summary with the headline figures and bar charts, in the caller's language (?lang=, Accept-Language)")
    HttpResponse<byte[]> pdf(@Nullable @QueryValue String regionalSection, @Nullable @QueryValue String from,
                             @Nullable @QueryValue String to, @Nullable @QueryValue String module, @Nullable @QueryValue String kind,
                             @Nullable @QueryValue String language, @Nullable @QueryValue String lang,
                             @Nullable @Header(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage, Caller caller) {
        ReportFilter filter = reports.filter(regionalSection, from, to, module, kind, language);
        byte[] pdf = reports.reachPdf(filter, caller.id(), Languages.negotiate(lang, acceptLanguage));
        return HttpResponse.ok(pdf).contentType(MediaType.of("application/pdf"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"reach-" + slug(filter) + ".pdf\"");
    }

    @Post("/refresh")
    @Operation(summary = "Refresh the reporting view now (admins); reports otherwise lag by at most the refresh interval")
    Refreshed refresh(Caller caller) {
        return new Refreshed(reports.refresh(caller.id()));
    }

    /** When the reporting view was refreshed. */
    @Serdeable
    record Refreshed(Instant asOf) {
    }

    private static boolean wantsCsv(@Nullable String accept) {
        return accept != null && accept.contains("text/csv");
    }

    /** A report writer to CSV ({@link ReachCsv}). */
    private interface CsvWriter {
        void write(Map<String, Object> report, Writer out) throws IOException;
    }

    /** The report as JSON, or as a CSV attachment when the client asks for text/csv. */
    private static HttpResponse<?> jsonOrCsv(Map<String, Object> report, @Nullable String accept, CsvWriter writer, String name,
                                             ReportFilter filter) {
        if (!wantsCsv(accept)) {
            return HttpResponse.ok(report);
        }
        Writable body = out -> writer.write(report, out);
        return HttpResponse.ok(body).contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "-" + slug(filter) + ".csv\"");
    }

    private static String slug(ReportFilter f) {
        return (f.regionalSection() == null ? "all" : f.regionalSection().name().toLowerCase(Locale.ROOT))
                + "-" + f.from() + "-" + f.to();
    }
}
