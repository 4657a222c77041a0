package org.uclg.learning.certificates;

import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Status;
import org.uclg.learning.shared.ApiProblems;
import org.uclg.learning.certificates.badges.Credentials;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import org.uclg.learning.people.Caller;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;

@Controller("/api/v1")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "certificates")
@ApiProblems.SignedIn
class CertificatesController {
    private final CertificatesApi certificates;
    private final CertificateIssuer issuer;
    private final CertificateWorker worker;
    private final Credentials credentials;

    CertificatesController(CertificatesApi certificates, CertificateIssuer issuer, CertificateWorker worker, Credentials credentials) {
        this.issuer = issuer;
        this.certificates = certificates;
        this.worker = worker;
        this.credentials = credentials;
    }


    @Get("/certificates")
    @Operation(summary = "The caller's own certificates, newest first")
    List<CertificateResponse> mine(Caller caller) {
        return certificates.mine(caller.id());
    }

    @Get("/certificates/{id}")
    @Operation(summary = "A certificate (its learner, or whoever manages its cohort)")
    CertificateResponse certificate(@PathVariable UUID id, Caller caller) {
        return certificates.certificate(id, caller.id());
    }

    @Get(value = "/certificates/{id}/pdf", produces = "application/pdf")
    @Operation(summary = "The certificate's PDF, as issued")
    HttpResponse<byte[]> pdf(@PathVariable UUID id, Caller caller) {
        CertificatesApi.Download download = certificates.pdf(id, caller.id());
        String encoded = URLEncoder.encode(download.fileName(), StandardCharsets.UTF_8).replace("+", "%20");
        return HttpResponse.ok(download.bytes()).contentType(MediaType.of("application/pdf"))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + download.fileName() + "\"; filename*=UTF-8''" + encoded);
    }

    @ApiProblems.WithBody
    @ApiProblems.Conflict
    @Post("/certificates/{id}/revoke")
    @Operation(summary = "Revoke with a reason (trainer of the cohort, coordinator, admin); kept in the audit trail")
    CertificateResponse revoke(@PathVariable UUID id, @Valid @Body RevokeRequest request, Caller caller) {
        return certificates.revoke(id, request.reason(), caller.id());
    }

    @ApiProblems.WithBody
    @Status(HttpStatus.CREATED)
    @ApiProblems.Conflict
    @Post("/certificates/{id}/reissue")
    @Operation(summary = "Reissue with the learner's current name; the old certificate becomes SUPERSEDED")
    HttpResponse<CertificateResponse> reissue(@PathVariable UUID id, @Nullable @Body IssueRequest request, Caller caller) {
        return HttpResponse.created(certificates.reissue(id, request == null ? null : request.language(), caller.id()));
    }

    @Get(value = "/certificates/{id}/credential", produces = "application/vc+jwt")
    @Operation(summary = "The certificate as an Open Badges 3.0 OpenBadgeCredential, signed as a VC-JWT (EdDSA)",
            description = "Check the signature with the key published at /api/v1/issuer or /.well-known/jwks.json.")
    HttpResponse<String> credential(@PathVariable UUID id, Caller caller) {
        return HttpResponse.ok(credentials.credential(id, caller.id())).contentType(MediaType.of("application/vc+jwt"));
    }

    @ApiProblems.WithBody
    @ApiResponse(responseCode = "202", description = "Queued; issued in the background")
    @ApiProblems.Conflict
    @Post("/enrollments/{id}/certificates")
    @Operation(summary = "Issue a certificate by hand for a completed enrollment (trainer of the cohort, coordinator, admin)",
            description = "202: the certificate is queued and issued in the background within seconds; "
                    + "it then appears in GET /api/v1/certificates of the learner and of the enrollment.")
    HttpResponse<?> issue(@PathVariable UUID id, @Nullable @Body IssueRequest request, Caller caller) {
        CertificateKind kind = request == null || request.kind() == null ? CertificateKind.MODULE_COMPLETION : request.kind();
        issuer.requestIssue(id, kind, request == null ? null : request.language(), caller.id());
        worker.wake();
        return HttpResponse.accepted();
    }
}
