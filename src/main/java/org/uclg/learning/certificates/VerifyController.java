package org.uclg.learning.certificates;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.multipart.CompletedFileUpload;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.uclg.learning.shared.Languages;
import org.uclg.learning.shared.NotFoundException;
import org.uclg.learning.shared.ValidationException;

import java.io.IOException;
import java.util.Map;

/** Public verification: by code (JSON, and the HTML page the QR code opens) and by uploaded PDF. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "verification")
class VerifyController {
    private final CertificatesApi certificates;
    private final VerifyRateLimit limit;
    private final Credentials credentials;

    VerifyController(CertificatesApi certificates, VerifyRateLimit limit, Credentials credentials) {
        this.certificates = certificates;
        this.limit = limit;
        this.credentials = credentials;
    }

    private void throttle(HttpRequest<?> request) {
        limit.check(request.getRemoteAddress().getAddress().getHostAddress());
    }

    @Get("/api/v1/verify/{code}")
    @Operation(summary = "Status (VALID, REVOKED, SUPERSEDED) and every printed field of a certificate; 404 for an unknown code")
    CertificateResponse verify(@PathVariable String code, HttpRequest<?> request) {
        throttle(request);
        return certificates.verify(code).orElseThrow(() -> new NotFoundException("certificate with code", code));
    }

    @Get(value = "/verify/{code}", produces = MediaType.TEXT_HTML)
    @Operation(summary = "The verification page the QR code opens, in the visitor's language")
    HttpResponse<String> page(@PathVariable String code, @Nullable @QueryValue String lang,
                              @Nullable @Header(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage, HttpRequest<?> request) {
        throttle(request);
        String language = Languages.negotiate(lang, acceptLanguage);
        var found = certificates.verify(code);
        return HttpResponse.status(found.isPresent() ? HttpStatus.OK : HttpStatus.NOT_FOUND)
                .contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8")
                .header(HttpHeaders.CONTENT_LANGUAGE, language)
                .header("Cache-Control", "no-store")
                .body(VerifyPage.render(found.orElse(null), language, code));
    }

    @Post(value = "/api/v1/verify", consumes = MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Whether an uploaded PDF (field file) is byte for byte an issued certificate; an edited PDF does not match")
    VerifyUploadResponse upload(@Nullable CompletedFileUpload file, HttpRequest<?> request) throws IOException {
        throttle(request);
        if (file == null || file.getSize() == 0) {
            throw new ValidationException("file", "upload the certificate PDF in the multipart field 'file'");
        }
        byte[] bytes = file.getBytes();
        var match = certificates.verifyPdf(bytes);
        return new VerifyUploadResponse(match.isPresent(), CertificatesApi.sha256(bytes), match.orElse(null));
    }

    @Get("/api/v1/issuer")
    @Operation(summary = "The issuer profile of the credentials, with its Ed25519 public key (JWK)")
    Map<String, Object> issuer() {
        return credentials.issuer();
    }

    @Get("/.well-known/jwks.json")
    @Operation(summary = "The keys that sign the credentials")
    Map<String, Object> jwks() {
        return credentials.jwks();
    }
}
