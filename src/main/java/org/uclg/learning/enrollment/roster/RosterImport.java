package org.uclg.learning.enrollment.roster;

import org.uclg.learning.enrollment.CohortSeats;
import org.uclg.learning.enrollment.Enrollment;
import org.uclg.learning.enrollment.EnrollmentNotices;
import org.uclg.learning.enrollment.EnrollmentRepository;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.uclg.learning.people.RegionalSection;
import jakarta.inject.Singleton;
import org.uclg.learning.cohorts.CohortResponse;
import org.uclg.learning.cohorts.CohortsApi;
import org.uclg.learning.people.Invitation;
import org.uclg.learning.people.InvitedAccount;
import org.uclg.learning.people.PeopleApi;
import org.uclg.learning.shared.SeatLock;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Bulk enrolment from a roster CSV. Every row is checked before anything is written; the import
 * is all-or-nothing unless {@code partial}, and a dry run reports the same outcomes without
 * writing. Rows are enrolled under the cohort's seat lock, so the seat/waitlist split reported is
 * the one stored, and concurrent enrolments cannot overfill the cohort meanwhile.
 */
@Singleton
class RosterImport {
    static final int MAX_ROWS = 5_000;

    private final CohortsApi cohorts;
    private final CohortSeats seats;
    private final EnrollmentRepository repository;
    private final PeopleApi people;
    private final EnrollmentNotices notices;
    private final Validator validator;
    private final Clock clock;

    RosterImport(CohortsApi cohorts, CohortSeats seats, EnrollmentRepository repository, PeopleApi people,
                 EnrollmentNotices notices, Validator validator, Clock clock) {
        this.notices = notices;
        this.validator = validator;
        this.cohorts = cohorts;
        this.seats = seats;
        this.repository = repository;
        this.people = people;
        this.clock = clock;
    }

    /** A row that passed the checks, and what becomes of it. */
    private static final class Planned {
        final RosterCsv.Line line;
        final String email;
        UUID learnerId;
        boolean newAccount;
        Invitation invitation;
        ImportOutcome outcome;
        String message;

        Planned(RosterCsv.Line line, String email) {
            this.line = line;
            this.email = email;
        }
    }

    @Transactional
    ImportReport run(UUID cohortId, byte[] body, boolean dryRun, boolean partial, UUID callerId) {
        CohortResponse cohort = cohorts.managed(cohortId, people.access(callerId), "imports");
        List<RosterCsv.Line> lines = RosterCsv.parse(body, MAX_ROWS);

        Map<Integer, ImportRowResult> errors = new HashMap<>();
        Map<String, Integer> firstRowOfEmail = new HashMap<>();
        List<Planned> planned = new ArrayList<>();
        for (RosterCsv.Line line : lines) {
            ImportRowResult error = check(line, cohort.regionalSection(), firstRowOfEmail);
            if (error != null) {
                errors.put(line.row(), error);
            } else {
                planned.add(new Planned(line, PeopleApi.normalizeEmail(line.email())));
            }
        }

        // the lock makes the seat/waitlist split below the one that will be stored
        SeatLock lock = seats.lock(cohortId);
        Map<String, UUID> existing = people.idsByEmail(planned.stream().map(p -> p.email).toList());
        Map<UUID, Enrollment> places = existing.isEmpty() ? Map.of()
                : repository.findLivePlaces(cohortId, existing.values()).stream()
                .collect(Collectors.toMap(Enrollment::learnerId, e -> e));
        Integer free = lock.left();
        for (Planned p : planned) {
            p.learnerId = existing.get(p.email);
            p.newAccount = p.learnerId == null;
            Enrollment place = p.learnerId == null ? null : places.get(p.learnerId);
            if (place != null) {
                p.outcome = ImportOutcome.SKIPPED;
                p.message = "already holds a place (" + place.status() + ")";
            } else if (free == null || free > 0) {
                p.outcome = ImportOutcome.ENROLLED;
                p.message = p.newAccount ? "new account (no password yet), enrolled" : "existing account, enrolled";
                free = free == null ? null : free - 1;
            } else {
                p.outcome = ImportOutcome.WAITLISTED;
                p.message = p.newAccount ? "new account (no password yet), waitlisted: the cohort is full"
                        : "existing account, waitlisted: the cohort is full";
            }
        }

        boolean write = !dryRun && (errors.isEmpty() || partial);
        Map<Integer, UUID> enrollmentIds = new HashMap<>();
        if (write) {
            store(cohort, planned, lock, callerId, enrollmentIds);
        }
        List<ImportRowResult> results = new ArrayList<>(lines.size());
        Map<Integer, Planned> byRow = new LinkedHashMap<>();
        planned.forEach(p -> byRow.put(p.line.row(), p));
        for (RosterCsv.Line line : lines) {
            ImportRowResult error = errors.get(line.row());
            if (error != null) {
                results.add(error);
                continue;
            }
            Planned p = byRow.get(line.row());
            results.add(new ImportRowResult(line.row(), p.email, p.outcome, p.message, null,
                    p.newAccount && p.outcome != ImportOutcome.SKIPPED, enrollmentIds.get(line.row()),
                    p.invitation == null ? null : p.invitation.claimToken(),
                    p.invitation == null ? null : p.invitation.claimExpiresAt()));
        }
        return ImportReport.of(cohortId, dryRun, partial, write, results);
    }

    private void store(CohortResponse cohort, List<Planned> planned, SeatLock lock, UUID callerId,
                       Map<Integer, UUID> enrollmentIds) {
        List<InvitedAccount> invites = planned.stream().filter(p -> p.newAccount)
                .map(p -> account(p.line, p.email, cohort.regionalSection()))
                .toList();
        Map<String, Invitation> created = people.createInvited(invites, callerId);
        Instant now = clock.instant();
        List<Enrollment> rows = new ArrayList<>();
        for (Planned p : planned) {
            if (p.newAccount) {
                p.invitation = created.get(p.email);
                p.learnerId = p.invitation.userId();
            }
            if (p.outcome == ImportOutcome.SKIPPED) {
                continue;
            }
            boolean seated = p.outcome == ImportOutcome.ENROLLED;
            Enrollment e = Enrollment.place(cohort.id(), p.learnerId, seated, callerId, now);
            rows.add(e);
            enrollmentIds.put(p.line.row(), e.id());
        }
        int seats = (int) rows.stream().filter(Enrollment::holdsSeat).count();
        if (lock.take(seats) != seats) {
            throw new IllegalStateException("seats planned under the lock are no longer free");
        }
        repository.saveAll(rows);
        rows.forEach(e -> notices.placed(e, cohort));
    }

    /** The order in which a row's problems are reported (one per row), with the CSV column each field comes from. */
    private static final Map<String, String> COLUMNS = new LinkedHashMap<>(Map.of(
            "email", "email", "fullName", "fullName", "country", "country", "organization", "organization",
            "preferredLanguage", "language"));

    /** The account a row describes, case-normalised as registration expects it. */
    private static InvitedAccount account(RosterCsv.Line line, String email, RegionalSection section) {
        return new InvitedAccount(email, line.fullName(), line.language().toLowerCase(Locale.ROOT),
                line.country().toUpperCase(Locale.ROOT), section, line.organization().isBlank() ? null : line.organization());
    }

    /** The same constraints as registration (on {@link InvitedAccount}), then what only a file can get wrong. */
    private ImportRowResult check(RosterCsv.Line line, RegionalSection section, Map<String, Integer> firstRowOfEmail) {
        Map<String, String> problems = new HashMap<>();
        for (ConstraintViolation<InvitedAccount> v : validator.validate(account(line, line.email(), section))) {
            problems.putIfAbsent(v.getPropertyPath().toString(), v.getMessage());
        }
        for (Map.Entry<String, String> column : COLUMNS.entrySet()) {
            String problem = problems.get(column.getKey());
            if (problem != null) {
                return error(line, column.getValue(), problem);
            }
        }
        Integer first = firstRowOfEmail.putIfAbsent(PeopleApi.normalizeEmail(line.email()), line.row());
        if (first != null) {
            return error(line, "email", "appears again (first on row " + first + ")");
        }
        if (line.extraValues()) {
            return error(line, "row", "has more values than the header has columns (a stray separator?)");
        }
        return null;
    }

    private static ImportRowResult error(RosterCsv.Line line, String field, String message) {
        return new ImportRowResult(line.row(), line.email(), ImportOutcome.ERROR, field + " " + message, field, false, null,
                null, null);
    }
}
