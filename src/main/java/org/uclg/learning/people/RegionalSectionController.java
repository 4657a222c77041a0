package org.uclg.learning.people;

import io.swagger.v3.oas.annotations.Operation;
import org.uclg.learning.shared.ApiProblems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.uclg.learning.shared.Languages;

import java.util.Arrays;
import java.util.List;

@Controller("/api/v1/regional-sections")
@Secured(SecurityRule.IS_ANONYMOUS)
@Tag(name = "catalogue")
@ApiProblems.Anonymous
class RegionalSectionController {

    @Operation(summary = "The regional sections with their names in the caller's language")
    @Get
    List<RegionalSectionResponse> list(@Nullable @QueryValue String lang,
                                       @Nullable @Header(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
        String language = Languages.negotiate(lang, acceptLanguage);
        return Arrays.stream(RegionalSection.values())
                .map(s -> new RegionalSectionResponse(s, s.displayName(language)))
                .toList();
    }
}
