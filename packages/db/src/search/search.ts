import type { SearchQuery } from "@baken/core";
import type { Db } from "../client.ts";
import { rows } from "../transaction.ts";

// The staff search: everything touching an address, a network, a host name, an e-mail, a reference or an
// organization's name, grouped. Every group is read through an index of migration 20261130191000 (or a
// primary key), and at most GROUP_LIMIT rows of each come back, with how many there are up to COUNT_CAP.

export const GROUP_LIMIT = 25;
/** Counting stops here: "10,000+" tells an analyst as much as an exact figure would, at a fraction of the cost. */
export const COUNT_CAP = 10_000;

const ISO = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const ORG = (alias: string) =>
  `CASE WHEN ${alias}.id IS NULL THEN NULL ELSE json_build_object('id', ${alias}.id, 'name', ${alias}.name) END`;

export type Group<T> = { total: number; items: T[] };
export type SearchResult = {
  organizations: Group<{ id: string; name: string; sector: string | null; why: string }>;
  lists: Group<{ id: string; fileName: string; createdAt: string; campaignId: string | null; hits: number }>;
  exposures: Group<{
    id: number;
    listId: string;
    fileName: string;
    line: number;
    ip: string | null;
    port: number | null;
    hostname: string | null;
    seenAt: string | null;
    organization: { id: string; name: string } | null;
  }>;
  notices: Group<{
    id: string;
    reference: string;
    kind: string;
    status: string;
    createdAt: string;
    recipients: string[];
    campaign: { id: string; name: string };
    organization: { id: string; name: string };
  }>;
  answers: Group<{
    id: number;
    noticeId: string;
    reference: string;
    answer: string;
    compromise: string | null;
    comment: string | null;
    at: string;
    host: string | null;
    organization: { id: string; name: string };
  }>;
  reports: Group<{
    id: string;
    reference: string;
    status: string;
    createdAt: string;
    rsitClass: string;
    organizationName: string | null;
  }>;
};

/** Escapes LIKE's wildcards (host names may hold `_`). */
const likeEscape = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
const reversed = (s: string) => [...s].reverse().join("");

/** A condition on `<alias>.ip` / `<alias>.hostname` selecting the hosts a query names, and its one parameter. */
function hostCondition(q: SearchQuery, alias: string): { sql: string; param: string } | null {
  if (q.kind === "ip") return { sql: `${alias}.ip = $1::inet`, param: q.value };
  if (q.kind === "cidr") return { sql: `${alias}.ip <<= $1::inet`, param: q.value };
  if (q.kind === "hostname") {
    // The name itself and every name under it (owa.example.be under example.be), as prefixes of the reversed name.
    return {
      sql: `(reverse(${alias}.hostname) LIKE $1 OR reverse(${alias}.hostname) = $2)`,
      param: `${likeEscape(reversed(q.value))}.%`,
    };
  }
  return null;
}

async function group<T extends object>(db: Db, sql: string, params: unknown[]): Promise<Group<T>> {
  const found = await rows<T & { total: number }>(db, sql, params);
  return { total: found[0]?.total ?? 0, items: found.map(({ total: _t, ...r }) => r as unknown as T) };
}

export async function searchEverything(db: Db, q: SearchQuery): Promise<SearchResult> {
  const host = hostCondition(q, "x");
  const hostParams = host ? (q.kind === "hostname" ? [host.param, reversed(q.value)] : [host.param]) : [];
  const empty = { total: 0, items: [] };

  // Exposures and campaign hosts touching the address, network or name.
  const exposuresOf = host
    ? group<SearchResult["exposures"]["items"][number]>(
        db,
        `WITH m AS (SELECT x.id FROM exposure x WHERE ${host.sql} LIMIT ${COUNT_CAP}),
              t AS (SELECT count(*)::int AS total FROM m),
              p AS (SELECT id FROM m ORDER BY id DESC LIMIT ${GROUP_LIMIT})
         SELECT x.id, x.list_id AS "listId", l.file_name AS "fileName", x.line, abbrev(x.ip) AS ip, x.port, x.hostname,
                ${ISO("x.seen_at")} AS "seenAt", ${ORG("o")} AS organization, t.total
           FROM p JOIN exposure x ON x.id = p.id CROSS JOIN t
           JOIN exposure_list l ON l.id = x.list_id LEFT JOIN organization o ON o.id = x.organization_id
          ORDER BY x.id DESC`,
        hostParams,
      )
    : Promise.resolve(empty);

  const listsOf = host
    ? group<SearchResult["lists"]["items"][number]>(
        db,
        `WITH m AS (SELECT x.list_id FROM exposure x WHERE ${host.sql} LIMIT ${COUNT_CAP}),
              g AS (SELECT list_id, count(*)::int AS hits FROM m GROUP BY list_id)
         SELECT l.id, l.file_name AS "fileName", ${ISO("l.created_at")} AS "createdAt", l.campaign_id AS "campaignId",
                g.hits, count(*) OVER ()::int AS total
           FROM g JOIN exposure_list l ON l.id = g.list_id ORDER BY l.created_at DESC LIMIT ${GROUP_LIMIT}`,
        hostParams,
      )
    : q.kind === "text"
      ? group<SearchResult["lists"]["items"][number]>(
          db,
          `SELECT l.id, l.file_name AS "fileName", ${ISO("l.created_at")} AS "createdAt", l.campaign_id AS "campaignId",
                  0 AS hits, count(*) OVER ()::int AS total
             FROM exposure_list l WHERE l.file_name ILIKE $1 ORDER BY l.created_at DESC LIMIT ${GROUP_LIMIT}`,
          [`%${likeEscape(q.value)}%`],
        )
      : Promise.resolve(empty);

  // The notices that told an owner about those hosts (and their reminders), or the one a reference or an
  // address names.
  const noticeWhere = host
    ? `n.id IN (SELECT x.notice_id FROM campaign_host x WHERE ${host.sql})
       OR n.parent_id IN (SELECT x.notice_id FROM campaign_host x WHERE ${host.sql})`
    : q.kind === "notice_reference"
      ? `n.reference = $1`
      : q.kind === "email"
        ? `n.recipients @> ARRAY[$1]::text[]`
        : null;
  const noticeParams = host ? hostParams : noticeWhere ? [q.value] : [];
  const noticesOf = noticeWhere
    ? group<SearchResult["notices"]["items"][number]>(
        db,
        `SELECT n.id, n.reference, n.kind::text AS kind, n.status::text AS status, ${ISO("n.created_at")} AS "createdAt",
                n.recipients, json_build_object('id', c.id, 'name', c.name) AS campaign, ${ORG("o")} AS organization,
                count(*) OVER ()::int AS total
           FROM notice n JOIN campaign c ON c.id = n.campaign_id JOIN organization o ON o.id = n.organization_id
          WHERE ${noticeWhere}
          ORDER BY n.created_at DESC, n.reference DESC LIMIT ${GROUP_LIMIT}`,
        noticeParams,
      )
    : Promise.resolve(empty);

  // Owners' answers about those hosts (per host, or for all of a notice's hosts at once).
  const answerWhere = host
    ? `r.host_id IN (SELECT x.id FROM campaign_host x WHERE ${host.sql})
       OR (r.host_id IS NULL AND r.notice_id IN (SELECT x.notice_id FROM campaign_host x WHERE ${host.sql}))`
    : q.kind === "notice_reference"
      ? `n.reference = $1`
      : q.kind === "email"
        ? `lower(r.better_contact) = $1`
        : null;
  const answersOf = answerWhere
    ? group<SearchResult["answers"]["items"][number]>(
        db,
        `SELECT r.id, r.notice_id AS "noticeId", n.reference, r.answer::text AS answer, r.compromise::text AS compromise,
                r.comment, ${ISO("r.at")} AS at, coalesce(abbrev(h.ip), h.hostname) AS host, ${ORG("o")} AS organization,
                count(*) OVER ()::int AS total
           FROM remediation_reply r JOIN notice n ON n.id = r.notice_id JOIN organization o ON o.id = n.organization_id
           LEFT JOIN campaign_host h ON h.id = r.host_id
          WHERE ${answerWhere}
          ORDER BY r.at DESC, r.id DESC LIMIT ${GROUP_LIMIT}`,
        host ? hostParams : [q.value],
      )
    : Promise.resolve(empty);

  return {
    organizations: await organizationsOf(db, q),
    lists: await listsOf,
    exposures: await exposuresOf,
    notices: await noticesOf,
    answers: await answersOf,
    reports: await reportsOf(db, q),
  };
}

/** Organizations the query names: by their networks, domains, contacts, notices, or their name. */
function organizationsOf(db: Db, q: SearchQuery) {
  const select = (why: string, from: string) => `SELECT o.id, o.name, o.sector, ${why} AS why FROM ${from}`;
  let sql: string;
  let params: unknown[] = [q.value];
  switch (q.kind) {
    case "ip":
    case "cidr":
      sql = `${select(`'network ' || n.cidr::text`, `network n JOIN organization o ON o.id = n.organization_id WHERE n.cidr && $1::inet`)}
             UNION ALL ${select(`'manual assignment'`, `manual_assignment a JOIN organization o ON o.id = a.organization_id WHERE a.ip <<= $1::inet`)}`;
      break;
    case "hostname": {
      // The registered domains the name falls under (every suffix of it), and domains under it.
      const labels = q.value.split(".");
      params = [labels.map((_, i) => labels.slice(i).join(".")), `%.${likeEscape(q.value)}`];
      sql = `${select(`'domain ' || d.name`, `domain d JOIN organization o ON o.id = d.organization_id WHERE d.name = ANY($1::text[]) OR d.name LIKE $2`)}`;
      break;
    }
    case "email":
      sql = select(
        `'contact ' || k.email`,
        `contact k JOIN organization o ON o.id = k.organization_id WHERE lower(k.email) = $1`,
      );
      break;
    case "notice_reference":
      sql = select(
        `'notice ' || n.reference`,
        `notice n JOIN organization o ON o.id = n.organization_id WHERE n.reference = $1`,
      );
      break;
    case "report_reference":
      sql = select(
        `'report ' || r.reference`,
        `incident_report r JOIN organization o ON o.id = r.organization_id WHERE r.reference = $1`,
      );
      break;
    case "text":
      params = [`%${likeEscape(q.value)}%`];
      sql = select(`'name'`, `organization o WHERE o.name ILIKE $1`);
      break;
  }
  return group<SearchResult["organizations"]["items"][number]>(
    db,
    `SELECT s.*, count(*) OVER ()::int AS total FROM (SELECT DISTINCT ON (id) * FROM (${sql}) u) s
      ORDER BY s.name LIMIT ${GROUP_LIMIT}`,
    params,
  );
}

/** Incident reports naming the query: by reference, reporter, the notice they quote, or in their indicators. */
function reportsOf(db: Db, q: SearchQuery) {
  let where: string;
  let params: unknown[] = [q.value];
  switch (q.kind) {
    case "report_reference":
      where = `r.reference = $1`;
      break;
    case "notice_reference":
      where = `r.notice_reference = $1`;
      break;
    case "email":
      where = `lower(r.reporter_email) = $1`;
      break;
    case "text":
      params = [`%${likeEscape(q.value)}%`];
      where = `r.organization_name ILIKE $1 OR r.reporter_name ILIKE $1`;
      break;
    default:
      // An address, a network or a name as the reporter wrote it among the indicators or affected systems.
      params = [`%${likeEscape(q.kind === "cidr" ? q.value.replace(/\/\d+$/, "") : q.value)}%`];
      where = `${REPORT_TEXT} ILIKE $1`;
  }
  return group<SearchResult["reports"]["items"][number]>(
    db,
    `SELECT r.id, r.reference, r.status::text AS status, ${ISO("r.created_at")} AS "createdAt", r.rsit_class AS "rsitClass",
            coalesce(o.name, r.organization_name) AS "organizationName", count(*) OVER ()::int AS total
       FROM incident_report r LEFT JOIN organization o ON o.id = r.organization_id
      WHERE ${where}
      ORDER BY r.created_at DESC LIMIT ${GROUP_LIMIT}`,
    params,
  );
}

/** The report's free text searched for addresses and names: indexed as one trigram expression (the migration). */
const REPORT_TEXT = `(coalesce(r.indicators, '') || ' ' || coalesce(r.affected_systems, ''))`;
