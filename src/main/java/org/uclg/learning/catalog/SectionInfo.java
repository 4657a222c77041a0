package org.uclg.learning.catalog;

import java.util.Map;

/** A section as other features need it: its stable id (progress refers to it), kind and whether it counts. */
public record SectionInfo(long id, String moduleCode, String key, int position, SectionKind kind, int minutes,
                          boolean required, Map<String, String> title) {

    static SectionInfo of(CatalogSection s) {
        return new SectionInfo(s.id(), s.moduleCode(), s.key(), s.position(), s.kind(), s.minutes(), s.required(), s.title());
    }
}
