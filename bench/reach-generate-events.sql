-- 50,000 peer-learning events with registrations and attendance, on top of bench/reach-generate.sql
-- (run by bench/reach-generate.sh after it; needs the events tables of migrations/0006_events.xml).
-- Events spread over 2023–2026 and the ten regional sections; about 40 people register for each
-- (every tenth cancels) and four in five of those who stay attend; one in twenty events is cancelled.
-- Users are picked by a step through the numbered accounts, so no one registers twice for an event.
\set ON_ERROR_STOP on
\timing on
SET synchronous_commit = off;
SELECT CASE WHEN count(*) > 0 THEN 'events exist already: nothing to do' END AS note FROM events \gset
\if :{?note}
\echo :note
\quit
\endif

CREATE TEMP TABLE numbered_users AS SELECT row_number() OVER (ORDER BY id) AS n, id FROM users;
CREATE UNIQUE INDEX ON numbered_users (n);
SELECT count(*) AS users FROM numbered_users \gset

CREATE TEMP TABLE gen_events AS
SELECT n, gen_random_uuid() AS id,
       (ARRAY['WEBINAR', 'PEER_EXCHANGE', 'WORKSHOP', 'LEARNING_FORUM', 'HUB_GATHERING'])[1 + n % 5] AS kind,
       (ARRAY['AFRICA', 'ASPAC', 'EURASIA', 'EUROPE', 'LATAM', 'MEWA', 'NORAM', 'METROPOLIS', 'REGIONS', 'WORLD'])[1 + n % 10] AS section,
       (ARRAY['en', 'es', 'fr'])[1 + n % 3] AS language,
       CASE WHEN n % 2 = 0 THEN (ARRAY['SDG-1', 'SDG-2', 'SDG-3', 'SDG-4', 'RES-1', 'RES-2'])[1 + n % 6] END AS module_code,
       timestamptz '2023-01-01 08:00Z' + ((n * 7919) % (4 * 365)) * interval '1 day' + (n % 9) * interval '1 hour' AS starts_at,
       CASE WHEN n % 20 = 0 THEN 'CANCELLED' ELSE 'PUBLISHED' END AS status
FROM generate_series(1, 50000) AS n;

INSERT INTO events (id, kind, format, status, language, title_en, title_es, title_fr, starts_at, ends_at, timezone, capacity,
                    seats_taken, join_url, regional_section, module_code, grants_certificate, check_in_code, sequence,
                    created_at, updated_at)
SELECT id, kind, 'ONLINE', status, language, 'Peer exchange ' || n, 'Intercambio ' || n, 'Échange ' || n, starts_at,
       starts_at + interval '2 hours', 'UTC', 50, CASE WHEN status = 'CANCELLED' THEN 0 ELSE 36 END,
       'https://meet.example.org/' || n, section, module_code, n % 4 = 0, 'K7Q4M2', 0, starts_at - interval '30 days',
       starts_at - interval '30 days'
FROM gen_events;

-- registration k of event n: user (n × 7919 + k × 104729) mod users + 1; 104729 is prime to 10^6, so k
-- distinct gives users distinct within an event
INSERT INTO event_registrations (id, event_id, user_id, status, created_at, registered_at, cancelled_at, updated_at)
SELECT gen_random_uuid(), e.id, u.id,
       CASE WHEN e.status = 'CANCELLED' THEN 'EVENT_CANCELLED' WHEN k % 10 = 0 THEN 'CANCELLED' ELSE 'REGISTERED' END,
       e.starts_at - interval '10 days', e.starts_at - interval '10 days',
       CASE WHEN e.status = 'CANCELLED' OR k % 10 = 0 THEN e.starts_at - interval '2 days' END, e.starts_at - interval '2 days'
FROM gen_events e
CROSS JOIN generate_series(1, 40) AS k
JOIN numbered_users u ON u.n = (e.n * 7919 + k * 104729) % :users + 1;

INSERT INTO event_attendance (event_id, user_id, source, recorded_by, recorded_at)
SELECT r.event_id, r.user_id, 'CSV', r.user_id, r.registered_at + interval '10 days'
FROM event_registrations r
WHERE r.status = 'REGISTERED' AND abs(hashtext(r.user_id::text)) % 5 <> 0;

ANALYZE events;
ANALYZE event_registrations;
ANALYZE event_attendance;
SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM event_registrations) AS registrations,
       (SELECT count(*) FROM event_attendance) AS attendance;
