package org.uclg.learning.shared;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.util.List;

/** The RFC 9457 body every error of the API has. */
@Serdeable
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(String type, String title, int status, @Nullable String detail, @Nullable String instance,
                      @Nullable @Schema(description = "Bad input only: each rejected field and why") List<ProblemException.FieldError> errors) {

    public static final String TYPE_BASE = "https://learning.uclg.org/problems/";
    public static final String MEDIA_TYPE = "application/problem+json";
}
