package org.uclg.learning.shared;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Hidden;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Serves the OpenAPI document the build generates as {@code application/yaml} (RFC 9512). The static
 * resource mapping would send it as text/plain, which YAML-aware clients and linters do not take as
 * YAML. The document is read once; it is part of the jar.
 */
@Hidden
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
class OpenApiDocumentController {
    static final String PATH = "/swagger/learning-api.yml";
    static final String MEDIA_TYPE = "application/yaml";
    private final byte[] document;

    OpenApiDocumentController() {
        try (InputStream in = OpenApiDocumentController.class.getResourceAsStream("/META-INF" + PATH)) {
            document = in == null ? null : in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Get(value = PATH, produces = MEDIA_TYPE)
    HttpResponse<byte[]> document() {
        if (document == null) {
            return HttpResponse.notFound();
        }
        return HttpResponse.ok(document).contentType(MEDIA_TYPE + ";charset=utf-8");
    }
}
