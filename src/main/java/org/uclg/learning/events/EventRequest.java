package org.uclg.learning.events;

import org.uclg.learning.shared.Languages;
import io.micronaut.core.annotation.Nullable;
import io.swagger.v3.oas.annotations.media.Schema;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Create (POST) or replace (PUT) an event. {@code title} and {@code description} are in
 * {@code language} (default en); {@code translations} adds them in the other working languages.
 * Enums and instants arrive as strings checked here and in {@link EventsApi}, so a wrong value is a
 * 400 naming its field rather than an anonymous decoding error.
 */
@Serdeable
record EventRequest(@NotBlank @Size(max = 300) @Pattern(regexp = LINE, message = LINE_MESSAGE) String title,
                    @Nullable @Size(max = 5000) @Pattern(regexp = TEXT, message = TEXT_MESSAGE) String description,
                    @Nullable @Pattern(regexp = Languages.PATTERN, message = Languages.PATTERN_MESSAGE) String language,
                    @Nullable @Size(max = 3) Map<String, @NotNull @Valid EventText> translations,
                    @NotNull @Pattern(regexp = KINDS, message = "must be one of " + KINDS_LIST) String kind,
                    @NotNull @Pattern(regexp = "^(ONLINE|IN_PERSON|HYBRID)$", message = "must be one of ONLINE, IN_PERSON, HYBRID") String format,
                    @NotBlank @Size(max = 40) String startsAt,
                    @NotBlank @Size(max = 40) String endsAt,
                    @NotBlank @Size(max = 64) String timezone,
                    @Nullable @Positive @Max(100_000) Integer capacity,
                    @Nullable @Size(max = 40) String registrationDeadline,
                    @Nullable @Size(max = 2000) String joinUrl,
                    @Nullable @Valid @Schema(type = "object") Venue venue,
                    @NotNull @Pattern(regexp = SECTIONS, message = "must be a regional section code, e.g. AFRICA") String regionalSection,
                    @Nullable @Size(max = 16) @Pattern(regexp = LINE, message = LINE_MESSAGE) String moduleCode,
                    @Nullable @Size(max = 100) @Pattern(regexp = LINE, message = LINE_MESSAGE) String sectionKey,
                    @Nullable UUID cohortId,
                    @Nullable Boolean grantsCertificate,
                    @Nullable @Size(max = 20) List<@NotNull UUID> organiserIds) {

    static final String KINDS = "^(WEBINAR|PEER_EXCHANGE|WORKSHOP|LEARNING_FORUM|LIVE_SESSION|HUB_GATHERING)$";
    static final String KINDS_LIST = "WEBINAR, PEER_EXCHANGE, WORKSHOP, LEARNING_FORUM, LIVE_SESSION, HUB_GATHERING";
    static final String SECTIONS = "^(AFRICA|ASPAC|EURASIA|EUROPE|LATAM|MEWA|NORAM|METROPOLIS|REGIONS|WORLD)$";
    /** One line of text: no control characters at all (a NUL would otherwise reach PostgreSQL). */
    static final String LINE = "^[^\\x00-\\x1F\\x7F]*$";
    static final String LINE_MESSAGE = "must not contain control characters";
    /** Running text: line breaks and tabs, but no other control characters. */
    static final String TEXT = "^[^\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]*$";
    static final String TEXT_MESSAGE = "must not contain control characters other than line breaks and tabs";

    String lang() {
        return language == null ? "en" : language;
    }

    List<UUID> organisers() {
        return organiserIds == null ? List.of() : organiserIds.stream().distinct().toList();
    }
}
