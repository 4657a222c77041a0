package org.uclg.learning.cohorts.trainers;

import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Status;
import org.uclg.learning.shared.ApiProblems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import org.uclg.learning.people.Caller;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;

import java.util.List;
import java.util.UUID;

@Controller("/api/v1/trainers")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
@Tag(name = "cohorts")
@ApiProblems.SignedIn
class TrainersController {
    private final TrainerCertifications certifications;
    private final TrainerLineage lineage;

    TrainersController(TrainerCertifications certifications, TrainerLineage lineage) {
        this.certifications = certifications;
        this.lineage = lineage;
    }

    @Get("/{id}/certifications")
    @Operation(summary = "The modules a trainer is certified for (the trainer, coordinators, admins)")
    List<CertificationResponse> certifications(@PathVariable UUID id, Caller caller) {
        return certifications.of(id, caller.id());
    }

    @ApiProblems.WithBody
    @Status(HttpStatus.CREATED)
    @ApiProblems.Conflict
    @Post("/{id}/certifications")
    @Secured("ADMIN")
    @Operation(summary = "Certify a trainer for a module by hand (admins), e.g. the first master trainers",
            description = "409 when already certified for the module.")
    HttpResponse<CertificationResponse> certify(@PathVariable UUID id, @Valid @Body CertifyTrainerRequest request,
                                                Caller caller) {
        return HttpResponse.created(certifications.grant(id, request, caller.id()));
    }

    @Get("/{id}/lineage")
    @Operation(summary = "Trainer-of-trainers lineage: who trained this trainer, the trainers they trained (cascaded), and learner reach",
            description = "?module= restricts to one module. The trainer, coordinators and admins.")
    TrainerLineageResponse lineage(@PathVariable UUID id, @Nullable @QueryValue String module, Caller caller) {
        return lineage.lineage(id, module, caller.id());
    }
}
