package org.uclg.learning.catalog;


import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import org.uclg.learning.catalog.content.ModuleContent.SectionContent;

import java.time.Instant;
import java.util.Map;

@MappedEntity("sections")
record CatalogSection(@Id @GeneratedValue @Nullable Long id,
                      String moduleCode,
                      String key,
                      int position,
                      SectionKind kind,
                      int minutes,
                      boolean required,
                      @TypeDef(type = DataType.JSON) Map<String, String> title,
                      @TypeDef(type = DataType.JSON) Map<String, String> summary,
                      @TypeDef(type = DataType.JSON) Map<String, String> body,
                      String contentHash,
                      @Nullable Instant retiredAt,
                      Instant createdAt,
                      Instant updatedAt) {

    /** The section as the content now says, keeping its id so that progress keeps pointing at it. */
    static CatalogSection of(String moduleCode, SectionContent content, @Nullable CatalogSection previous, Instant now) {
        return new CatalogSection(previous == null ? null : previous.id(), moduleCode, content.key(), content.position(),
                content.kind(), content.minutes(), content.required(), content.title(), content.summary(), content.body(),
                content.hash(), null, previous == null ? now : previous.createdAt(), now);
    }

    CatalogSection retire(Instant now) {
        return new CatalogSection(id, moduleCode, key, position, kind, minutes, required, title, summary, body,
                contentHash, now, createdAt, now);
    }
}
