package org.uclg.learning.progress.xapi;

import io.micronaut.transaction.annotation.Transactional;
import org.uclg.learning.cohorts.CohortsApi;
import org.uclg.learning.people.PeopleApi;
import org.uclg.learning.people.UserAccess;
import org.uclg.learning.progress.Completion;
import org.uclg.learning.progress.ProgressStatus;
import org.uclg.learning.progress.SectionState;
import org.uclg.learning.shared.PublicUrl;
import org.uclg.learning.shared.ValidationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import org.uclg.learning.catalog.SectionInfo;
import org.uclg.learning.catalog.SectionKind;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * xAPI 1.0.3 statements about progress, written to an outbox table in the same transaction as the
 * progress itself and pulled by a partner's Learning Record Store. Learners appear by account id,
 * never by email.
 */
@Singleton
public class Xapi {
    static final String VERSION = "1.0.3";
    private static final String VERBS = "http://adlnet.gov/expapi/verbs/";
    private static final String ACTIVITIES = "http://adlnet.gov/expapi/activities/";

    private final JdbcOperations jdbc;
    private final JsonMapper json;
    private final String base;

    private final CohortsApi cohorts;
    private final PeopleApi people;

    Xapi(JdbcOperations jdbc, JsonMapper json, PublicUrl publicUrl, CohortsApi cohorts, PeopleApi people) {
        this.jdbc = jdbc;
        this.json = json;
        this.base = publicUrl.base();
        this.cohorts = cohorts;
        this.people = people;
    }

    /** The statements a caller may pull: admins all, others those of a cohort they manage. */
    @Transactional(readOnly = true)
    List<String> statements(@Nullable Instant since, @Nullable UUID cohortId, int page, int size, UUID callerId) {
        UserAccess who = people.access(callerId);
        if (cohortId == null) {
            if (!who.isAdmin()) {
                throw new ValidationException("cohort", "required unless you are an admin");
            }
        } else {
            cohorts.managed(cohortId, who, "its xAPI statements");
        }
        return page(since, cohortId, page, size);
    }

    /** Who did it, which enrollment and cohort, in which language: the same for every statement of one enrollment. */
    public record Context(UUID enrollmentId, UUID cohortId, UUID learnerId, String moduleCode, String language) {
    }

    /** The verb for a change of a section: attended, passed / failed, completed, or attempted when only started. */
    static String verbFor(SectionKind kind, ProgressStatus status, @Nullable Integer score, int passMark) {
        if (status == ProgressStatus.STARTED) {
            return "attempted";
        }
        if (kind == SectionKind.LIVE_SESSION) {
            return "attended";
        }
        if (Completion.gates(kind) && score != null) {
            return score >= passMark ? "passed" : "failed";
        }
        return "completed";
    }

    public void sectionChanged(Context ctx, SectionInfo section, SectionState state, int passMark, Instant now) {
        String verb = verbFor(section.kind(), state.status(), state.score(), passMark);
        Map<String, Object> object = activity(sectionIri(ctx.moduleCode(), section.key()), section.title(), activityType(section.kind()));
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("completion", state.status() == ProgressStatus.COMPLETED);
        if (state.score() != null) {
            result.put("score", Map.of("raw", state.score(), "min", 0, "max", 100, "scaled", state.score() / 100.0));
            if (Completion.gates(section.kind())) {
                result.put("success", state.score() >= passMark);
            }
        }
        append(ctx, verb, object, result, true, now);
    }

    public void moduleCompleted(Context ctx, Map<String, String> moduleTitle, Instant now) {
        Map<String, Object> object = activity(moduleIri(ctx.moduleCode()), moduleTitle, ACTIVITIES + "course");
        append(ctx, "completed", object, Map.of("completion", true, "success", true), false, now);
    }

    private void append(Context ctx, String verb, Map<String, Object> object, Map<String, Object> result, boolean inModule, Instant now) {
        UUID id = UUID.randomUUID();
        Map<String, Object> statement = new LinkedHashMap<>();
        statement.put("id", id.toString());
        statement.put("actor", Map.of("objectType", "Agent",
                "account", Map.of("homePage", base, "name", ctx.learnerId().toString())));
        statement.put("verb", Map.of("id", VERBS + verb, "display", Map.of("en-US", verb)));
        statement.put("object", object);
        statement.put("result", result);
        Map<String, Object> contextActivities = new LinkedHashMap<>();
        if (inModule) {
            contextActivities.put("parent", List.of(Map.of("objectType", "Activity", "id", moduleIri(ctx.moduleCode()))));
        }
        contextActivities.put("grouping", List.of(Map.of("objectType", "Activity", "id", base + "/cohorts/" + ctx.cohortId())));
        statement.put("context", Map.of("registration", ctx.enrollmentId().toString(), "language", ctx.language(),
                "platform", "#LearningWithUCLG", "contextActivities", contextActivities));
        statement.put("timestamp", now.toString());
        statement.put("stored", now.toString());
        statement.put("version", VERSION);
        String text;
        try {
            text = json.writeValueAsString(statement);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        jdbc.prepareStatement("INSERT INTO xapi_statements (id, cohort_id, enrollment_id, verb, stored_at, statement) VALUES (?, ?, ?, ?, ?, ?::jsonb)", ps -> {
            ps.setObject(1, id);
            ps.setObject(2, ctx.cohortId());
            ps.setObject(3, ctx.enrollmentId());
            ps.setString(4, verb);
            ps.setTimestamp(5, Timestamp.from(now));
            ps.setString(6, text);
            return ps.executeUpdate();
        });
    }

    /**
     * A page of statements in the order they were stored, as JSON texts; one more than asked is read
     * to know whether there is a next page.
     */
    List<String> page(@Nullable Instant since, @Nullable UUID cohortId, int page, int size) {
        StringBuilder sql = new StringBuilder("SELECT statement::text FROM xapi_statements WHERE true");
        if (since != null) {
            sql.append(" AND stored_at > ?");
        }
        if (cohortId != null) {
            sql.append(" AND cohort_id = ?");
        }
        sql.append(" ORDER BY stored_at, seq LIMIT ? OFFSET ?");
        return jdbc.prepareStatement(sql.toString(), ps -> {
            int i = 1;
            if (since != null) {
                ps.setTimestamp(i++, Timestamp.from(since));
            }
            if (cohortId != null) {
                ps.setObject(i++, cohortId);
            }
            ps.setInt(i++, size + 1);
            ps.setLong(i, (long) page * size);
            List<String> rows = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(rs.getString(1));
                }
            }
            return rows;
        });
    }

    private String moduleIri(String moduleCode) {
        return base + "/modules/" + moduleCode;
    }

    private String sectionIri(String moduleCode, String key) {
        return moduleIri(moduleCode) + "/sections/" + key;
    }

    private static Map<String, Object> activity(String id, Map<String, String> name, String type) {
        return Map.of("objectType", "Activity", "id", id, "definition", Map.of("name", name, "type", type));
    }

    private static String activityType(SectionKind kind) {
        return switch (kind) {
            case PRE_ASSESSMENT, ASSESSMENT, POST_ASSESSMENT -> ACTIVITIES + "assessment";
            case LIVE_SESSION -> ACTIVITIES + "meeting";
            default -> ACTIVITIES + "lesson";
        };
    }
}
