package org.uclg.learning.progress.xapi;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.uclg.learning.shared.ApiProblems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import org.uclg.learning.people.Caller;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.uclg.learning.shared.Paging;
import org.uclg.learning.shared.ValidationException;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

/** xAPI statements for a Learning Record Store to pull, as an xAPI StatementResult. */
@Controller("/api/v1/xapi/statements")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "progress")
@ApiProblems.SignedIn
class XapiController {
    private final Xapi xapi;

    XapiController(Xapi xapi) {
        this.xapi = xapi;
    }

    @ApiResponse(responseCode = "200", description = "An xAPI StatementResult",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = StatementResult.class)))
    @Get(produces = MediaType.APPLICATION_JSON)
    @Operation(summary = "xAPI 1.0.3 statements of progress, oldest first: {statements, more}",
            description = "since: ISO-8601 instant (exclusive); cohort: a cohort you manage (required unless admin). "
                    + "Follow 'more' for the next page.")
    HttpResponse<String> statements(@Nullable @QueryValue String since, @Nullable @QueryValue String cohort,
                                    @QueryValue(defaultValue = "0") int page, @QueryValue(defaultValue = "100") int size,
                                    Caller caller) {
        Instant sinceInstant = null;
        if (since != null && !since.isBlank()) {
            try {
                sinceInstant = OffsetDateTime.parse(since).toInstant();
            } catch (DateTimeParseException e) {
                throw new ValidationException("since", "must be an ISO-8601 time with offset, e.g. 2026-01-31T00:00:00Z");
            }
        }
        UUID cohortId = null;
        if (cohort != null && !cohort.isBlank()) {
            try {
                cohortId = UUID.fromString(cohort);
            } catch (IllegalArgumentException e) {
                throw new ValidationException("cohort", "must be a cohort id");
            }
        }
        Paging.require(page, size);
        List<String> rows = xapi.statements(sinceInstant, cohortId, page, size, caller.id());
        boolean more = rows.size() > size;
        StringBuilder body = new StringBuilder("{\"statements\":[");
        body.append(String.join(",", more ? rows.subList(0, size) : rows)).append("],\"more\":");
        if (more) {
            StringBuilder next = new StringBuilder("\"/api/v1/xapi/statements?page=").append(page + 1).append("&size=").append(size);
            if (sinceInstant != null) {
                next.append("&since=").append(sinceInstant);
            }
            if (cohortId != null) {
                next.append("&cohort=").append(cohortId);
            }
            body.append(next).append('"');
        } else {
            body.append("\"\"");
        }
        body.append('}');
        return HttpResponse.ok(body.toString()).header("X-Experience-API-Version", Xapi.VERSION);
    }
}
