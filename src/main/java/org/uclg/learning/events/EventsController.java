package org.uclg.learning.events;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Status;
import org.uclg.learning.shared.ApiProblems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.uclg.learning.people.Caller;
import org.uclg.learning.shared.Languages;
import org.uclg.learning.shared.PageResponse;

import java.util.UUID;

@Controller("/api/v1/events")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "events")
@ApiProblems.Anonymous
class EventsController {
    private final EventsApi events;
    private final EventFilters filters;

    EventsController(EventsApi events, EventFilters filters) {
        this.events = events;
        this.filters = filters;
    }

    @ApiProblems.WithBody
    @Status(HttpStatus.CREATED)
    @ApiProblems.SignedIn
    @Post
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Create an event as a DRAFT (admins, coordinators of its regional section, trainers for their own cohorts)",
            description = "startsAt/endsAt are date-times with an offset, timezone the IANA zone it was planned in. "
                    + "ONLINE needs a joinUrl to be published, IN_PERSON a venue, HYBRID both. A LIVE_SESSION of a cohort "
                    + "names the module's LIVE_SESSION section it delivers.")
    HttpResponse<EventResponse> create(@Valid @Body EventRequest request, @Nullable @QueryValue String lang,
                                       @Nullable @Header(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage, Caller caller) {
        String language = Languages.negotiate(lang, acceptLanguage);
        return HttpResponse.created(events.create(request, caller.id(), language)).header(HttpHeaders.CONTENT_LANGUAGE, language);
    }

    @Get
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "List events: upcoming (default, soonest first), past (latest first) or all",
            description = "Filters: when=upcoming|past|all, regionalSection, module, kind, format, language, status, cohort, "
                    + "from/to (a date YYYY-MM-DD or a date-time with offset; on the start). Published and cancelled events "
                    + "are public; drafts are listed only to their organisers. Titles in ?lang=, then Accept-Language.")
    HttpResponse<PageResponse<EventResponse>> list(@Nullable @QueryValue String when, @Nullable @QueryValue String regionalSection,
                                                   @Nullable @QueryValue String module, @Nullable @QueryValue String kind,
                                                   @Nullable @QueryValue String format, @Nullable @QueryValue String language,
                                                   @Nullable @QueryValue String status, @Nullable @QueryValue String cohort,
                                                   @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                                   @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "50") int size,
                                                   @Nullable @QueryValue String lang,
                                                   @Nullable @Header(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage,
                                                   @Nullable Caller caller) {
        String chosen = Languages.negotiate(lang, acceptLanguage);
        EventQueries.Filter filter = filters.parse(when, regionalSection, module, kind, format, language, status, cohort, from, to, page, size);
        return HttpResponse.ok(events.search(filter, caller == null ? null : caller.id(), chosen, page, size))
                .header(HttpHeaders.CONTENT_LANGUAGE, chosen);
    }

    @ApiProblems.NotFound
    @Get("/{id}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "One event", description = "A draft is 404 except to its organisers, who also see its checkInCode.")
    HttpResponse<EventResponse> get(@PathVariable UUID id, @Nullable @QueryValue String lang,
                                    @Nullable @Header(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage, @Nullable Caller caller) {
        String language = Languages.negotiate(lang, acceptLanguage);
        return HttpResponse.ok(events.get(id, caller == null ? null : caller.id(), language)).header(HttpHeaders.CONTENT_LANGUAGE, language);
    }

    @ApiProblems.WithBody
    @ApiProblems.SignedIn
    @ApiProblems.Conflict
    @Put("/{id}")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Replace an event's fields (its organisers)",
            description = "Raises the calendar SEQUENCE. The cohort cannot change; capacity cannot drop below seats taken; "
                    + "more room moves the waitlist up, oldest first, in the same transaction.")
    HttpResponse<EventResponse> update(@PathVariable UUID id, @Valid @Body EventRequest request, @Nullable @QueryValue String lang,
                                       @Nullable @Header(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage, Caller caller) {
        String language = Languages.negotiate(lang, acceptLanguage);
        return HttpResponse.ok(events.update(id, request, caller.id(), language)).header(HttpHeaders.CONTENT_LANGUAGE, language);
    }

    @ApiProblems.SignedIn
    @ApiProblems.Conflict
    @Post("/{id}/publish")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Publish a draft: DRAFT → PUBLISHED (its organisers); registration opens")
    EventResponse publish(@PathVariable UUID id, @Nullable @QueryValue String lang, Caller caller) {
        return events.publish(id, caller.id(), Languages.negotiate(lang, null));
    }

    @ApiProblems.SignedIn
    @ApiProblems.Conflict
    @Post("/{id}/cancel")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    @Operation(summary = "Cancel an event (its organisers)",
            description = "Every REGISTERED or WAITLISTED registration becomes EVENT_CANCELLED; rows are kept. The calendar shows STATUS:CANCELLED.")
    EventResponse cancel(@PathVariable UUID id, @Nullable @QueryValue String lang, Caller caller) {
        return events.cancel(id, caller.id(), Languages.negotiate(lang, null));
    }
}
