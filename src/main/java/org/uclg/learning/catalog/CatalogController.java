package org.uclg.learning.catalog;

import org.uclg.learning.shared.ApiProblems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.uclg.learning.shared.Languages;

import java.util.List;

@Controller("/api/v1")
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "catalogue")
@ApiProblems.Anonymous
class CatalogController {
    private final CatalogApi catalog;

    CatalogController(CatalogApi catalog) {
        this.catalog = catalog;
    }

    @Get("/modules")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "The modules with their sections", description = "Language: ?lang=, then Accept-Language, then en.")
    HttpResponse<List<ModuleResponse>> modules(@Nullable @QueryValue String lang,
                                               @Nullable @Header(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        String language = Languages.negotiate(lang, acceptLanguage);
        return HttpResponse.ok(catalog.modules(language)).header(HttpHeaders.CONTENT_LANGUAGE, language);
    }

    @ApiProblems.NotFound
    @Get("/modules/{code}")
    @Secured(SecurityRule.IS_ANONYMOUS)
    @Operation(summary = "One module, with the text of each section")
    HttpResponse<ModuleResponse> module(@PathVariable String code, @Nullable @QueryValue String lang,
                                        @Nullable @Header(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        String language = Languages.negotiate(lang, acceptLanguage);
        return HttpResponse.ok(catalog.module(code, language)).header(HttpHeaders.CONTENT_LANGUAGE, language);
    }

    @ApiProblems.SignedIn
    @Post("/admin/catalog/sync")
    @Secured("ADMIN")
    @Operation(summary = "Sync course-content/ into the catalogue now", description = "Unchanged content writes nothing.")
    SyncReport sync() {
        return catalog.syncContent();
    }
}
