package org.uclg.learning.catalog;

import org.uclg.learning.catalog.content.ModuleContent;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;

import java.time.Instant;
import java.util.List;
import java.util.Map;

@MappedEntity("modules")
record CatalogModule(@Id String code,
                     String track,
                     int number,
                     int version,
                     @TypeDef(type = DataType.JSON) List<String> partners,
                     @TypeDef(type = DataType.JSON) Map<String, String> title,
                     @TypeDef(type = DataType.JSON) Map<String, String> summary,
                     String contentHash,
                     @Nullable Instant retiredAt,
                     Instant createdAt,
                     Instant updatedAt) {

    static CatalogModule of(ModuleContent content, @Nullable CatalogModule previous, Instant now) {
        return new CatalogModule(content.code(), content.track(), content.number(), content.version(),
                content.partners(), content.title(), content.summary(), content.hash(), null,
                previous == null ? now : previous.createdAt(), now);
    }

    CatalogModule retire(Instant now) {
        return new CatalogModule(code, track, number, version, partners, title, summary, contentHash, now, createdAt, now);
    }
}
