package org.uclg.learning.catalog;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;

/** A module in one language; {@code language} says which. */
@Serdeable
public record ModuleResponse(String code, String track, int number, int version, String language, String title,
                             String summary, List<String> partners, int totalMinutes, List<SectionResponse> sections) {

    static ModuleResponse of(CatalogModule m, List<CatalogSection> sections, String lang, boolean withBody) {
        List<SectionResponse> views = sections.stream().map(s -> SectionResponse.of(s, lang, withBody)).toList();
        int minutes = sections.stream().mapToInt(CatalogSection::minutes).sum();
        return new ModuleResponse(m.code(), m.track(), m.number(), m.version(), lang, m.title().get(lang),
                m.summary().get(lang), m.partners(), minutes, views);
    }
}
