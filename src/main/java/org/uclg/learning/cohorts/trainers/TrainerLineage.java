package org.uclg.learning.cohorts.trainers;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.uclg.learning.cohorts.CohortLearners;
import org.uclg.learning.people.PeopleApi;
import org.uclg.learning.people.UserResponse;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Who trained whom, through which TOT cohorts, and how many learners that reached. */
@Singleton
class TrainerLineage {
    private final TrainerCertifications certificationsApi;
    private final LineageQueries queries;
    private final CertificationRepository certifications;
    private final CohortLearners learners;
    private final PeopleApi people;

    TrainerLineage(TrainerCertifications certificationsApi, LineageQueries queries, CertificationRepository certifications,
                   CohortLearners learners, PeopleApi people) {
        this.certificationsApi = certificationsApi;
        this.queries = queries;
        this.certifications = certifications;
        this.learners = learners;
        this.people = people;
    }

    @Transactional(readOnly = true)
    TrainerLineageResponse lineage(UUID trainerId, @Nullable String moduleParam, UUID callerId) {
        certificationsApi.requireReader(trainerId, callerId);
        String module = moduleParam == null || moduleParam.isBlank() ? null : moduleParam.strip().toUpperCase(Locale.ROOT);

        List<LineageQueries.Edge> down = queries.downstream(trainerId, module);
        List<LineageQueries.Edge> up = queries.upstream(trainerId, module);
        Set<UUID> named = new HashSet<>();
        down.forEach(e -> named.add(e.trainerId()));
        up.forEach(e -> named.add(e.trainedBy()));
        Map<UUID, String> names = people.users(named).stream()
                .collect(Collectors.toMap(UserResponse::id, UserResponse::fullName, (a, b) -> a));

        Set<UUID> descendants = down.stream().map(LineageQueries.Edge::trainerId).collect(Collectors.toSet());
        Set<UUID> direct = queries.cohortsLedBy(List.of(trainerId), module);
        Set<UUID> cascaded = new HashSet<>(queries.cohortsLedBy(descendants, module));
        Set<UUID> all = new HashSet<>(direct);
        all.addAll(cascaded);

        Function<LineageQueries.Edge, LineageLink> link = e -> new LineageLink(e.trainerId(),
                names.get(e.trainerId()), e.trainedBy(), e.cohortId(), e.moduleCode(), e.certifiedOn(), e.depth());
        Function<LineageQueries.Edge, LineageLink> upLink = e -> new LineageLink(e.trainerId(),
                names.get(e.trainedBy()), e.trainedBy(), e.cohortId(), e.moduleCode(), e.certifiedOn(), e.depth());
        List<CertificationResponse> certs = certifications.findByTrainerIdOrderByCertifiedOn(trainerId).stream()
                .filter(c -> module == null || module.equals(c.moduleCode()))
                .map(CertificationResponse::of).toList();
        int directTrainers = (int) down.stream().filter(e -> e.depth() == 1).map(LineageQueries.Edge::trainerId).distinct().count();
        int allTrainers = descendants.size();
        return new TrainerLineageResponse(trainerId, module, certs,
                up.stream().map(upLink).toList(),
                down.stream().sorted(java.util.Comparator.comparingInt(LineageQueries.Edge::depth)
                        .thenComparing(LineageQueries.Edge::certifiedOn)).map(link).toList(),
                direct.size(), directTrainers, allTrainers - directTrainers,
                learners.countDistinctLearners(direct), learners.countDistinctLearners(cascaded),
                learners.countDistinctLearners(all));
    }
}
