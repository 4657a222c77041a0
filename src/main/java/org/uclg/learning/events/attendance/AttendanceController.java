package org.uclg.learning.events.attendance;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.uclg.learning.shared.ApiProblems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.uclg.learning.people.Caller;
import org.uclg.learning.shared.PageResponse;
import org.uclg.learning.shared.Problem;

import java.util.UUID;

@Controller("/api/v1/events/{id}")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "events")
@ApiProblems.SignedIn
class AttendanceController {
    private final Attendances attendances;
    private final AttendanceImport imports;

    AttendanceController(Attendances attendances, AttendanceImport imports) {
        this.attendances = attendances;
        this.imports = imports;
    }

    @ApiProblems.WithBody
    @ApiProblems.Conflict
    @Post("/attendance")
    @Operation(summary = "Record attendance of one person ({userId}) or many ({userIds}) (the event's organisers)",
            description = "Published events, from the start (minus the check-in margin). At an event of a cohort only its enrolled "
                    + "learners. Idempotent per person (ALREADY_RECORDED). A LIVE_SESSION of a cohort completes its section "
                    + "(and the enrollment when it was the last required one); an event granting certificates queues one.")
    AttendanceReport mark(@PathVariable UUID id, @Valid @Body AttendanceRequest request, Caller caller) {
        return attendances.mark(id, request, caller.id());
    }

    @Get("/attendance")
    @Operation(summary = "The event's attendance records, oldest first (its organisers)",
            description = "?removed=true includes removed records with who removed them and when.")
    PageResponse<AttendanceResponse> list(@PathVariable UUID id, @QueryValue(defaultValue = "false") boolean removed,
                                          @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size,
                                          Caller caller) {
        return attendances.list(id, removed, page, size, caller.id());
    }

    @Delete("/attendance/{userId}")
    @Operation(summary = "Remove a person's attendance record, a correction (the event's organisers)",
            description = "The record is kept with who removed it and when. Progress and certificates already earned are not undone.")
    AttendanceResponse remove(@PathVariable UUID id, @PathVariable UUID userId, Caller caller) {
        return attendances.remove(id, userId, caller.id());
    }

    @ApiProblems.WithBody
    @ApiResponse(responseCode = "200", description = "Every row's outcome",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = AttendanceImportReport.class)))
    @ApiResponse(responseCode = "422", description = "Some row is bad and nothing was recorded (unless ?partial=true): the per-row results",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = AttendanceImportReport.Rejected.class)))
    @ApiProblems.TooLarge
    @ApiProblems.Conflict
    @Post(uri = "/attendance/import", consumes = {"text/csv", "application/csv", "text/plain"})
    @Operation(summary = "Record attendance from CSV, matched by email only (the event's organisers)",
            description = "A header row with an email column (email, mail, correo, courriel); other columns are ignored. UTF-8 with "
                    + "or without BOM; comma or semicolon. At most 5,000 rows (413). All-or-nothing: any bad row gives 422 with "
                    + "per-row results, unless ?partial=true. ?dryRun=true checks and reports without writing.")
    HttpResponse<?> importCsv(@PathVariable UUID id, @Nullable @Body byte[] body, @QueryValue(defaultValue = "false") boolean dryRun,
                              @QueryValue(defaultValue = "false") boolean partial, HttpRequest<?> request, Caller caller) {
        AttendanceImportReport report = imports.run(id, body == null ? new byte[0] : body, dryRun, partial, caller.id());
        if (report.rejected()) {
            return HttpResponse.unprocessableEntity().contentType(Problem.MEDIA_TYPE).body(report.asProblem(request.getPath()));
        }
        return HttpResponse.ok(report);
    }

    @ApiProblems.WithBody
    @ApiProblems.Conflict
    @Post("/check-in")
    @Operation(summary = "Check yourself in with the code the organiser shows (registered people)",
            description = "Open from learning.events.check-in-margin before the start to the same after the end (409 check-in-closed "
                    + "outside); 409 not-registered unless your registration is REGISTERED; 400 naming code for a wrong code.")
    AttendanceResult checkIn(@PathVariable UUID id, @Valid @Body CheckInRequest request, Caller caller) {
        return attendances.checkIn(id, request.code(), caller.id());
    }
}
