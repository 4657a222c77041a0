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
import org.uclg.learning.shared.SecurityHeaders;
import org.uclg.learning.shared.ValidationException;

import java.io.IOException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/** Public verification: by code (JSON, and the HTML page the QR code opens) and by uploaded PDF. */
@Controller
@Secured(SecurityRule.IS_ANONYMOUS)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "verification")
@ApiProblems.Anonymous
class VerifyController {
    private static final SecureRandom RANDOM = new SecureRandom();
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
    @Operation(summary = "Status (VALID, REVOKED, SUPERSEDED) and every printed field of a certificate; 404 for an unknown code",
            description = "The printed fields are as printed, in the certificate's language (field language and the "
                    + "Content-Language header); the answer does not depend on Accept-Language.")
    HttpResponse<VerificationResponse> verify(@PathVariable String code, HttpRequest<?> request) {
        throttle(request);
        CertificateResponse found = verification.byCode(code).orElseThrow(() -> new NotFoundException("certificate with code", code));
        return HttpResponse.ok(VerificationResponse.of(found)).header(HttpHeaders.CONTENT_LANGUAGE, found.language());
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
        String nonce = nonce();
        return HttpResponse.status(found.isPresent() ? HttpStatus.OK : HttpStatus.NOT_FOUND)
                .contentType(MediaType.TEXT_HTML_TYPE.toString() + ";charset=utf-8")
                .header(HttpHeaders.CONTENT_LANGUAGE, language)
                .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
                .header("Cache-Control", "no-store")
                // its one inline style block is allowed by a nonce; nothing else may load, run or frame it
                .header(SecurityHeaders.CONTENT_SECURITY_POLICY, "default-src 'none'; style-src 'nonce-" + nonce
                        + "'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
                .body(views.render("verify", VerifyPage.model(found.orElse(null), language, code, nonce), request));
    }

    private static String nonce() {
        byte[] bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
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
        return new VerifyUploadResponse(match.isPresent(), CertificatePdf.sha256(bytes), match.map(VerificationResponse::of).orElse(null));
    }

    @ApiResponse(responseCode = "200", description = "The issuer profile",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IssuerDocuments.Profile.class)))
    @Get("/api/v1/issuer")
    @Operation(summary = "The issuer profile of the credentials (Open Badges 3.0 Profile, JSON-LD)")
    Map<String, Object> issuer() {
        return credentials.issuer();
    }

    @ApiResponse(responseCode = "200", description = "The key set",
            content = @Content(mediaType = "application/json", schema = @Schema(implementation = IssuerDocuments.KeySet.class)))
    @Get("/.well-known/jwks.json")
    @Operation(summary = "The keys that sign the credentials; each key's kid is the kid in a credential's header")
    Map<String, Object> jwks() {
        return credentials.jwks();
    }

    @ApiResponse(responseCode = "200", description = "The public key",
            content = @Content(mediaType = "application/jwk+json", schema = @Schema(implementation = IssuerDocuments.Jwk.class)))
    @ApiProblems.NotFound
    @Get(value = "/api/v1/issuer/keys/{thumbprint}", produces = "application/jwk+json")
    @Operation(summary = "One public key (JWK) of the issuer: what a credential's kid dereferences to")
    HttpResponse<String> key(@PathVariable String thumbprint) {
        return HttpResponse.ok(credentials.key(thumbprint).orElseThrow(() -> new NotFoundException("key", thumbprint)))
                .contentType(MediaType.of("application/jwk+json"));
    }

    @ApiResponse(responseCode = "200", description = "The status list credential, a compact JWS",
            content = @Content(mediaType = "application/vc+jwt", schema = @Schema(type = "string")))
    @ApiProblems.NotFound
    @Get(value = "/api/v1/status-lists/{list}", produces = "application/vc+jwt")
    @Operation(summary = "A W3C Bitstring Status List of the credentials (revocation), as a signed VC-JWT",
            description = "A credential's credentialStatus names its list and position; the bit is 1 once the certificate "
                    + "is revoked or superseded. Read fresh on every request.")
    HttpResponse<String> statusList(@PathVariable long list) {
        return HttpResponse.ok(credentials.statusList(list).orElseThrow(() -> new NotFoundException("status list", list)))
                .contentType(MediaType.of("application/vc+jwt")).header("Cache-Control", "no-cache");
    }
}
