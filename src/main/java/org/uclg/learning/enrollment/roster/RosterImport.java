package org.uclg.learning.enrollment.roster;

import org.uclg.learning.enrollment.CohortSeats;
import org.uclg.learning.enrollment.Enrollment;
import org.uclg.learning.enrollment.EnrollmentRepository;
import org.uclg.learning.enrollment.EnrollmentStatus;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import org.uclg.learning.cohorts.CohortResponse;
import org.uclg.learning.cohorts.CohortsApi;
import org.uclg.learning.people.InvitedAccount;
import org.uclg.learning.people.PeopleApi;
import org.uclg.learning.shared.Languages;
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
import java.util.regex.Pattern;
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
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    private final CohortsApi cohorts;
    private final CohortSeats seats;
    private final EnrollmentRepository repository;
    private final PeopleApi people;
    private final Clock clock;

    RosterImport(CohortsApi cohorts, CohortSeats seats, EnrollmentRepository repository, PeopleApi people, Clock clock) {
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
        String outcome;
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
            ImportRowResult error = check(line, firstRowOfEmail);
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
                p.outcome = "SKIPPED";
                p.message = "already holds a place (" + place.status() + ")";
            } else if (free == null || free > 0) {
                p.outcome = EnrollmentStatus.ENROLLED.name();
                p.message = p.newAccount ? "new account (no password yet), enrolled" : "existing account, enrolled";
                free = free == null ? null : free - 1;
            } else {
                p.outcome = EnrollmentStatus.WAITLISTED.name();
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
                    p.newAccount && !"SKIPPED".equals(p.outcome), enrollmentIds.get(line.row())));
        }
        return ImportReport.of(cohortId, dryRun, partial, write, results);
    }

    private void store(CohortResponse cohort, List<Planned> planned, SeatLock lock, UUID callerId,
                       Map<Integer, UUID> enrollmentIds) {
        List<InvitedAccount> invites = planned.stream().filter(p -> p.newAccount)
                .map(p -> new InvitedAccount(p.email, p.line.fullName(), p.line.language().toLowerCase(Locale.ROOT),
                        p.line.country().toUpperCase(Locale.ROOT), cohort.regionalSection(),
                        p.line.organization().isBlank() ? null : p.line.organization()))
                .toList();
        Map<String, UUID> created = people.createInvited(invites);
        Instant now = clock.instant();
        List<Enrollment> rows = new ArrayList<>();
        for (Planned p : planned) {
            if (p.newAccount) {
                p.learnerId = created.get(p.email);
            }
            if ("SKIPPED".equals(p.outcome)) {
                continue;
            }
            boolean seated = p.outcome.equals(EnrollmentStatus.ENROLLED.name());
            Enrollment e = Enrollment.place(cohort.id(), p.learnerId, seated, callerId, now);
            rows.add(e);
            enrollmentIds.put(p.line.row(), e.id());
        }
        int seats = (int) rows.stream().filter(Enrollment::holdsSeat).count();
        if (lock.take(seats) != seats) {
            throw new IllegalStateException("seats planned under the lock are no longer free");
        }
        repository.saveAll(rows);
    }

    private static ImportRowResult check(RosterCsv.Line line, Map<String, Integer> firstRowOfEmail) {
        String email = line.email();
        if (email.isEmpty()) {
            return error(line, "email", "is empty");
        }
        if (email.length() > 320 || !EMAIL.matcher(email).matches()) {
            return error(line, "email", "is not an email address");
        }
        Integer first = firstRowOfEmail.putIfAbsent(PeopleApi.normalizeEmail(email), line.row());
        if (first != null) {
            return error(line, "email", "appears again (first on row " + first + ")");
        }
        if (line.fullName().isEmpty()) {
            return error(line, "fullName", "is empty");
        }
        if (line.fullName().length() > 300 || CONTROL.matcher(line.fullName()).find()) {
            return error(line, "fullName", "is longer than 300 characters or contains control characters");
        }
        if (!COUNTRIES.contains(line.country().toUpperCase(Locale.ROOT))) {
            return error(line, "country", "\"" + line.country() + "\" is not an ISO 3166-1 alpha-2 country code, e.g. SN");
        }
        if (line.organization().length() > 300 || CONTROL.matcher(line.organization()).find()) {
            return error(line, "organization", "is longer than 300 characters or contains control characters");
        }
        if (!Languages.isSupported(line.language().toLowerCase(Locale.ROOT))) {
            return error(line, "language", "\"" + line.language() + "\" is not one of en, es, fr");
        }
        if (line.extraValues()) {
            return error(line, "row", "has more values than the header has columns (a stray separator?)");
        }
        return null;
    }

    private static ImportRowResult error(RosterCsv.Line line, String field, String message) {
        return new ImportRowResult(line.row(), line.email(), "ERROR", field + " " + message, field, false, null);
    }
}
