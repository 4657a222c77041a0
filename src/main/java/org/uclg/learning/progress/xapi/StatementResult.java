package org.uclg.learning.progress.xapi;

import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/**
 * The shape of the xAPI StatementResult that {@link XapiController} writes (the statements are
 * stored as JSON and written as they are), for the OpenAPI document.
 */
@Schema(name = "XapiStatementResult", description = "An xAPI 1.0.3 StatementResult")
record StatementResult(List<Statement> statements,
                       @Schema(description = "The path of the next page, or an empty string on the last page") String more) {

    @Schema(name = "XapiStatement", description = "An xAPI 1.0.3 statement of progress in a section")
    record Statement(@Schema(format = "uuid") String id,
                     @Schema(description = "The learner as an xAPI Agent") Object actor,
                     Object verb,
                     @Schema(description = "The section as an xAPI Activity") Object object,
                     Object result,
                     Object context,
                     @Schema(format = "date-time") String timestamp,
                     @Schema(format = "date-time") String stored,
                     String version) {
    }
}
