package org.uclg.learning.events.calendar;

import jakarta.inject.Singleton;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import io.micronaut.context.annotation.Value;
import org.uclg.learning.events.EventResponse;
import org.uclg.learning.events.EventStatus;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.time.zone.ZoneRules;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Events as RFC 5545 iCalendar, written with ical4j. Start and end are local times in the event's
 * IANA zone (DTSTART;TZID=…) with that zone's VTIMEZONE in the calendar, so a calendar client shows
 * them right across daylight-saving changes. The UID is the event's id (stable across edits); the
 * SEQUENCE is the event's, raised on every change; a cancelled event is STATUS:CANCELLED.
 */
@Singleton
class EventCalendar {
    private static final String PRODUCT = "-//UCLG//LearningWithUCLG events//EN";
    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();
    private final String publicUrl;
    private final String uidDomain;

    EventCalendar(@Value("${learning.public-url:`http://localhost:8080`}") String publicUrl) {
        this.publicUrl = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        String host = URI.create(this.publicUrl).getHost();
        this.uidDomain = host == null ? "learning.uclg.org" : host;
    }

    /** A calendar holding these events (one for an event's own .ics, many for a regional section's feed). */
    String write(List<EventResponse> events, String name) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        calendar.add(ImmutableMethod.PUBLISH);
        calendar.add(new XProperty("X-WR-CALNAME", name));
        Set<String> zoneIds = new LinkedHashSet<>();
        for (EventResponse e : events) {
            zoneIds.add(e.timezone());
        }
        Set<String> defined = new LinkedHashSet<>();
        for (String zoneId : zoneIds) {
            Instant first = events.stream().filter(e -> e.timezone().equals(zoneId)).map(EventResponse::startsAt)
                    .min(Instant::compareTo).orElseThrow();
            Instant last = events.stream().filter(e -> e.timezone().equals(zoneId)).map(EventResponse::endsAt)
                    .max(Instant::compareTo).orElseThrow();
            VTimeZone vtz = vtimezone(zoneId, first, last);
            if (vtz != null) {
                calendar.add(vtz);
                defined.add(zoneId);
            }
        }
        for (EventResponse e : events) {
            calendar.add(vevent(e, defined));
        }
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** Local times in the event's zone when its VTIMEZONE is in the calendar, UTC instants otherwise. */
    private VEvent vevent(EventResponse e, Set<String> definedZones) {
        VEvent event;
        if (definedZones.contains(e.timezone())) {
            // local times computed with the JDK's rules and written as they are: ical4j's own conversion of a
            // ZonedDateTime goes through its bundled definitions (wrong by 16 minutes for Africa/Dakar)
            ZoneId zone = ZoneId.of(e.timezone());
            event = new VEvent(false);
            event.add(new DtStart<>(zoned(e.timezone()), e.startsAt().atZone(zone).toLocalDateTime()));
            event.add(new DtEnd<>(zoned(e.timezone()), e.endsAt().atZone(zone).toLocalDateTime()));
            event.add(new Summary(e.title()));
        } else {
            event = new VEvent(e.startsAt(), e.endsAt(), e.title());
        }
        event.add(new Uid("event-" + e.id() + "@" + uidDomain));
        event.replace(new DtStamp(e.updatedAt()));
        event.add(new LastModified(e.updatedAt()));
        event.add(new Sequence(e.sequence()));
        event.add(new Status(e.status() == EventStatus.CANCELLED ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
        String location = location(e);
        if (location != null) {
            event.add(new Location(location));
        }
        if (e.joinUrl() != null) {
            event.add(new Url(URI.create(e.joinUrl())));
        }
        StringBuilder description = new StringBuilder();
        if (e.description() != null) {
            description.append(e.description()).append("\n\n");
        }
        if (e.joinUrl() != null) {
            description.append(e.joinUrl()).append("\n");
        }
        description.append(publicUrl).append("/api/v1/events/").append(e.id());
        event.add(new Description(description.toString()));
        return event;
    }

    /** The venue (name, city, country), and for a hybrid or online event the join link too. */
    /**
     * The zone's definition. A zone whose offset does not change from a year before the first event
     * to a year after the last (most of Africa and Asia, Mexico City since 2022) gets one STANDARD
     * observance with that offset, from the JDK's rules: simple for every client, and free of the
     * historical local-mean-time offsets some parsers misread. A zone with daylight saving gets
     * ical4j's bundled definition (with its yearly rules), under the event's own TZID: ical4j names a
     * linked zone by its target, which would leave DTSTART's TZID without its VTIMEZONE. Null when
     * ical4j does not know the zone (the event is then written in UTC).
     */
    private VTimeZone vtimezone(String zoneId, Instant first, Instant last) {
        ZoneRules rules = ZoneId.of(zoneId).getRules();
        Instant from = first.minus(Duration.ofDays(366));
        ZoneOffsetTransition next = rules.nextTransition(from);
        if (rules.getTransitionRules().isEmpty() && (next == null || next.getInstant().isAfter(last.plus(Duration.ofDays(366))))) {
            ZoneOffset offset = rules.getOffset(first);
            Standard standard = new Standard();
            standard.add(new DtStart<>(LocalDateTime.of(1970, 1, 1, 0, 0)));
            standard.add(new TzOffsetFrom(offset));
            standard.add(new TzOffsetTo(offset));
            VTimeZone fixed = new VTimeZone();
            fixed.add(new TzId(zoneId));
            fixed.add(standard);
            return fixed;
        }
        TimeZone tz = zones.getTimeZone(zoneId);
        if (tz == null) {
            return null;
        }
        VTimeZone vtz = tz.getVTimeZone().copy();
        vtz.replace(new TzId(zoneId));
        return vtz;
    }

    private static ParameterList zoned(String zoneId) {
        return new ParameterList(List.of(new net.fortuna.ical4j.model.parameter.TzId(zoneId)));
    }

    private static String location(EventResponse e) {
        String venue = e.venue() == null ? null : e.venue().name() + ", " + e.venue().city() + ", "
                + new Locale("", e.venue().country()).getDisplayCountry(Locale.ENGLISH);
        if (venue != null && e.joinUrl() != null) {
            return venue + " / " + e.joinUrl();
        }
        return venue != null ? venue : e.joinUrl();
    }
}
