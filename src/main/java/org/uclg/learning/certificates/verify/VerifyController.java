package org.uclg.learning.certificates.verify;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import org.uclg.learning.shared.ApiProblems;
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
import io.micronaut.core.io.Writable;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import io.micronaut.views.thymeleaf.ThymeleafViewsRenderer;
import org.uclg.learning.certificates.CertificateResponse;
import org.uclg.learning.certificates.CertificateVerification;
import org.uclg.learning.certificates.badges.Credentials;
import org.uclg.learning.certificates.pdf.CertificatePdf;
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
@ApiProblems.Anonymous
class VerifyController {
    private final CertificateVerification verification;
    private final VerifyRateLimit limit;
    private final Credentials credentials;
    private final HttpClientAddressResolver addresses;
    private final ThymeleafViewsRenderer<Map<String, Object>> views;

    VerifyController(CertificateVerification verification, VerifyRateLimit limit, Credentials credentials,
                     HttpClientAddressResolver addresses, ThymeleafViewsRenderer<Map<String, Object>> views) {
        this.verification = verification;
        this.limit = limit;
        this.credentials = credentials;
        this.addresses = addresses;
        this.views = views;
    }

    /** Counted per client address; behind a proxy, the address it forwards (Forwarded, X-Forwarded-For). */
    private void throttle(HttpRequest<?> request) {
        String client = addresses.resolve(request);
        limit.check(client == null ? request.getRemoteAddress().getAddress().getHostAddress() : client);
    }

    @ApiProblems.NotFound
    @ApiProblems.TooManyRequests
    @Get("/api/v1/verify/{code}")
    @Operation(summary = "Status (VALID, REVOKED, SUPERSEDED) and every printed field of a certificate; 404 for an unknown code")
    CertificateResponse verify(@PathVariable String code, HttpRequest<?> request) {
        throttle(request);
        return verification.byCode(code).orElseThrow(() -> new NotFoundException("certificate with code", code));
    }

    @ApiResponse(responseCode = "200", description = "The verification page",
            content = @Content(mediaType = "text/html", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "404", description = "The page saying that no certificate has this code",
            content = @Content(mediaType = "text/html", schema = @Schema(type = "string")))
    @ApiProblems.TooManyRequests
    @Get(value = "/verify/{code}", produces = MediaType.TEXT_HTML)
    @Operation(summary = "The verification page the QR code opens, in the visitor's language")
    HttpResponse<Writable> page(@PathVariable String code, @Nullable @QueryValue String lang,
                              @Nullable @Header(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage, HttpRequest<?> request) {
        throttle(request);
        String language = Languages.negotiate(lang, acceptLanguage);
        var found = verification.byCode(code);
        return HttpResponse.status(found.isPresent() ? HttpStatus.OK : HttpStatus.NOT_FOUND)
                .contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8")
                .header(HttpHeaders.CONTENT_LANGUAGE, language)
                .header("Cache-Control", "no-store")
                .body(views.render("verify", VerifyPage.model(found.orElse(null), language, code), request));
    }

    @ApiProblems.WithBody
    @ApiProblems.TooManyRequests
    @ApiProblems.TooLarge
    @Post(value = "/api/v1/verify", consumes = MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Whether an uploaded PDF (field file) is byte for byte an issued certificate; an edited PDF does not match")
    VerifyUploadResponse upload(@Nullable CompletedFileUpload file, HttpRequest<?> request) throws IOException {
        throttle(request);
        if (file == null || file.getSize() == 0) {
            throw new ValidationException("file", "upload the certificate PDF in the multipart field 'file'");
        }
        byte[] bytes = file.getBytes();
        var match = verification.byPdf(bytes);
        return new VerifyUploadResponse(match.isPresent(), CertificatePdf.sha256(bytes), match.orElse(null));
    }

    @ApiResponse(responseCode = "200", description = "The issuer profile",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IssuerDocuments.Profile.class)))
    @Get("/api/v1/issuer")
    @Operation(summary = "The issuer profile of the credentials, with its Ed25519 public key (JWK)")
    Map<String, Object> issuer() {
        return credentials.issuer();
    }

    @ApiResponse(responseCode = "200", description = "The key set",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IssuerDocuments.KeySet.class)))
    @Get("/.well-known/jwks.json")
    @Operation(summary = "The keys that sign the credentials")
    Map<String, Object> jwks() {
        return credentials.jwks();
    }
}
