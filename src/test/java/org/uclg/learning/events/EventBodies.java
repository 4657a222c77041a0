package org.uclg.learning.events;

import org.uclg.learning.support.Api;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Event request bodies and the few calls every events test makes. */
final class EventBodies {
    private EventBodies() {
    }

    /** An ONLINE webinar of AFRICA starting at {@code start}, lasting 90 minutes, planned in Africa/Dakar. */
    static Map<String, Object> webinar(Instant start, Integer capacity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "Localizing the SDGs in secondary cities");
        body.put("description", "A peer exchange between mayors' offices.");
        body.put("language", "en");
        body.put("translations", Map.of("fr", Map.of("title", "Localiser les ODD dans les villes secondaires")));
        body.put("kind", "WEBINAR");
        body.put("format", "ONLINE");
        body.put("startsAt", start.truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("endsAt", start.plus(90, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("timezone", "Africa/Dakar");
        if (capacity != null) {
            body.put("capacity", capacity);
        }
        body.put("joinUrl", "https://meet.example.org/sdg-secondary-cities");
        body.put("regionalSection", "AFRICA");
        return body;
    }

    static Map<String, Object> with(Map<String, Object> body, Object... keyValues) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        for (int i = 0; i < keyValues.length; i += 2) {
            if (keyValues[i + 1] == null) {
                copy.remove((String) keyValues[i]);
            } else {
                copy.put((String) keyValues[i], keyValues[i + 1]);
            }
        }
        return copy;
    }

    static Map<String, Object> create(Api api, Map<String, Object> body, String token) {
        Api.Response r = api.post("/api/v1/events", body, token);
        assertEquals(201, r.status(), r.body());
        return r.json();
    }

    /** Created and published; returns its id. */
    static String published(Api api, Map<String, Object> body, String token) {
        String id = (String) create(api, body, token).get("id");
        Api.Response r = api.post("/api/v1/events/" + id + "/publish", Map.of(), token);
        assertEquals(200, r.status(), r.body());
        return id;
    }

    static Api.Response register(Api api, String eventId, String token) {
        return api.post("/api/v1/events/" + eventId + "/registrations", Map.of(), token);
    }

    static List<String> keys(Map<String, Object> m) {
        return List.copyOf(m.keySet());
    }
}
