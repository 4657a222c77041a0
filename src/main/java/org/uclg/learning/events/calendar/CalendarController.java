package org.uclg.learning.events.calendar;

import org.uclg.learning.shared.ApiProblems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.uclg.learning.events.EventResponse;
import org.uclg.learning.events.EventsApi;
import org.uclg.learning.people.Caller;
import org.uclg.learning.people.PeopleApi;
import org.uclg.learning.people.RegionalSection;
import org.uclg.learning.shared.Languages;
import org.uclg.learning.shared.NotFoundException;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

@Controller("/api/v1")
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "events")
@ApiProblems.Anonymous
@ApiProblems.NotFound
class CalendarController {
    static final MediaType CALENDAR = new MediaType("text/calendar; charset=UTF-8");
    private final EventsApi events;
    private final EventCalendar calendar;
    private final PeopleApi people;

    CalendarController(EventsApi events, EventCalendar calendar, PeopleApi people) {
        this.events = events;
        this.calendar = calendar;
        this.people = people;
    }

    @Get(value = "/events/{id}/calendar.ics", produces = "text/calendar")
    @Operation(summary = "One event as iCalendar (RFC 5545)",
            description = "Times in the event's zone with its VTIMEZONE; stable UID; SEQUENCE raised on every change; "
                    + "STATUS:CANCELLED once cancelled; the join link and venue. A draft only for its organisers. "
                    + "Summary in ?lang=, then Accept-Language.")
    HttpResponse<String> event(@PathVariable UUID id, @Nullable @QueryValue String lang,
                               @Nullable @Header(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage, @Nullable Caller caller) {
        String language = Languages.negotiate(lang, acceptLanguage);
        EventResponse event = events.visible(id, caller == null ? null : people.access(caller.id()), language).event();
        return ics(calendar.write(List.of(event), event.title()), "event-" + id + ".ics", language);
    }

    @Get(value = "/regional-sections/{code}/events.ics", produces = "text/calendar")
    @Operation(summary = "A regional section's published and cancelled events as an iCalendar feed to subscribe to",
            description = "From learning.events.feed-past-days ago on, soonest first.")
    HttpResponse<String> feed(@PathVariable String code, @Nullable @QueryValue String lang,
                              @Nullable @Header(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        RegionalSection section;
        try {
            section = RegionalSection.valueOf(code.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new NotFoundException("regional section", code.length() > 40 ? code.substring(0, 40) : code);
        }
        String language = Languages.negotiate(lang, acceptLanguage);
        return ics(calendar.write(events.feed(section, language), section.displayName(language)),
                section.name().toLowerCase(Locale.ROOT) + "-events.ics", language);
    }

    private static HttpResponse<String> ics(String body, String filename, String language) {
        return HttpResponse.ok(body).contentType(CALENDAR).header(HttpHeaders.CONTENT_LANGUAGE, language)
                .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"" + filename + "\"");
    }
}
