import { bounceMailbox, LANGUAGES, parseNetworks, type Language } from "@baken/core";
import { z } from "zod";

// The only module that reads the environment. Everything else receives a Config.
// Defaults work on a developer machine (services on 127.0.0.1) and in docker-compose (which sets the URLs).

// Published in this repository: fine on a developer's machine, refused in production.
const DEV_JWT_SECRET = "baken-development-secret-do-not-use-in-production";
const NOTICE_SUFFIX = ":notice-links";
const FORM_SUFFIX = ":report-forms";
const FEED_SUFFIX = ":feed-secrets";
/** docker-compose's and the demo's admin passwords: anyone who read the README could sign in with them. */
const PUBLISHED_PASSWORDS = new Set(["change-me-baken-admin", "proxylogon-demo-2021"]);

const BOUNCE_SUFFIX = ":bounce-tags";
/** The development secret and what is derived from it: none of them may sign anything in production. */
const DEV_SECRETS = new Set([
  DEV_JWT_SECRET,
  DEV_JWT_SECRET + NOTICE_SUFFIX,
  DEV_JWT_SECRET + FORM_SUFFIX,
  DEV_JWT_SECRET + FEED_SUFFIX,
  DEV_JWT_SECRET + BOUNCE_SUFFIX,
]);

const int = (def: number, min = 0) => z.coerce.number().int().min(min).default(def);
const bool = (def: boolean) =>
  z
    .enum(["true", "false", "1", "0"])
    .default(def ? "true" : "false")
    .transform((v) => v === "true" || v === "1");
const url = (def: string) => z.url().default(def);

const schema = z.object({
  NODE_ENV: z.enum(["development", "test", "production"]).default("development"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  HOST: z.string().min(1).default("127.0.0.1"),
  PORT: int(3000, 0).pipe(z.number().max(65535)),
  /** unset: follows HOST and PORT (publicBaseUrlFor) */
  PUBLIC_BASE_URL: z.url().optional(),
  DATABASE_URL: url("postgresql://postgres@127.0.0.1:5432/baken"),
  REDIS_URL: url("redis://127.0.0.1:6379"),
  REDIS_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, "letters, digits, _ and - only")
    .default("baken"),
  // Rate-limit counters; separate from REDIS_PREFIX so API instances can share (the default) or keep
  // their own counters while sharing the queues.
  RATE_LIMIT_PREFIX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, "letters, digits, _ and - only")
    .optional(),
  SMTP_URL: url("smtp://127.0.0.1:1025"),
  SMTP_POOL_SIZE: int(5, 1),
  MAIL_FROM: z.string().min(3).default("CERT Baken <cert@baken.example>"),
  MAIL_REPLY_TO: z.email().default("incident@baken.example"),
  BOUNCE_ADDRESS: z.email().optional(),
  BOUNCE_TAG_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  BOUNCE_SMTP_PORT: int(2525, 0).pipe(z.number().max(65535)),
  BOUNCE_SMTP_HOST: z.string().min(1).default("127.0.0.1"),
  BOUNCE_MAX_BYTES: int(10 * 1024 * 1024, 1024),
  CERT_NAME: z.string().min(1).default("CERT Baken"),
  CERT_PHONE: z.string().min(1).default("+32 2 000 00 00"),
  CERT_WEBSITE: url("https://cert.baken.example"),
  PRIVACY_URL: url("https://cert.baken.example/privacy"),
  CERT_TIME_ZONE: z
    .string()
    .default("Europe/Brussels")
    .refine((tz) => {
      try {
        new Intl.DateTimeFormat("en", { timeZone: tz });
        return true;
      } catch {
        return false;
      }
    }, "an IANA time zone such as Europe/Brussels"),
  JWT_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  NOTICE_TOKEN_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  FORM_TOKEN_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  FEED_SECRET_KEY: z.string().min(32, "must be at least 32 characters").optional(),
  FEED_PULL_ATTEMPTS: int(5, 1),
  FEED_PULL_BACKOFF_SECONDS: int(60, 1),
  JWT_EXPIRES_IN: z
    .string()
    .regex(/^\d+[smhd]$/, "a duration such as 15m, 1h or 8h")
    .default("8h"),
  NOTICE_TOKEN_TTL_DAYS: int(90, 1),
  NOTICE_QUIET_DAYS: int(30, 0),
  REMINDER_MIN_AGE_DAYS: int(7, 0),
  OWNER_PAGE_RATE_LIMIT_PER_MINUTE: int(60, 1),
  NOTICE_RATE_PER_SECOND: int(10, 0),
  NOTICE_RATE_PER_DOMAIN_PER_MINUTE: int(60, 0),
  NOTICE_ATTEMPTS: int(8, 1),
  JOB_LOCK_SECONDS: int(30, 1),
  PGP_SIGNING_KEY: z.string().optional(),
  PGP_SIGNING_PASSPHRASE: z.string().optional(),
  UPLOAD_MAX_BYTES: int(256 * 1024 * 1024, 1024),
  UPLOAD_MAX_ROWS: int(2_000_000, 1),
  REPORT_MAX_FILES: int(5, 0),
  REPORT_MAX_FILE_BYTES: int(10 * 1024 * 1024, 1024),
  REPORT_MIN_FILL_SECONDS: int(3, 0),
  REPORT_RATE_LIMIT_PER_HOUR: int(20, 1),
  REPORT_CONFIRMATION_SWEEP_MINUTES: int(5, 0),
  /** unset: lists are kept for ever */
  LIST_RETENTION_DAYS: z.coerce.number().int().min(1).optional(),
  NOTICE_REPAIR_SWEEP_SECONDS: int(60, 0),
  MATCHER_REFRESH_SECONDS: int(60, 0),
  LOGIN_RATE_LIMIT_PER_MINUTE: int(10, 1),
  API_RATE_LIMIT_PER_MINUTE: int(600, 1),
  TRUST_PROXY: bool(false),
  SHUTDOWN_GRACE_SECONDS: int(10, 1),
  /** A mail catcher's web UI (the demo's), linked from the console so caught mail is one click away. */
  MAIL_CATCHER_URL: z.url().optional(),
  /** the demo's own mail catcher (npm run demo without SMTP_URL) */
  MAIL_CATCHER_SMTP_PORT: int(1025, 1).pipe(z.number().max(65535)),
  MAIL_CATCHER_HTTP_PORT: int(8025, 1).pipe(z.number().max(65535)),
  BAKEN_ADMIN_EMAIL: z.email().optional(),
  /** Where the api stores uploaded RIPE dump files for the worker's import job (shared by both). */
  RIPE_UPLOAD_DIR: z.string().min(1).default(".data/ripe-uploads"),
  RIPE_UPLOAD_MAX_BYTES: int(8 * 1024 * 1024 * 1024, 1024),
  BAKEN_ADMIN_PASSWORD: z.string().min(12, "must be at least 12 characters").optional(),
  /** Online abuse-contact lookups (security.txt, RDAP) after an upload: off unless asked for. */
  CONTACT_LOOKUP_ONLINE: bool(false),
  CONTACT_LOOKUP_TIMEOUT_MS: int(5_000, 100),
  CONTACT_LOOKUP_CONCURRENCY: int(8, 1),
  CONTACT_LOOKUP_RATE_PER_SERVER_PER_MINUTE: int(60, 0),
  CONTACT_LOOKUP_TTL_HOURS: int(7 * 24, 1),
  CONTACT_LOOKUP_NEGATIVE_TTL_HOURS: int(24, 1),
  CONTACT_LOOKUP_FAILURE_TTL_MINUTES: int(15, 1),
  /** IANA's RDAP bootstrap files (ipv4.json, ipv6.json) are read from here. */
  RDAP_BOOTSTRAP_URL: url("https://data.iana.org/rdap/"),
  /** For tests only: security.txt read from `<base>/<domain>/.well-known/security.txt`, not https://<domain>/. */
  SECURITY_TXT_BASE_URL: z.url().optional(),
  /** Networks the lookups may connect to although not public (an internal RDAP mirror; tests' local servers). */
  CONTACT_LOOKUP_ALLOWED_NETWORKS: z
    .string()
    .default("")
    .transform((v, ctx) => {
      const parsed = parseNetworks(v);
      if ("networks" in parsed) return parsed.networks;
      ctx.addIssue({ code: "custom", message: `'${parsed.bad}' is not a network (10.1.2.0/24, fd00::/8)` });
      return z.NEVER;
    }),
  NOTICE_LANGUAGE_BY_COUNTRY: z
    .string()
    .default("BE:nl,NL:nl,LU:fr,FR:fr,MC:fr,DE:de,AT:de,LI:de")
    .transform((v, ctx) => {
      const map = new Map<string, Language>();
      for (const entry of v
        .split(",")
        .map((e) => e.trim())
        .filter(Boolean)) {
        const m = /^([A-Za-z]{2})\s*:\s*([A-Za-z]{2})$/.exec(entry);
        const language = m?.[2]!.toLowerCase() as Language | undefined;
        if (!m || !LANGUAGES.includes(language!)) {
          ctx.addIssue({
            code: "custom",
            message: `'${entry}' is not COUNTRY:LANGUAGE (two-letter country, language one of ${LANGUAGES.join(", ")})`,
          });
          return z.NEVER;
        }
        map.set(m[1]!.toUpperCase(), language!);
      }
      return map;
    }),
});

type Env = z.infer<typeof schema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    this.name = "ConfigError";
  }
}

/**
 * Where the api is reached when PUBLIC_BASE_URL is not set: its own port, on localhost when it listens on a
 * loopback or every address (a browser cannot open 0.0.0.0), else on the address it listens on.
 */
export function publicBaseUrlFor(host: string, port: number): string {
  const local = ["127.0.0.1", "0.0.0.0", "::", "::1", "localhost"].includes(host);
  const name = local ? "localhost" : host.includes(":") ? `[${host}]` : host;
  return `http://${name}:${port}`;
}

function shape(env: Env, warnings: string[]) {
  if (!env.JWT_SECRET)
    warnings.push("JWT_SECRET is not set: using the development default (never do this in production)");
  return {
    env: env.NODE_ENV,
    logLevel: env.LOG_LEVEL,
    http: {
      host: env.HOST,
      port: env.PORT,
      trustProxy: env.TRUST_PROXY,
      /** On SIGTERM, how long requests in flight may finish before uploads still running are aborted (503). */
      shutdownGraceMs: env.SHUTDOWN_GRACE_SECONDS * 1000,
      /** Requests a minute per client address, or per API token when one is used. */
      rateLimitPerMinute: env.API_RATE_LIMIT_PER_MINUTE,
    },
    publicBaseUrl: (env.PUBLIC_BASE_URL ?? publicBaseUrlFor(env.HOST, env.PORT)).replace(/\/+$/, ""),
    databaseUrl: env.DATABASE_URL,
    redis: {
      url: env.REDIS_URL,
      prefix: env.REDIS_PREFIX,
      rateLimitPrefix: env.RATE_LIMIT_PREFIX ?? `${env.REDIS_PREFIX}-rl`,
    },
    smtp: { url: env.SMTP_URL, poolSize: env.SMTP_POOL_SIZE },
    mail: { from: env.MAIL_FROM, replyTo: env.MAIL_REPLY_TO },
    bounces: {
      mailbox: bounceMailbox(env.BOUNCE_ADDRESS, env.MAIL_FROM),
      // Its own key, derived from JWT_SECRET unless set: a rotated JWT_SECRET makes the tags of notices
      // already out unreadable, and their bounces (up to ~5 days later) then mark nothing.
      tagSecret: env.BOUNCE_TAG_SECRET ?? `${env.JWT_SECRET ?? DEV_JWT_SECRET}${BOUNCE_SUFFIX}`,
      /** The worker's intake listener; null when BOUNCE_SMTP_PORT=0 (bounces are not taken in). */
      listener: env.BOUNCE_SMTP_PORT === 0 ? null : { port: env.BOUNCE_SMTP_PORT, host: env.BOUNCE_SMTP_HOST },
      maxBytes: env.BOUNCE_MAX_BYTES,
    },
    cert: {
      name: env.CERT_NAME,
      phone: env.CERT_PHONE,
      website: env.CERT_WEBSITE,
      privacyUrl: env.PRIVACY_URL,
      /** Reporters' wall-clock times are read in this zone; mails show dates in it. */
      timeZone: env.CERT_TIME_ZONE,
    },
    auth: {
      jwtSecret: env.JWT_SECRET ?? DEV_JWT_SECRET,
      jwtExpiresIn: env.JWT_EXPIRES_IN,
      loginRateLimitPerMinute: env.LOGIN_RATE_LIMIT_PER_MINUTE,
    },
    notices: {
      // Separate from the JWT secret so rotating staff sessions does not break the links in sent notices.
      tokenSecret: env.NOTICE_TOKEN_SECRET ?? `${env.JWT_SECRET ?? DEV_JWT_SECRET}${NOTICE_SUFFIX}`,
      tokenTtlDays: env.NOTICE_TOKEN_TTL_DAYS,
      quietDays: env.NOTICE_QUIET_DAYS,
      reminderMinAgeDays: env.REMINDER_MIN_AGE_DAYS,
      /** requests per minute and address to an owner's page (GET and POST each) */
      ownerPageRatePerMinute: env.OWNER_PAGE_RATE_LIMIT_PER_MINUTE,
      ratePerSecond: env.NOTICE_RATE_PER_SECOND,
      ratePerDomainPerMinute: env.NOTICE_RATE_PER_DOMAIN_PER_MINUTE,
      attempts: env.NOTICE_ATTEMPTS,
    },
    // How long a worker's claim on a job lasts unrenewed: after a crash, its jobs run again this much later.
    jobs: {
      lockMs: env.JOB_LOCK_SECONDS * 1000,
      /** how often the worker queues confirmations of reports filed while Redis was down; 0: never */
      confirmationSweepMs: env.REPORT_CONFIRMATION_SWEEP_MINUTES * 60_000,
      /** how often the worker gives a job back to notices stranded without one; 0: never */
      noticeRepairSweepMs: env.NOTICE_REPAIR_SWEEP_SECONDS * 1000,
    },
    bootstrapAdmin:
      env.BAKEN_ADMIN_EMAIL && env.BAKEN_ADMIN_PASSWORD
        ? { email: env.BAKEN_ADMIN_EMAIL, password: env.BAKEN_ADMIN_PASSWORD }
        : null,
    pgp: env.PGP_SIGNING_KEY ? { signingKey: env.PGP_SIGNING_KEY, passphrase: env.PGP_SIGNING_PASSPHRASE } : null,
    uploads: { maxBytes: env.UPLOAD_MAX_BYTES, maxRows: env.UPLOAD_MAX_ROWS },
    /** How often the api loads the registry's and the fallback's changes ahead of the next upload; 0: never. */
    matcher: { refreshMs: env.MATCHER_REFRESH_SECONDS * 1000 },
    /** The worker deletes lists older than this many days (as staff would); null: lists are kept for ever. */
    lists: { retentionDays: env.LIST_RETENTION_DAYS ?? null },
    console: { mailCatcherUrl: env.MAIL_CATCHER_URL ?? null },
    demo: { catcherSmtpPort: env.MAIL_CATCHER_SMTP_PORT, catcherHttpPort: env.MAIL_CATCHER_HTTP_PORT },
    feeds: {
      // Seals feed sources' API credentials in the database; derived from JWT_SECRET unless set. Set it, so
      // that rotating JWT_SECRET does not make the stored credentials unreadable.
      secretKey: env.FEED_SECRET_KEY ?? `${env.JWT_SECRET ?? DEV_JWT_SECRET}${FEED_SUFFIX}`,
      /** A failed pull is tried this many times in all, with exponential backoff from backoffMs. */
      pullAttempts: env.FEED_PULL_ATTEMPTS,
      backoffMs: env.FEED_PULL_BACKOFF_SECONDS * 1000,
    },
    reach: {
      uploadDir: env.RIPE_UPLOAD_DIR,
      /** All the files of one RIPE upload together. */
      uploadMaxBytes: env.RIPE_UPLOAD_MAX_BYTES,
    },
    contactLookup: {
      /** security.txt and RDAP fetched by the worker after an upload (CONTACT_LOOKUP_ONLINE). */
      online: env.CONTACT_LOOKUP_ONLINE,
      timeoutMs: env.CONTACT_LOOKUP_TIMEOUT_MS,
      /** Requests in flight at once per lookup job. */
      concurrency: env.CONTACT_LOOKUP_CONCURRENCY,
      /** Requests per server (host name) per minute across all workers; 0: no limit. */
      ratePerServerPerMinute: env.CONTACT_LOOKUP_RATE_PER_SERVER_PER_MINUTE,
      /** A usable security.txt is asked for again after this (or its Expires, if sooner). */
      ttlMs: env.CONTACT_LOOKUP_TTL_HOURS * 3_600_000,
      /** No file / an unusable one / no abuse contact in RDAP: asked again after this. */
      negativeTtlMs: env.CONTACT_LOOKUP_NEGATIVE_TTL_HOURS * 3_600_000,
      /** A timeout, a refused connection, a 5xx: asked again after this. */
      failureTtlMs: env.CONTACT_LOOKUP_FAILURE_TTL_MINUTES * 60_000,
      rdapBootstrapUrl: env.RDAP_BOOTSTRAP_URL.endsWith("/") ? env.RDAP_BOOTSTRAP_URL : `${env.RDAP_BOOTSTRAP_URL}/`,
      securityTxtBaseUrl: env.SECURITY_TXT_BASE_URL?.replace(/\/+$/, "") ?? null,
      /** Besides public unicast addresses, the only ones a lookup connects to. */
      allowedNetworks: env.CONTACT_LOOKUP_ALLOWED_NETWORKS,
    },
    /** A fallback contact's notice language when its security.txt names none Baken writes, by country. */
    noticeLanguageByCountry: env.NOTICE_LANGUAGE_BY_COUNTRY as ReadonlyMap<string, Language>,
    reports: {
      maxFiles: env.REPORT_MAX_FILES,
      maxFileBytes: env.REPORT_MAX_FILE_BYTES,
      minFillSeconds: env.REPORT_MIN_FILL_SECONDS,
      ratePerHour: env.REPORT_RATE_LIMIT_PER_HOUR,
      // Signs the report form's token and its confirmation page's link; derived from JWT_SECRET
      // unless set, so rotating JWT_SECRET only invalidates forms open at that moment.
      formSecret: env.FORM_TOKEN_SECRET ?? `${env.JWT_SECRET ?? DEV_JWT_SECRET}${FORM_SUFFIX}`,
    },
  };
}

export type Config = Readonly<ReturnType<typeof shape>> & { readonly warnings: readonly string[] };

/**
 * Production signs with secrets of its own: JWT_SECRET set and not the development default published in
 * this repository (whoever read it could sign staff sessions, owner links and form tokens); the notice and
 * form secrets set, or derived from that JWT_SECRET, and never a development value either.
 */
function productionSecretProblems(env: Record<string, string | undefined>): string[] {
  const problems: string[] = [];
  const fix = "set a random value of 32+ characters (e.g. `openssl rand -base64 48`)";
  if (!env.JWT_SECRET) problems.push("JWT_SECRET: is required when NODE_ENV=production");
  for (const name of [
    "JWT_SECRET",
    "NOTICE_TOKEN_SECRET",
    "FORM_TOKEN_SECRET",
    "FEED_SECRET_KEY",
    "BOUNCE_TAG_SECRET",
  ]) {
    const value = env[name];
    if (value && DEV_SECRETS.has(value))
      problems.push(`${name}: is Baken's published development secret, refused when NODE_ENV=production; ${fix}`);
  }
  if (env.SECURITY_TXT_BASE_URL)
    problems.push("SECURITY_TXT_BASE_URL: is for tests only, refused when NODE_ENV=production");
  if (env.BAKEN_ADMIN_PASSWORD && PUBLISHED_PASSWORDS.has(env.BAKEN_ADMIN_PASSWORD))
    problems.push(
      "BAKEN_ADMIN_PASSWORD: is a password published in Baken's documentation, refused when NODE_ENV=production",
    );
  return problems;
}

/** The return paths need room for a tag in the mailbox's local part (bounceMailbox throws otherwise). */
function bounceMailboxProblems(env: Env): string[] {
  try {
    bounceMailbox(env.BOUNCE_ADDRESS, env.MAIL_FROM);
    return [];
  } catch (err) {
    return [`${env.BOUNCE_ADDRESS ? "BOUNCE_ADDRESS" : "MAIL_FROM"}: ${(err as Error).message}`];
  }
}

/** Validates the environment once; throws ConfigError naming every bad or missing variable. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  // An empty variable means "not set", as docker-compose and shells often pass them.
  const env = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = schema.safeParse(env);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
  // Checked apart from the schema so it is reported together with any other problem.
  if (env.NODE_ENV === "production") problems.push(...productionSecretProblems(env));
  if (parsed.success) problems.push(...bounceMailboxProblems(parsed.data));
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const warnings: string[] = [];
  return Object.freeze({ ...shape(parsed.data, warnings), warnings });
}
