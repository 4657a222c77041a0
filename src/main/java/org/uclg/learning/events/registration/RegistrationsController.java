package org.uclg.learning.events.registration;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Status;
import org.uclg.learning.shared.ApiProblems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
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

import java.util.UUID;

@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "events")
@ApiProblems.SignedIn
class RegistrationsController {
    private static final MediaType CSV = new MediaType("text/csv; charset=utf-8");
    private final Registrations registrations;
    private final RegistrationList list;
    private final RegistrationsCsv csv;

    RegistrationsController(Registrations registrations, RegistrationList list, RegistrationsCsv csv) {
        this.registrations = registrations;
        this.list = list;
        this.csv = csv;
    }

    @ApiProblems.WithBody
    @Status(HttpStatus.CREATED)
    @ApiProblems.Conflict
    @Post("/events/{id}/registrations")
    @Operation(summary = "Register yourself, or (organisers) someone else",
            description = "201 with status REGISTERED, or WAITLISTED when the event is full. Only PUBLISHED events that have not "
                    + "ended; your own registration closes at registrationDeadline (409 registration-closed). An event of a "
                    + "cohort takes only its enrolled learners. 409 already-registered on a second try.")
    HttpResponse<RegistrationResponse> register(@PathVariable UUID id, @Valid @Nullable @Body RegisterRequest request, Caller caller) {
        return HttpResponse.created(registrations.register(id, request == null ? null : request.userId(), caller.id()));
    }

    @ApiResponse(responseCode = "200", description = "A page of registrations as JSON, or all of them as CSV",
            content = {@Content(mediaType = "application/json", schema = @Schema(ref = "#/components/schemas/PageResponse_RegistrationResponse_")),
                    @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @Get(value = "/events/{id}/registrations", produces = {MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "The event's registrations, oldest first (its organisers); Accept: text/csv streams them all as CSV",
            description = "?status= filters. Each carries the person's name, email and whether their attendance stands. "
                    + "CSV cells starting with = + - @ tab or CR get a leading apostrophe.")
    HttpResponse<?> list(@PathVariable UUID id, @Nullable @QueryValue String status, @QueryValue(defaultValue = "0") int page,
                         @QueryValue(defaultValue = "50") int size, @Nullable @Header(HttpHeaders.ACCEPT) String accept,
                         Caller caller) {
        RegistrationStatus filter = RegistrationList.status(status, page, size);
        if (accept != null && accept.contains("text/csv")) {
            list.requireOrganiser(id, caller.id());
            Writable body = out -> csv.write(id, filter, out);
            return HttpResponse.ok(body).contentType(CSV)
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"registrations-" + id + ".csv\"");
        }
        return HttpResponse.ok(list.page(id, caller.id(), filter, page, size));
    }

    @Get("/events/{id}/registrations/{rid}")
    @Operation(summary = "One registration (its person and the event's organisers)")
    RegistrationResponse get(@PathVariable UUID id, @PathVariable UUID rid, Caller caller) {
        return registrations.get(id, rid, caller.id());
    }

    @ApiProblems.Conflict
    @Post("/events/{id}/registrations/{rid}/cancel")
    @Operation(summary = "Cancel a registration (its person or the event's organisers)",
            description = "A freed seat goes to the oldest WAITLISTED registration in the same transaction.")
    RegistrationResponse cancel(@PathVariable UUID id, @PathVariable UUID rid, Caller caller) {
        return registrations.cancel(id, rid, caller.id());
    }

    @Get("/me/event-registrations")
    @Operation(summary = "The caller's own event registrations, newest first")
    PageResponse<RegistrationResponse> mine(@QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size,
                                            Caller caller) {
        return list.mine(caller.id(), page, size);
    }
}
