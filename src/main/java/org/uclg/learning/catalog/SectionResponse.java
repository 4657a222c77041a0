package org.uclg.learning.catalog;

import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

@Serdeable
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SectionResponse(String key, int position, String title, String summary, SectionKind kind,
                              int minutes, boolean required,
                              @Nullable @Schema(description = "The section's text (Markdown); only in GET /modules/{code}") String body) {

    static SectionResponse of(CatalogSection s, String lang, boolean withBody) {
        return new SectionResponse(s.key(), s.position(), s.title().get(lang), s.summary().get(lang), s.kind(),
                s.minutes(), s.required(), withBody ? s.body().get(lang) : null);
    }
}
