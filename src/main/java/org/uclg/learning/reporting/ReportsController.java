package org.uclg.learning.reporting;

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
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.uclg.learning.people.RegionalSection;
import org.uclg.learning.shared.Languages;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@Controller("/api/v1/reports")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "reporting")
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
                          @Nullable @QueryValue String language, @Nullable @Header(HttpHeaders.ACCEPT) String accept,
                          Authentication authentication) {
        ReportFilter filter = reports.filter(regionalSection, from, to, module, kind, language);
        Map<String, Object> report = reports.reach(filter, caller(authentication));
        if (wantsCsv(accept)) {
            return csv(out -> ReachCsv.reach(report, out), "reach", filter);
        }
        return HttpResponse.ok(report);
    }

    @Get(value = "/funnel", produces = {MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "Drop-out per section of a module: of the learners enrolled in the period, how many started and completed each section")
    HttpResponse<?> funnel(@Nullable @QueryValue String regionalSection, @Nullable @QueryValue String from,
                           @Nullable @QueryValue String to, @Nullable @QueryValue String module, @Nullable @QueryValue String kind,
                           @Nullable @QueryValue String language, @Nullable @QueryValue String lang,
                           @Nullable @Header(HttpHeaders.ACCEPT) String accept,
                           @Nullable @Header(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage, Authentication authentication) {
        ReportFilter filter = reports.filter(regionalSection, from, to, module, kind, language);
        Map<String, Object> report = reports.funnel(filter, caller(authentication), Languages.negotiate(lang, acceptLanguage));
        if (wantsCsv(accept)) {
            return csv(out -> ReachCsv.funnel(report, out), "funnel", filter);
        }
        return HttpResponse.ok(report);
    }

    @Get(value = "/trend", produces = {MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "The headline figures per month of the period")
    HttpResponse<?> trend(@Nullable @QueryValue String regionalSection, @Nullable @QueryValue String from,
                          @Nullable @QueryValue String to, @Nullable @QueryValue String module, @Nullable @QueryValue String kind,
                          @Nullable @QueryValue String language, @Nullable @Header(HttpHeaders.ACCEPT) String accept,
                          Authentication authentication) {
        ReportFilter filter = reports.filter(regionalSection, from, to, module, kind, language);
        Map<String, Object> report = reports.trend(filter, caller(authentication));
        if (wantsCsv(accept)) {
            return csv(out -> ReachCsv.trend(report, out), "trend", filter);
        }
        return HttpResponse.ok(report);
    }

    @Get(value = "/reach.pdf", produces = "application/pdf")
    @Operation(summary = "One-page summary with the headline figures and bar charts, in the caller's language (?lang=, Accept-Language)")
    HttpResponse<byte[]> pdf(@Nullable @QueryValue String regionalSection, @Nullable @QueryValue String from,
                             @Nullable @QueryValue String to, @Nullable @QueryValue String module, @Nullable @QueryValue String kind,
                             @Nullable @QueryValue String language, @Nullable @QueryValue String lang,
                             @Nullable @Header(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage, Authentication authentication) {
        ReportFilter filter = reports.filter(regionalSection, from, to, module, kind, language);
        String l = Languages.negotiate(lang, acceptLanguage);
        UUID caller = caller(authentication);
        Map<String, Object> report = reports.reach(filter, caller);
        Map<String, Object> trend = reports.trend(filter, caller);
        @SuppressWarnings("unchecked")
        Map<String, List<Map<String, Object>>> breakdowns = (Map<String, List<Map<String, Object>>>) report.get("breakdowns");
        List<Map<String, Object>> sections = ReachPdf.list(report.get("regionalSections"));
        String name = filter.regionalSection() != null ? filter.regionalSection().displayName(l)
                : sections.size() == 1 ? RegionalSection.valueOf((String) sections.get(0).get("regionalSection")).displayName(l)
                : PdfTexts.text(l, "all");
        @SuppressWarnings("unchecked")
        Map<String, Object> total = (Map<String, Object>) report.get("total");
        byte[] pdf = ReachPdf.render(new ReachPdf.Content(l, name, filter.from(), filter.to(), (java.time.Instant) report.get("asOf"),
                total, breakdowns.get("module"), ReachPdf.list(trend.get("months")), reports.privacy().threshold()));
        return HttpResponse.ok(pdf).contentType(MediaType.of("application/pdf"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"reach-" + slug(filter) + ".pdf\"");
    }

    @Post("/refresh")
    @Operation(summary = "Refresh the reporting view now (admins); reports otherwise lag by at most the refresh interval")
    Map<String, Object> refresh(Authentication authentication) {
        return Map.of("asOf", reports.refresh(caller(authentication)));
    }

    private static boolean wantsCsv(@Nullable String accept) {
        return accept != null && accept.contains("text/csv");
    }

    private static HttpResponse<Writable> csv(Writable body, String name, ReportFilter filter) {
        return HttpResponse.ok(body).contentType(CSV)
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + name + "-" + slug(filter) + ".csv\"");
    }

    private static String slug(ReportFilter f) {
        return (f.regionalSection() == null ? "all" : f.regionalSection().name().toLowerCase(java.util.Locale.ROOT))
                + "-" + f.from() + "-" + f.to();
    }

    private static UUID caller(Authentication authentication) {
        return UUID.fromString(authentication.getName());
    }
}
