package org.uclg.learning.catalog;

import org.uclg.learning.catalog.content.ModuleContent;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.uclg.learning.catalog.content.ModuleContent.SectionContent;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Brings the database in line with course-content/. A module whose content hash is unchanged is
 * not touched at all; a section that disappears from the content is retired, never deleted.
 */
@Singleton
class CatalogSync {
    private final ModuleRepository modules;
    private final SectionRepository sections;
    private final Clock clock;

    CatalogSync(ModuleRepository modules, SectionRepository sections, Clock clock) {
        this.modules = modules;
        this.sections = sections;
        this.clock = clock;
    }

    @Transactional
    SyncReport sync(List<ModuleContent> content) {
        Instant now = clock.instant();
        Map<String, CatalogModule> stored = new HashMap<>();
        modules.findAll().forEach(m -> stored.put(m.code(), m));
        int added = 0, updated = 0, unchanged = 0, retired = 0;
        int[] sectionCounts = new int[3];
        for (ModuleContent module : content) {
            CatalogModule previous = stored.remove(module.code());
            if (previous != null && previous.retiredAt() == null && previous.contentHash().equals(module.hash())) {
                unchanged++;
                continue;
            }
            CatalogModule row = CatalogModule.of(module, previous, now);
            if (previous == null) {
                modules.save(row);
                added++;
            } else {
                modules.update(row);
                updated++;
            }
            syncSections(module, now, sectionCounts);
        }
        for (CatalogModule gone : stored.values()) {
            if (gone.retiredAt() == null) {
                modules.update(gone.retire(now));
                retired++;
            }
        }
        return new SyncReport(added, updated, unchanged, retired, sectionCounts[0], sectionCounts[1], sectionCounts[2]);
    }

    private void syncSections(ModuleContent module, Instant now, int[] counts) {
        Map<String, CatalogSection> stored = sections.findByModuleCode(module.code()).stream()
                .collect(Collectors.toMap(CatalogSection::key, Function.identity()));
        for (SectionContent section : module.sections()) {
            CatalogSection previous = stored.remove(section.key());
            if (previous == null) {
                sections.save(CatalogSection.of(module.code(), section, null, now));
                counts[0]++;
            } else if (previous.retiredAt() != null || !previous.contentHash().equals(section.hash())) {
                sections.update(CatalogSection.of(module.code(), section, previous, now));
                counts[1]++;
            }
        }
        for (CatalogSection gone : stored.values()) {
            if (gone.retiredAt() == null) {
                sections.update(gone.retire(now));
                counts[2]++;
            }
        }
    }
}
