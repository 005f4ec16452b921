-- A campaign's progress, kept as it changes, so its page reads a few hundred rows instead of every host and
-- answer (a national campaign has hundreds of thousands of hosts). Three tables, kept by statement-level
-- triggers on campaign_host and remediation_reply (every writer keeps them without knowing: ingest, send,
-- owners' answers, rematching, a later list), each the running sum of what the queries of
-- packages/db/src/remediation compute from scratch, with the same definitions:
--   campaign_progress_day:   per UTC day, the changes of the cumulative curve (notified, answered, claimed
--                            fixed, gone, still open), and how many events fall on the day;
--   campaign_org_progress:   per organization (the nil uuid: hosts without one), where its hosts stand now;
--   campaign_host_duration:  per host, notice to first answer and notice to gone, in seconds, indexed so a
--                            median is read at its rank (by campaign, organization or sector).
-- Deleting hosts or answers (a campaign or a notice deleted) is rare: the campaign is recomputed whole
-- (campaign_progress_refresh, which also fills the tables for the campaigns already here).

CREATE TABLE "campaign_progress_day" (
  "campaign_id"   UUID    NOT NULL REFERENCES "campaign" ("id") ON DELETE CASCADE,
  "day"           DATE    NOT NULL,
  "events"        INTEGER NOT NULL,
  "notified"      INTEGER NOT NULL,
  "answered"      INTEGER NOT NULL,
  "claimed_fixed" INTEGER NOT NULL,
  "gone"          INTEGER NOT NULL,
  "still_open"    INTEGER NOT NULL,
  PRIMARY KEY ("campaign_id", "day")
);

CREATE TABLE "campaign_org_progress" (
  "campaign_id"              UUID    NOT NULL REFERENCES "campaign" ("id") ON DELETE CASCADE,
  "organization_id"          UUID    NOT NULL,
  "hosts"                    INTEGER NOT NULL,
  "notified"                 INTEGER NOT NULL,
  "answered"                 INTEGER NOT NULL,
  "claimed_fixed"            INTEGER NOT NULL,
  "claimed_fixed_still_seen" INTEGER NOT NULL,
  "gone"                     INTEGER NOT NULL,
  "not_ours"                 INTEGER NOT NULL,
  "still_open"               INTEGER NOT NULL,
  "remediated"               INTEGER NOT NULL,
  "flagged"                  INTEGER NOT NULL,
  -- its rows in campaign_host_duration, by kind: a median's rank without counting them
  "answer_durations"         INTEGER NOT NULL DEFAULT 0,
  "gone_durations"           INTEGER NOT NULL DEFAULT 0,
  PRIMARY KEY ("campaign_id", "organization_id")
);
CREATE INDEX "campaign_org_progress_order_idx" ON "campaign_org_progress" ("campaign_id", "still_open" DESC, "hosts" DESC);

CREATE TABLE "campaign_host_duration" (
  "host_id"         INTEGER NOT NULL REFERENCES "campaign_host" ("id") ON DELETE CASCADE,
  "kind"            TEXT    NOT NULL CHECK ("kind" IN ('answer', 'gone')),
  "campaign_id"     UUID    NOT NULL,
  "organization_id" UUID,
  -- the organization's sector ('' for none; null for a host without an organization), kept on a change
  "sector"          TEXT,
  "seconds"         DOUBLE PRECISION NOT NULL,
  PRIMARY KEY ("host_id", "kind")
);
CREATE INDEX "campaign_host_duration_campaign_idx" ON "campaign_host_duration" ("campaign_id", "kind", "seconds");
CREATE INDEX "campaign_host_duration_org_idx" ON "campaign_host_duration" ("campaign_id", "kind", "organization_id", "seconds");
CREATE INDEX "campaign_host_duration_sector_idx" ON "campaign_host_duration" ("campaign_id", "kind", "sector", "seconds");
CREATE INDEX "campaign_host_duration_organization_idx" ON "campaign_host_duration" ("organization_id");

-- An organization's latest answer, at its rank, for a page of organizations.
CREATE INDEX "campaign_host_answered_idx" ON "campaign_host" ("campaign_id", "organization_id", "answered_at" DESC)
  WHERE "answered_at" IS NOT NULL;

-- Per UTC day, the events of these hosts (their answers but those in p_skip): the definitions of
-- findProgressDays. A host not notified has none; a host's gone counts only while it is gone. Written without
-- joining one set of hosts to another (each host's first answer is an index lookup, each answer carries its
-- host's times; the new answers to skip are a hashed set), so the work stays linear in hosts and answers whatever
-- the planner guesses of the arrays.
CREATE FUNCTION "progress_day_events"(p_hosts "campaign_host"[], p_skip INTEGER[])
RETURNS TABLE ("campaign_id" UUID, "day" DATE, "events" BIGINT, "notified" BIGINT, "answered" BIGINT,
               "claimed_fixed" BIGINT, "gone" BIGINT, "still_open" BIGINT)
LANGUAGE sql STABLE AS $$
  WITH h AS (
    SELECT x."id", x."campaign_id", x."notified_at", CASE WHEN x."state" = 'gone' THEN x."gone_at" END AS "gone_at",
           (SELECT min(a."at") FROM "remediation_reply" a
             WHERE a."host_id" = x."id" AND a."id" NOT IN (SELECT unnest(coalesce(p_skip, '{}')))) AS "first_at"
      FROM unnest(p_hosts) x WHERE x."notified_at" IS NOT NULL
  ), r AS (
    SELECT h."campaign_id", h."notified_at", h."gone_at", r."answer", r."at",
           lead(r."at") OVER (PARTITION BY r."host_id" ORDER BY r."at", r."id") AS "until"
      FROM h JOIN "remediation_reply" r ON r."host_id" = h."id"
     WHERE r."id" NOT IN (SELECT unnest(coalesce(p_skip, '{}')))
  ), open_span AS (
    -- open from the notice to the first answer, and during each investigating / needs-help answer; never once gone
    SELECT "campaign_id", "notified_at" AS s,
           least(coalesce("first_at", 'infinity'), coalesce("gone_at", 'infinity')) AS e
      FROM h
    UNION ALL
    SELECT "campaign_id", greatest("at", "notified_at"), least(coalesce("until", 'infinity'), coalesce("gone_at", 'infinity'))
      FROM r WHERE "answer" IN ('investigating', 'needs_help')
  ), ev ("campaign_id", "at", "notified", "answered", "claimed_fixed", "gone", "still_open") AS (
    SELECT "campaign_id", "notified_at", 1, 0, 0, 0, 0 FROM h
    UNION ALL SELECT "campaign_id", "first_at", 0, 1, 0, 0, 0 FROM h WHERE "first_at" IS NOT NULL
    UNION ALL SELECT "campaign_id", "at", 0, 0, 1, 0, 0 FROM r WHERE "answer" IN ('patched', 'mitigated')
    UNION ALL SELECT "campaign_id", "until", 0, 0, -1, 0, 0 FROM r WHERE "answer" IN ('patched', 'mitigated') AND "until" IS NOT NULL
    UNION ALL SELECT "campaign_id", "gone_at", 0, 0, 0, 1, 0 FROM h WHERE "gone_at" IS NOT NULL
    UNION ALL SELECT "campaign_id", s, 0, 0, 0, 0, 1 FROM open_span WHERE s < e
    UNION ALL SELECT "campaign_id", e, 0, 0, 0, 0, -1 FROM open_span WHERE s < e AND e < 'infinity'
  )
  SELECT "campaign_id", ("at" AT TIME ZONE 'UTC')::date, count(*), sum("notified"), sum("answered"),
         sum("claimed_fixed"), sum("gone"), sum("still_open")
    FROM ev
   GROUP BY 1, 2
$$;

-- Moves the aggregates from hosts as they were (p_old) to hosts as they are (p_new): the same hosts, or
-- hosts added (only in p_new) or removed (only in p_old). p_replies: the hosts' answers changed too, those in
-- p_skip being new (not part of the old state).
CREATE FUNCTION "campaign_progress_apply"(p_old "campaign_host"[], p_new "campaign_host"[], p_replies BOOLEAN,
                                          p_skip INTEGER[])
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  day_old "campaign_host"[];
  day_new "campaign_host"[];
BEGIN
  -- Where the hosts stand: each host counts by its own row (the definitions of findProgressTotals).
  INSERT INTO "campaign_org_progress" AS t ("campaign_id", "organization_id", "hosts", "notified", "answered",
    "claimed_fixed", "claimed_fixed_still_seen", "gone", "not_ours", "still_open", "remediated", "flagged")
  SELECT f."campaign_id", f."org",
         sum(s), coalesce(sum(s) FILTER (WHERE n), 0),
         coalesce(sum(s) FILTER (WHERE n AND "answer" IS NOT NULL), 0),
         coalesce(sum(s) FILTER (WHERE n AND "answer" IN ('patched', 'mitigated')), 0),
         coalesce(sum(s) FILTER (WHERE n AND still_seen), 0),
         coalesce(sum(s) FILTER (WHERE n AND "state" = 'gone'), 0),
         coalesce(sum(s) FILTER (WHERE n AND "state" = 'not_ours'), 0),
         coalesce(sum(s) FILTER (WHERE n AND "state" <> 'gone'
                                   AND ("answer" IS NULL OR "answer" IN ('investigating', 'needs_help'))), 0),
         coalesce(sum(s) FILTER (WHERE n AND ("state" = 'gone' OR ("state" = 'remediated' AND NOT still_seen))), 0),
         coalesce(sum(s) FILTER (WHERE "flagged"), 0)
    FROM (
      SELECT x.s, (x.y)."campaign_id", coalesce((x.y)."organization_id", '00000000-0000-0000-0000-000000000000') AS "org",
             (x.y)."notified_at" IS NOT NULL AS n, (x.y)."state", (x.y)."answer", (x.y)."flagged",
             coalesce((x.y)."state" IN ('notified', 'remediated') AND (x.y)."answer" IN ('patched', 'mitigated')
                      AND (x.y)."last_seen_at" > (x.y)."answered_at", false) AS still_seen
        FROM (SELECT 1 AS s, y FROM unnest(p_new) y UNION ALL SELECT -1, y FROM unnest(p_old) y) x
    ) f
   GROUP BY 1, 2
  ON CONFLICT ("campaign_id", "organization_id") DO UPDATE SET
    "hosts" = t."hosts" + excluded."hosts",
    "notified" = t."notified" + excluded."notified",
    "answered" = t."answered" + excluded."answered",
    "claimed_fixed" = t."claimed_fixed" + excluded."claimed_fixed",
    "claimed_fixed_still_seen" = t."claimed_fixed_still_seen" + excluded."claimed_fixed_still_seen",
    "gone" = t."gone" + excluded."gone",
    "not_ours" = t."not_ours" + excluded."not_ours",
    "still_open" = t."still_open" + excluded."still_open",
    "remediated" = t."remediated" + excluded."remediated",
    "flagged" = t."flagged" + excluded."flagged";

  -- The curve and the durations: only hosts whose events may have changed (their notice, their being gone,
  -- their answers; their organization, for the durations).
  IF p_replies THEN
    day_old := p_old;
    day_new := p_new;
  ELSE
    SELECT array_agg(o.h) FILTER (WHERE o.id IS NOT NULL), array_agg(n.h) FILTER (WHERE n.id IS NOT NULL)
      INTO day_old, day_new
      FROM (SELECT (y)."id" AS id, y AS h FROM unnest(p_old) y) o
      FULL JOIN (SELECT (y)."id" AS id, y AS h FROM unnest(p_new) y) n ON o.id = n.id
     WHERE o.id IS NULL OR n.id IS NULL
        OR ((o.h)."campaign_id", (o.h)."organization_id", (o.h)."notified_at",
            CASE WHEN (o.h)."state" = 'gone' THEN (o.h)."gone_at" END)
           IS DISTINCT FROM
           ((n.h)."campaign_id", (n.h)."organization_id", (n.h)."notified_at",
            CASE WHEN (n.h)."state" = 'gone' THEN (n.h)."gone_at" END);
  END IF;
  IF day_old IS NOT NULL OR day_new IS NOT NULL THEN
    INSERT INTO "campaign_progress_day" AS t
    SELECT d."campaign_id", d."day", sum(d."events"), sum(d."notified"), sum(d."answered"), sum(d."claimed_fixed"),
           sum(d."gone"), sum(d."still_open")
      FROM (
        SELECT * FROM "progress_day_events"(coalesce(day_new, '{}'), '{}')
        UNION ALL
        SELECT e."campaign_id", e."day", -e."events", -e."notified", -e."answered", -e."claimed_fixed", -e."gone",
               -e."still_open"
          FROM "progress_day_events"(coalesce(day_old, '{}'), p_skip) e
      ) d
     GROUP BY 1, 2
    HAVING sum(d."events") <> 0 OR sum(d."notified") <> 0 OR sum(d."answered") <> 0 OR sum(d."claimed_fixed") <> 0
        OR sum(d."gone") <> 0 OR sum(d."still_open") <> 0
    ON CONFLICT ("campaign_id", "day") DO UPDATE SET
      "events" = t."events" + excluded."events",
      "notified" = t."notified" + excluded."notified",
      "answered" = t."answered" + excluded."answered",
      "claimed_fixed" = t."claimed_fixed" + excluded."claimed_fixed",
      "gone" = t."gone" + excluded."gone",
      "still_open" = t."still_open" + excluded."still_open";
    DELETE FROM "campaign_progress_day" t
     WHERE t."events" = 0
       AND t."campaign_id" IN (SELECT (y)."campaign_id" FROM unnest(day_old) y UNION SELECT (y)."campaign_id" FROM unnest(day_new) y);
  END IF;

  -- Durations of the hosts as they are now (a removed host's go with it, by its foreign key), counted per
  -- organization.
  IF day_new IS NOT NULL THEN
  WITH gone AS (
    DELETE FROM "campaign_host_duration" WHERE "host_id" IN (SELECT (y)."id" FROM unnest(day_new) y)
    RETURNING "campaign_id", "organization_id", "kind"
  )
  INSERT INTO "campaign_org_progress" AS t ("campaign_id", "organization_id", "hosts", "notified", "answered",
    "claimed_fixed", "claimed_fixed_still_seen", "gone", "not_ours", "still_open", "remediated", "flagged",
    "answer_durations", "gone_durations")
  SELECT "campaign_id", coalesce("organization_id", '00000000-0000-0000-0000-000000000000'), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
         -count(*) FILTER (WHERE "kind" = 'answer'), -count(*) FILTER (WHERE "kind" = 'gone')
    FROM gone GROUP BY 1, 2
  ON CONFLICT ("campaign_id", "organization_id") DO UPDATE SET
    "answer_durations" = t."answer_durations" + excluded."answer_durations",
    "gone_durations" = t."gone_durations" + excluded."gone_durations";
  WITH made AS (
  INSERT INTO "campaign_host_duration" ("host_id", "kind", "campaign_id", "organization_id", "sector", "seconds")
  SELECT h."id", k."kind", h."campaign_id", h."organization_id",
         CASE WHEN o."id" IS NOT NULL THEN coalesce(o."sector", '') END, k."seconds"
    FROM unnest(day_new) h
    LEFT JOIN "organization" o ON o."id" = h."organization_id"
    CROSS JOIN LATERAL (
      SELECT 'answer' AS "kind",
             extract(epoch FROM (SELECT min(r."at") FROM "remediation_reply" r WHERE r."host_id" = h."id") - h."notified_at")::float8 AS "seconds"
      UNION ALL
      SELECT 'gone', extract(epoch FROM CASE WHEN h."state" = 'gone' THEN h."gone_at" END - h."notified_at")::float8
    ) k
   WHERE h."notified_at" IS NOT NULL AND k."seconds" IS NOT NULL
  RETURNING "campaign_id", "organization_id", "kind"
  )
  INSERT INTO "campaign_org_progress" AS t ("campaign_id", "organization_id", "hosts", "notified", "answered",
    "claimed_fixed", "claimed_fixed_still_seen", "gone", "not_ours", "still_open", "remediated", "flagged",
    "answer_durations", "gone_durations")
  SELECT "campaign_id", coalesce("organization_id", '00000000-0000-0000-0000-000000000000'), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
         count(*) FILTER (WHERE "kind" = 'answer'), count(*) FILTER (WHERE "kind" = 'gone')
    FROM made GROUP BY 1, 2
  ON CONFLICT ("campaign_id", "organization_id") DO UPDATE SET
    "answer_durations" = t."answer_durations" + excluded."answer_durations",
    "gone_durations" = t."gone_durations" + excluded."gone_durations";
  END IF;

  DELETE FROM "campaign_org_progress" t
   WHERE t."hosts" = 0
     AND t."campaign_id" IN (SELECT (y)."campaign_id" FROM unnest(p_old) y UNION SELECT (y)."campaign_id" FROM unnest(p_new) y);
END $$;

-- A campaign's aggregates, computed whole from its hosts and answers.
CREATE FUNCTION "campaign_progress_refresh"(p_campaign UUID) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  hosts "campaign_host"[];
BEGIN
  DELETE FROM "campaign_progress_day" WHERE "campaign_id" = p_campaign;
  DELETE FROM "campaign_org_progress" WHERE "campaign_id" = p_campaign;
  DELETE FROM "campaign_host_duration" WHERE "campaign_id" = p_campaign;
  IF NOT EXISTS (SELECT 1 FROM "campaign" WHERE "id" = p_campaign) THEN RETURN; END IF;
  SELECT array_agg(h) INTO hosts FROM "campaign_host" h WHERE h."campaign_id" = p_campaign;
  IF hosts IS NOT NULL THEN PERFORM "campaign_progress_apply"('{}', hosts, true, '{}'); END IF;
END $$;

CREATE FUNCTION "campaign_host_progress_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "campaign_progress_apply"('{}', (SELECT array_agg(n::"campaign_host") FROM new_hosts n), true, '{}');
  RETURN NULL;
END $$;

-- (a hash join of the two transition tables: the planner cannot see how large they are)
CREATE FUNCTION "campaign_host_progress_update"() RETURNS trigger LANGUAGE plpgsql SET enable_nestloop = off AS $$
DECLARE
  o_hosts "campaign_host"[];
  n_hosts "campaign_host"[];
BEGIN
  -- Only the hosts whose figures may have moved (a list's sightings change last_seen_at: still seen).
  SELECT array_agg(o::"campaign_host"), array_agg(n::"campaign_host") INTO o_hosts, n_hosts
    FROM old_hosts o JOIN new_hosts n ON n."id" = o."id"
   WHERE (o."campaign_id", o."organization_id", o."state", o."notified_at", o."gone_at", o."answer", o."answered_at",
          o."last_seen_at", o."flagged")
         IS DISTINCT FROM
         (n."campaign_id", n."organization_id", n."state", n."notified_at", n."gone_at", n."answer", n."answered_at",
          n."last_seen_at", n."flagged");
  IF n_hosts IS NOT NULL THEN PERFORM "campaign_progress_apply"(o_hosts, n_hosts, false, '{}'); END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION "campaign_host_progress_delete"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "campaign_progress_refresh"(c) FROM (SELECT DISTINCT "campaign_id" AS c FROM old_hosts) x;
  RETURN NULL;
END $$;

CREATE FUNCTION "remediation_reply_progress_insert"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  hosts "campaign_host"[];
BEGIN
  SELECT array_agg(h) INTO hosts FROM "campaign_host" h WHERE h."id" IN (SELECT "host_id" FROM new_replies);
  IF hosts IS NOT NULL THEN
    PERFORM "campaign_progress_apply"(hosts, hosts, true, (SELECT array_agg("id") FROM new_replies));
  END IF;
  RETURN NULL;
END $$;

CREATE FUNCTION "remediation_reply_progress_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "campaign_progress_refresh"(c)
     FROM (SELECT DISTINCT h."campaign_id" AS c FROM "campaign_host" h WHERE h."id" IN (SELECT "host_id" FROM old_replies)) x;
  RETURN NULL;
END $$;

CREATE TRIGGER "campaign_host_progress_insert" AFTER INSERT ON "campaign_host"
  REFERENCING NEW TABLE AS new_hosts FOR EACH STATEMENT EXECUTE FUNCTION "campaign_host_progress_insert"();
CREATE TRIGGER "campaign_host_progress_update" AFTER UPDATE ON "campaign_host"
  REFERENCING OLD TABLE AS old_hosts NEW TABLE AS new_hosts FOR EACH STATEMENT
  EXECUTE FUNCTION "campaign_host_progress_update"();
CREATE TRIGGER "campaign_host_progress_delete" AFTER DELETE ON "campaign_host"
  REFERENCING OLD TABLE AS old_hosts FOR EACH STATEMENT EXECUTE FUNCTION "campaign_host_progress_delete"();
CREATE TRIGGER "remediation_reply_progress_insert" AFTER INSERT ON "remediation_reply"
  REFERENCING NEW TABLE AS new_replies FOR EACH STATEMENT EXECUTE FUNCTION "remediation_reply_progress_insert"();
CREATE TRIGGER "remediation_reply_progress_delete" AFTER DELETE ON "remediation_reply"
  REFERENCING OLD TABLE AS old_replies FOR EACH STATEMENT EXECUTE FUNCTION "remediation_reply_progress_change"();

-- A reply's time or host changed (not done by Baken, but then the campaign is recomputed, not wrong).
CREATE FUNCTION "remediation_reply_progress_update"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "campaign_progress_refresh"(c)
     FROM (SELECT DISTINCT h."campaign_id" AS c FROM "campaign_host" h
            WHERE h."id" IN (SELECT "host_id" FROM old_replies UNION SELECT "host_id" FROM new_replies)) x;
  RETURN NULL;
END $$;
CREATE TRIGGER "remediation_reply_progress_update" AFTER UPDATE ON "remediation_reply"
  REFERENCING OLD TABLE AS old_replies NEW TABLE AS new_replies FOR EACH STATEMENT
  EXECUTE FUNCTION "remediation_reply_progress_update"();

-- The sector breakdown's medians group durations by the organization's sector, kept here when it changes.
CREATE FUNCTION "organization_sector_progress"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "campaign_host_duration" d SET "sector" = coalesce(n."sector", '')
    FROM new_orgs n JOIN old_orgs o ON o."id" = n."id"
   WHERE d."organization_id" = n."id" AND o."sector" IS DISTINCT FROM n."sector";
  RETURN NULL;
END $$;
CREATE TRIGGER "organization_sector_progress" AFTER UPDATE ON "organization"
  REFERENCING OLD TABLE AS old_orgs NEW TABLE AS new_orgs FOR EACH STATEMENT
  EXECUTE FUNCTION "organization_sector_progress"();

SELECT "campaign_progress_refresh"("id") FROM "campaign";
