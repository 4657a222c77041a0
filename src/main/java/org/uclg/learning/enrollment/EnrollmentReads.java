package org.uclg.learning.enrollment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.model.Page;
import io.micronaut.data.model.Pageable;
import io.micronaut.data.model.Sort;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.uclg.learning.cohorts.CohortAccess;
import org.uclg.learning.cohorts.CohortsApi;
import org.uclg.learning.people.PeopleApi;
import org.uclg.learning.people.UserResponse;
import org.uclg.learning.shared.EnumParameters;
import org.uclg.learning.shared.NotFoundException;
import org.uclg.learning.shared.PageResponse;
import org.uclg.learning.shared.Paging;
import org.uclg.learning.shared.ProblemException;
import org.uclg.learning.shared.ValidationException;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** What callers read of enrollments: one, their own, a cohort's roster. */
@Singleton
class EnrollmentReads {
    private final EnrollmentRepository enrollments;
    private final CohortsApi cohorts;
    private final CohortAccess access;
    private final PeopleApi people;

    EnrollmentReads(EnrollmentRepository enrollments, CohortsApi cohorts, CohortAccess access, PeopleApi people) {
        this.enrollments = enrollments;
        this.cohorts = cohorts;
        this.access = access;
        this.people = people;
    }

    @Transactional(readOnly = true)
    EnrollmentResponse enrollment(UUID id, UUID callerId) {
        Enrollment e = enrollments.findById(id).orElseThrow(() -> new NotFoundException("enrollment", id));
        access.requireHolderOrManager(people.access(callerId), cohorts.cohort(e.cohortId()), e.learnerId(), "enrollment", id);
        return EnrollmentResponse.of(e);
    }

    @Transactional(readOnly = true)
    PageResponse<EnrollmentResponse> mine(UUID callerId, @Nullable String status, int page, int size) {
        EnrollmentStatus s = parseStatus(status, page, size);
        Pageable pageable = Pageable.from(page, size, Sort.of(Sort.Order.desc("createdAt"), Sort.Order.asc("id")));
        Page<Enrollment> found = s == null ? enrollments.findByLearnerId(callerId, pageable)
                : enrollments.findByLearnerIdAndStatus(callerId, s, pageable);
        return new PageResponse<>(found.getContent().stream().map(EnrollmentResponse::of).toList(), page, size,
                found.getTotalSize());
    }

    /** The roster: for the cohort's trainers, coordinators of its regional section and admins. */
    @Transactional(readOnly = true)
    PageResponse<RosterEntryResponse> roster(UUID cohortId, UUID callerId, @Nullable String status, int page, int size) {
        cohorts.managed(cohortId, people.access(callerId), "the roster");
        EnrollmentStatus s = parseStatus(status, page, size);
        Pageable pageable = Pageable.from(page, size, Sort.of(Sort.Order.asc("createdAt"), Sort.Order.asc("id")));
        Page<Enrollment> found = s == null ? enrollments.findByCohortId(cohortId, pageable)
                : enrollments.findByCohortIdAndStatus(cohortId, s, pageable);
        Map<UUID, UserResponse> learners = people.users(found.getContent().stream().map(Enrollment::learnerId).toList())
                .stream().collect(Collectors.toMap(UserResponse::id, Function.identity()));
        List<RosterEntryResponse> items = found.getContent().stream().map(e -> {
            UserResponse u = learners.get(e.learnerId());
            return new RosterEntryResponse(e.id(), e.cohortId(), e.learnerId(), u == null ? null : u.fullName(),
                    u == null ? null : u.email(), u == null ? null : u.country(), u == null ? null : u.organization(),
                    e.status(), e.createdAt(), e.waitlistedAt(), e.enrolledAt());
        }).toList();
        return new PageResponse<>(items, page, size, found.getTotalSize());
    }

    private static EnrollmentStatus parseStatus(@Nullable String status, int page, int size) {
        List<ProblemException.FieldError> errors = new ArrayList<>();
        EnrollmentStatus parsed = EnumParameters.parse(EnrollmentStatus.class, status, "status", errors);
        Paging.check(page, size, errors);
        if (!errors.isEmpty()) {
            throw new ValidationException(errors);
        }
        return parsed;
    }
}
