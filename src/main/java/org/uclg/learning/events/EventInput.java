package org.uclg.learning.events;

import org.uclg.learning.shared.PlausibleDates;
import org.uclg.learning.shared.Languages;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import org.uclg.learning.catalog.CatalogApi;
import org.uclg.learning.catalog.SectionInfo;
import org.uclg.learning.catalog.SectionKind;
import org.uclg.learning.cohorts.CohortResponse;
import org.uclg.learning.people.RegionalSection;
import org.uclg.learning.shared.ProblemException.FieldError;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns an event request into the fields to store, adding to {@code errors} every value that is wrong
 * (each named by its JSON field): instants with an offset, an IANA time zone, the format's join link
 * and venue, the texts per language, and the module, section and cohort it belongs to.
 */
@Singleton
class EventInput {
    static final Duration MAX_LENGTH = Duration.ofDays(31);

    private final CatalogApi catalog;

    EventInput(CatalogApi catalog) {
        this.catalog = catalog;
    }

    record Checked(Event.Fields fields) {
    }

    Checked check(EventRequest r, @Nullable CohortResponse cohort, List<FieldError> errors) {
        Instant startsAt = instant(r.startsAt(), "startsAt", errors);
        Instant endsAt = instant(r.endsAt(), "endsAt", errors);
        Instant deadline = r.registrationDeadline() == null ? null : instant(r.registrationDeadline(), "registrationDeadline", errors);
        if (startsAt != null && endsAt != null) {
            if (!endsAt.isAfter(startsAt)) {
                errors.add(new FieldError("endsAt", "must be after startsAt"));
            } else if (Duration.between(startsAt, endsAt).compareTo(MAX_LENGTH) > 0) {
                errors.add(new FieldError("endsAt", "an event lasts at most 31 days"));
            }
        }
        if (deadline != null && endsAt != null && deadline.isAfter(endsAt)) {
            errors.add(new FieldError("registrationDeadline", "must not be after endsAt"));
        }
        String zone = r.timezone().strip();
        if (!ZoneId.getAvailableZoneIds().contains(zone)) {
            errors.add(new FieldError("timezone", "must be an IANA time zone, e.g. Africa/Dakar or America/Mexico_City"));
        }

        EventFormat format = EventFormat.valueOf(r.format());
        String joinUrl = r.joinUrl() == null || r.joinUrl().isBlank() ? null : r.joinUrl().strip();
        if (joinUrl != null) {
            if (!format.hasJoinUrl()) {
                errors.add(new FieldError("joinUrl", "an IN_PERSON event has no join link; use HYBRID"));
            } else if (!isWebAddress(joinUrl)) {
                errors.add(new FieldError("joinUrl", "must be an http(s) address"));
            }
        }
        if (format.hasVenue() && r.venue() == null) {
            errors.add(new FieldError("venue", "an " + format + " event needs its venue (name, city, country)"));
        } else if (!format.hasVenue() && r.venue() != null) {
            errors.add(new FieldError("venue", "an ONLINE event has no venue; use HYBRID"));
        }

        Map<String, String> titles = new LinkedHashMap<>();
        Map<String, String> descriptions = new LinkedHashMap<>();
        titles.put(r.lang(), r.title().strip());
        if (r.description() != null && !r.description().isBlank()) {
            descriptions.put(r.lang(), r.description().strip());
        }
        if (r.translations() != null) {
            for (var t : r.translations().entrySet()) {
                String lang = t.getKey();
                if (!Languages.isSupported(lang)) {
                    errors.add(new FieldError("translations", "languages are en, es and fr; got \"" + clip(lang) + "\""));
                } else if (lang.equals(r.lang())) {
                    errors.add(new FieldError("translations." + lang, "the text in the event's language is title and description"));
                } else {
                    titles.put(lang, t.getValue().title().strip());
                    if (t.getValue().description() != null && !t.getValue().description().isBlank()) {
                        descriptions.put(lang, t.getValue().description().strip());
                    }
                }
            }
        }

        EventKind kind = EventKind.valueOf(r.kind());
        RegionalSection host = RegionalSection.valueOf(r.regionalSection());
        String module = r.moduleCode() == null || r.moduleCode().isBlank() ? null : upper(r.moduleCode());
        if (cohort != null) {
            if (module != null && !module.equals(cohort.moduleCode())) {
                errors.add(new FieldError("moduleCode", "an event of a cohort is about the cohort's module, " + cohort.moduleCode()));
            }
            module = cohort.moduleCode();
            if (host != cohort.regionalSection()) {
                errors.add(new FieldError("regionalSection", "an event of a cohort is hosted by the cohort's regional section, "
                        + cohort.regionalSection()));
            }
        }
        if (module != null && cohort == null && !catalog.exists(module)) {
            errors.add(new FieldError("moduleCode", "no module " + clip(r.moduleCode()) + " in the catalogue"));
            module = null;
        }
        String sectionKey = r.sectionKey() == null || r.sectionKey().isBlank() ? null : r.sectionKey().strip();
        if (sectionKey != null && module == null && r.moduleCode() == null && cohort == null) {
            errors.add(new FieldError("sectionKey", "a section belongs to a module: give moduleCode or cohortId"));
        } else if (sectionKey != null && module != null) {
            Optional<SectionInfo> section = catalog.sections(module).stream().filter(s -> s.key().equals(sectionKey)).findFirst();
            if (section.isEmpty()) {
                errors.add(new FieldError("sectionKey", "no section " + clip(sectionKey) + " in " + module));
            } else if (kind == EventKind.LIVE_SESSION && section.get().kind() != SectionKind.LIVE_SESSION) {
                errors.add(new FieldError("sectionKey", "a LIVE_SESSION event is tied to a LIVE_SESSION section; "
                        + sectionKey + " is a " + section.get().kind()));
            }
        }
        if (kind == EventKind.LIVE_SESSION && cohort != null && sectionKey == null) {
            errors.add(new FieldError("sectionKey", "a LIVE_SESSION of a cohort names the live-session section of "
                    + cohort.moduleCode() + " it delivers"));
        }

        Venue venue = format.hasVenue() ? r.venue() : null;
        Event.Fields fields = errors.isEmpty() ? new Event.Fields(kind, format, r.lang(), titles, descriptions, startsAt, endsAt,
                zone, r.capacity(), deadline, joinUrl, venue == null ? null : venue.name().strip(),
                venue == null ? null : venue.city().strip(), venue == null ? null : venue.country().toUpperCase(Locale.ROOT),
                host, module, sectionKey, r.cohortId(), Boolean.TRUE.equals(r.grantsCertificate())) : null;
        return new Checked(fields);
    }

    /** An ISO-8601 date-time with an offset ({@code 2026-12-10T15:00:00+01:00} or {@code …Z}). */
    static @Nullable Instant instant(String value, String field, List<FieldError> errors) {
        return PlausibleDates.instant(value, field, errors);
    }

    private static boolean isWebAddress(String value) {
        try {
            URI uri = new URI(value);
            return ("https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme()))
                    && uri.getHost() != null && !uri.getHost().isBlank();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String clip(String value) {
        String safe = value.replaceAll("\\p{Cntrl}", "?");
        return safe.length() > 40 ? safe.substring(0, 40) + "…" : safe;
    }

    /** A code as stored: trimmed, upper case. */
    static String upper(String value) {
        return value.strip().toUpperCase(Locale.ROOT);
    }
}
