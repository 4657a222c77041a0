-- Reach data generator: a realistic network for the reporting benchmark, written with set-based SQL.
-- Run through bench/reach-generate.sh, which applies the real migrations (and syncs the catalogue) first.
-- Sizes (psql variables): learners (1,000,000), cohorts (30,000), per_cohort (100 → 3,000,000 enrollments),
-- trainers (10,000). About 6.6 section-progress rows per enrollment (≈ 20,000,000).
-- Everything is derived from row numbers (ids are md5 of a tag and the number), so a run is reproducible.
\set ON_ERROR_STOP on
\timing on
-- the rows are consistent by construction; skipping the foreign-key triggers makes the load several times faster
SET session_replication_role = replica;
SET synchronous_commit = off;
SET maintenance_work_mem = '1GB';
SET work_mem = '256MB';

CREATE TEMP TABLE gen_countries (i int PRIMARY KEY, code varchar(2), regional_section varchar(16));
INSERT INTO gen_countries
SELECT row_number() OVER () - 1, c.code, c.rs FROM (VALUES
 ('DZ','AFRICA'),('AO','AFRICA'),('BJ','AFRICA'),('BW','AFRICA'),('BF','AFRICA'),('BI','AFRICA'),('CM','AFRICA'),('CV','AFRICA'),
 ('CF','AFRICA'),('TD','AFRICA'),('KM','AFRICA'),('CG','AFRICA'),('CD','AFRICA'),('CI','AFRICA'),('DJ','AFRICA'),('EG','AFRICA'),
 ('GQ','AFRICA'),('ER','AFRICA'),('ET','AFRICA'),('GA','AFRICA'),('GM','AFRICA'),('GH','AFRICA'),('GN','AFRICA'),('GW','AFRICA'),
 ('KE','AFRICA'),('LS','AFRICA'),('LR','AFRICA'),('MG','AFRICA'),('MW','AFRICA'),('ML','AFRICA'),('MR','AFRICA'),('MU','AFRICA'),
 ('MA','AFRICA'),('MZ','AFRICA'),('NA','AFRICA'),('NE','AFRICA'),('NG','AFRICA'),('RW','AFRICA'),('SN','AFRICA'),('SL','AFRICA'),
 ('ZA','AFRICA'),('TZ','AFRICA'),('TG','AFRICA'),('TN','AFRICA'),('UG','AFRICA'),('ZM','AFRICA'),('ZW','AFRICA'),
 ('AU','ASPAC'),('BD','ASPAC'),('KH','ASPAC'),('CN','ASPAC'),('FJ','ASPAC'),('IN','ASPAC'),('ID','ASPAC'),('JP','ASPAC'),
 ('KR','ASPAC'),('LA','ASPAC'),('MY','ASPAC'),('MN','ASPAC'),('NP','ASPAC'),('NZ','ASPAC'),('PK','ASPAC'),('PH','ASPAC'),
 ('LK','ASPAC'),('TH','ASPAC'),('VN','ASPAC'),('MM','ASPAC'),
 ('AM','EURASIA'),('AZ','EURASIA'),('BY','EURASIA'),('GE','EURASIA'),('KZ','EURASIA'),('KG','EURASIA'),('MD','EURASIA'),
 ('RU','EURASIA'),('TJ','EURASIA'),('UZ','EURASIA'),
 ('AT','EUROPE'),('BE','EUROPE'),('BG','EUROPE'),('HR','EUROPE'),('CY','EUROPE'),('CZ','EUROPE'),('DK','EUROPE'),('EE','EUROPE'),
 ('FI','EUROPE'),('FR','EUROPE'),('DE','EUROPE'),('GR','EUROPE'),('HU','EUROPE'),('IE','EUROPE'),('IT','EUROPE'),('LV','EUROPE'),
 ('LT','EUROPE'),('LU','EUROPE'),('MT','EUROPE'),('NL','EUROPE'),('NO','EUROPE'),('PL','EUROPE'),('PT','EUROPE'),('RO','EUROPE'),
 ('RS','EUROPE'),('SK','EUROPE'),('SI','EUROPE'),('ES','EUROPE'),('SE','EUROPE'),('CH','EUROPE'),('GB','EUROPE'),('UA','EUROPE'),
 ('AR','LATAM'),('BO','LATAM'),('BR','LATAM'),('CL','LATAM'),('CO','LATAM'),('CR','LATAM'),('CU','LATAM'),('DO','LATAM'),
 ('EC','LATAM'),('SV','LATAM'),('GT','LATAM'),('HN','LATAM'),('MX','LATAM'),('NI','LATAM'),('PA','LATAM'),('PY','LATAM'),
 ('PE','LATAM'),('UY','LATAM'),('VE','LATAM'),
 ('BH','MEWA'),('IR','MEWA'),('IQ','MEWA'),('JO','MEWA'),('KW','MEWA'),('LB','MEWA'),('OM','MEWA'),('PS','MEWA'),('QA','MEWA'),
 ('SA','MEWA'),('TR','MEWA'),('AE','MEWA'),('AF','MEWA'),
 ('CA','NORAM'),('US','NORAM'),
 ('SG','METROPOLIS'),('HK','METROPOLIS'),('AE','METROPOLIS'),
 ('BE','REGIONS'),('ES','REGIONS'),('CA','REGIONS'),
 ('ES','WORLD')) AS c (code, rs);

CREATE TEMP TABLE gen_modules (i int PRIMARY KEY, code varchar(16));
INSERT INTO gen_modules VALUES (0,'SDG-1'),(1,'SDG-2'),(2,'SDG-3'),(3,'SDG-4'),(4,'RES-1'),(5,'RES-2');
CREATE TEMP TABLE gen_sections AS
SELECT s.id, s.module_code, s.kind, row_number() OVER (PARTITION BY s.module_code ORDER BY s.position) AS n,
       count(*) OVER (PARTITION BY s.module_code) AS of
FROM sections s WHERE s.retired_at IS NULL;
SELECT count(*) AS sections FROM gen_sections;
CREATE TEMP TABLE gen_sections_rs (rs_i int PRIMARY KEY, code varchar(16));
INSERT INTO gen_sections_rs VALUES (0,'AFRICA'),(1,'ASPAC'),(2,'EURASIA'),(3,'EUROPE'),(4,'LATAM'),(5,'MEWA'),(6,'NORAM'),
                                   (7,'METROPOLIS'),(8,'REGIONS'),(9,'WORLD');

\echo 'learners'
INSERT INTO users (id, email, password_hash, full_name, preferred_language, country, regional_section, organization,
                   organization_type, gender, created_at, updated_at)
SELECT md5('u' || n)::uuid, 'gen-' || n || '@example.org', NULL, 'Learner ' || n,
       (ARRAY['en','es','fr'])[1 + n % 3], c.code, c.regional_section,
       'Municipality ' || (n % 40000),
       (ARRAY['LOCAL_GOVERNMENT','LOCAL_GOVERNMENT','LOCAL_GOVERNMENT','REGIONAL_GOVERNMENT','LOCAL_GOVERNMENT_ASSOCIATION',
              'NATIONAL_GOVERNMENT','CIVIL_SOCIETY','ACADEMIA','INDIVIDUAL',NULL])[1 + (n / 7) % 10],
       (ARRAY['female','male','female','male',NULL,'non-binary'])[1 + (n / 3) % 6],
       timestamptz '2023-06-01' + (n % 900) * interval '1 day', now()
FROM generate_series(1, :learners) AS n
JOIN gen_countries c ON c.i = n % (SELECT count(*) FROM gen_countries);

\echo 'trainers: learners 1..trainers hold the TRAINER role'
INSERT INTO user_roles (user_id, role, regional_section, granted_by, granted_at)
SELECT md5('u' || t)::uuid, 'TRAINER', NULL, NULL, timestamptz '2023-06-01' FROM generate_series(1, :trainers) AS t;

-- The ToT tree: trainer t teaches module (t % 6). Trainers 1..12 are master trainers (certified by an admin);
-- every other trainer was certified in the TOT cohort of trainer p = 6 * (t / 36) + t % 6 + 6 (same module, about
-- t / 6), so the lineage runs five generations deep.
\echo 'TOT cohorts, one per trainer who has trainees'
CREATE TEMP TABLE gen_tot AS
SELECT t, 6 * (t / 36) + t % 6 + 6 AS p FROM generate_series(13, :trainers) AS t;
INSERT INTO cohorts (id, module_code, kind, language, title, starts_on, ends_on, capacity, seats_taken, enrollment_policy,
                     regional_section, created_by, created_at, updated_at)
SELECT md5('tot' || p)::uuid, m.code, 'TOT', (ARRAY['en','es','fr'])[1 + p % 3], 'ToT ' || m.code || ' by trainer ' || p,
       date '2024-01-08' + (p % 700), date '2024-01-09' + (p % 700), NULL, 0, 'APPLICATION', rs.code, NULL, now(), now()
FROM (SELECT DISTINCT p FROM gen_tot) AS x
JOIN gen_modules m ON m.i = x.p % 6
JOIN gen_sections_rs rs ON rs.rs_i = x.p % 10;
INSERT INTO cohort_trainers (cohort_id, trainer_id, assigned_by, assigned_at)
SELECT DISTINCT md5('tot' || p)::uuid, md5('u' || p)::uuid, NULL::uuid, now() FROM gen_tot;

\echo 'trainer certifications'
INSERT INTO trainer_certifications (trainer_id, module_code, source_cohort_id, certified_on, granted_by, created_at)
SELECT md5('u' || t)::uuid, m.code, NULL, date '2023-09-01', NULL, now()
FROM generate_series(1, 12) AS t JOIN gen_modules m ON m.i = t % 6;
INSERT INTO trainer_certifications (trainer_id, module_code, source_cohort_id, certified_on, granted_by, created_at)
SELECT md5('u' || t)::uuid, m.code, md5('tot' || p)::uuid, date '2024-01-10' + (p % 700), NULL, now()
FROM gen_tot JOIN gen_modules m ON m.i = t % 6;

\echo 'regular cohorts'
INSERT INTO cohorts (id, module_code, kind, language, title, starts_on, ends_on, capacity, seats_taken, enrollment_policy,
                     regional_section, created_by, created_at, updated_at)
SELECT md5('c' || k)::uuid, m.code,
       (ARRAY['SELF_PACED','FACILITATED','FACILITATED','WORKSHOP','WORKSHOP'])[1 + k % 5],
       (ARRAY['en','es','fr'])[1 + (k / 10) % 3], 'Cohort ' || k,
       date '2024-01-15' + (k * 37) % 1050, date '2024-01-15' + (k * 37) % 1050 + 90, NULL, 0, 'OPEN', rs.code, NULL, now(), now()
FROM generate_series(0, :cohorts - 1) AS k
JOIN gen_modules m ON m.i = (1 + k % :trainers) % 6
JOIN gen_sections_rs rs ON rs.rs_i = (k / 7) % 10;
INSERT INTO cohort_trainers (cohort_id, trainer_id, assigned_by, assigned_at)
SELECT md5('c' || k)::uuid, md5('u' || (1 + k % :trainers))::uuid, NULL, now()
FROM generate_series(0, :cohorts - 1) AS k WHERE k % 5 <> 0;

\echo 'enrollments: TOT trainees, then per_cohort learners per regular cohort'
INSERT INTO enrollments (id, cohort_id, learner_id, status, enrolled_by, created_at, waitlisted_at, enrolled_at, completed_at,
                         withdrawn_at, rejected_at, updated_at)
SELECT md5('tote' || t)::uuid, md5('tot' || p)::uuid, md5('u' || t)::uuid, 'COMPLETED', NULL,
       timestamptz '2024-01-01' + (p % 700) * interval '1 day', NULL, timestamptz '2024-01-02' + (p % 700) * interval '1 day',
       timestamptz '2024-01-09 15:00Z' + (p % 700) * interval '1 day', NULL, NULL, now()
FROM gen_tot;
INSERT INTO enrollments (id, cohort_id, learner_id, status, enrolled_by, created_at, waitlisted_at, enrolled_at, completed_at,
                         withdrawn_at, rejected_at, updated_at)
SELECT md5('e' || e)::uuid, c.id, md5('u' || (1 + (j * 10007 + k * 33) % :learners))::uuid,
       CASE WHEN e % 10 < 4 THEN 'COMPLETED' WHEN e % 10 = 9 THEN 'WITHDRAWN' ELSE 'ENROLLED' END, NULL,
       x.enrolled_at - interval '2 days', NULL, x.enrolled_at,
       CASE WHEN e % 10 < 4 THEN x.enrolled_at + (20 + e % 60) * interval '1 day' END,
       CASE WHEN e % 10 = 9 THEN x.enrolled_at + (5 + e % 20) * interval '1 day' END, NULL, now()
FROM generate_series(0, :cohorts * :per_cohort - 1) AS e
CROSS JOIN LATERAL (SELECT e % :cohorts AS k, e / :cohorts AS j) AS kj (k, j)
JOIN cohorts c ON c.id = md5('c' || k)::uuid
CROSS JOIN LATERAL (SELECT (c.starts_on - (j % 14))::timestamptz + (e % 86400) * interval '1 second') AS x (enrolled_at);

\echo 'section progress: every section of a completed enrollment, 3 to 9 sections of the others'
INSERT INTO section_progress (enrollment_id, section_id, status, score, started_at, completed_at, recorded_by, updated_at)
SELECT e.id, s.id,
       CASE WHEN e.status = 'COMPLETED' OR s.n < x.upto THEN 'COMPLETED' ELSE 'STARTED' END,
       CASE WHEN s.kind = 'PRE_ASSESSMENT' THEN 30 + x.h % 40
            WHEN s.kind IN ('ASSESSMENT', 'POST_ASSESSMENT') THEN 55 + x.h % 45 END,
       e.enrolled_at + s.n * interval '2 days',
       CASE WHEN e.status = 'COMPLETED' OR s.n < x.upto THEN e.enrolled_at + s.n * interval '2 days' + interval '3 hours' END,
       e.learner_id, e.enrolled_at + s.n * interval '2 days'
FROM enrollments e
JOIN cohorts c ON c.id = e.cohort_id
CROSS JOIN LATERAL (SELECT abs(hashtext(e.id::text)) AS h) AS hh
CROSS JOIN LATERAL (SELECT hh.h AS h, CASE WHEN e.status = 'COMPLETED' THEN 99 ELSE 3 + hh.h % 7 END AS upto) AS x
JOIN gen_sections s ON s.module_code = c.module_code AND s.n <= x.upto;

\echo 'certificates for completed enrollments'
INSERT INTO certificates (id, code, kind, status, enrollment_id, learner_id, cohort_id, module_code, module_version, module_title,
                          cohort_title, printed_name, language, hours, starts_on, completed_on, regional_section, partners,
                          issued_at, pdf_sha256)
SELECT md5('cert' || e.id)::uuid, upper(substr(md5('code' || e.id), 1, 16)),
       CASE WHEN c.kind = 'TOT' THEN 'CERTIFIED_TRAINER' ELSE 'MODULE_COMPLETION' END, 'VALID', e.id, e.learner_id, c.id,
       c.module_code, 1, c.module_code, c.title, 'Learner', c.language, 12, c.starts_on, (e.completed_at AT TIME ZONE 'UTC')::date,
       c.regional_section, '[]'::jsonb, e.completed_at + interval '1 minute', md5(e.id::text) || md5(e.id::text)
FROM enrollments e JOIN cohorts c ON c.id = e.cohort_id
WHERE e.status = 'COMPLETED';

\echo 'events: generated only where the events tables exist'
SELECT CASE WHEN to_regclass('events') IS NULL
            THEN 'the events tables do not exist yet in this schema: no events generated'
            ELSE 'the events tables exist: run bench/reach-generate-events.sql when it matches their columns' END AS events;

RESET session_replication_role;
ANALYZE;
\echo 'refresh of the reporting view'
REFRESH MATERIALIZED VIEW reporting_enrollments;
UPDATE reporting_refreshes SET refreshed_at = now() WHERE name = 'reporting_enrollments';
ANALYZE reporting_enrollments;
SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM enrollments) AS enrollments,
       (SELECT count(*) FROM section_progress) AS section_progress, (SELECT count(*) FROM certificates) AS certificates,
       (SELECT count(*) FROM trainer_certifications) AS trainer_certifications,
       (SELECT count(*) FROM reporting_enrollments) AS reporting_rows,
       (SELECT max(cascade_depth) FROM reporting_enrollments) AS deepest_cascade;
