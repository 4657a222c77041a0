package org.uclg.learning.catalog;

import org.uclg.learning.catalog.content.ContentSource;
import org.uclg.learning.catalog.content.ContentException;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.uclg.learning.shared.NotFoundException;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** The catalogue of modules and their sections, in en, es or fr. */
@Singleton
public class CatalogApi {
    private final ModuleRepository modules;
    private final SectionRepository sections;
    private final ContentSource content;
    private final CatalogSync sync;

    CatalogApi(ModuleRepository modules, SectionRepository sections, ContentSource content, CatalogSync sync) {
        this.modules = modules;
        this.sections = sections;
        this.content = content;
        this.sync = sync;
    }

    @Transactional(readOnly = true)
    public List<ModuleResponse> modules(String lang) {
        Map<String, List<CatalogSection>> byModule = sections.findActiveInOrder()
                .stream().collect(Collectors.groupingBy(CatalogSection::moduleCode));
        return modules.findActiveInCatalogOrder().stream()
                .map(m -> ModuleResponse.of(m, byModule.getOrDefault(m.code(), List.of()), lang, false))
                .toList();
    }

    @Transactional(readOnly = true)
    public ModuleResponse module(String code, String lang) {
        String normalized = code.toUpperCase(Locale.ROOT);
        CatalogModule module = modules.findByCodeAndRetiredAtIsNull(normalized)
                .orElseThrow(() -> new NotFoundException("module", code));
        return ModuleResponse.of(module, sections.findByModuleCodeAndRetiredAtIsNullOrderByPosition(normalized), lang, true);
    }

    /** A module's title in each language and its version, for what gets printed (certificates). */
    @Transactional(readOnly = true)
    public ModuleInfo moduleInfo(String code) {
        CatalogModule m = modules.findById(code.toUpperCase(Locale.ROOT)).orElseThrow(() -> new NotFoundException("module", code));
        int minutes = sections.findByModuleCodeAndRetiredAtIsNullOrderByPosition(m.code()).stream()
                .filter(CatalogSection::required).mapToInt(CatalogSection::minutes).sum();
        return new ModuleInfo(m.code(), m.version(), m.title(), m.partners(), minutes);
    }

    /** The current sections of a module in order (retired ones left out). */
    @Transactional(readOnly = true)
    public List<SectionInfo> sections(String moduleCode) {
        return sections.findByModuleCodeAndRetiredAtIsNullOrderByPosition(moduleCode.toUpperCase(Locale.ROOT)).stream()
                .map(SectionInfo::of).toList();
    }

    /** Whether the code names a module of the catalogue that is not retired (any case). */
    @Transactional(readOnly = true)
    public boolean exists(String code) {
        return code != null && modules.findByCodeAndRetiredAtIsNull(code.toUpperCase(Locale.ROOT)).isPresent();
    }

    /** The title of an active module in one of en, es, fr; empty when there is no such module. */
    @Transactional(readOnly = true)
    public Optional<String> title(String code, String lang) {
        if (code == null) {
            return Optional.empty();
        }
        return modules.findByCodeAndRetiredAtIsNull(code.toUpperCase(Locale.ROOT)).map(m -> m.title().get(lang));
    }

    /** Reads course-content/ and syncs it; a content error throws {@link ContentException} and writes nothing. */
    public SyncReport syncContent() {
        return sync.sync(content.read());
    }
}
