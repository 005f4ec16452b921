import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "../src/config.ts";

const problemsOf = (env: Record<string, string>) => {
  try {
    loadConfig(env);
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as ConfigError).problems;
  }
  throw new Error("expected the configuration to be refused");
};

describe("loadConfig", () => {
  it("works with no variable at all, with this machine's defaults and a warning about the secret", () => {
    const config = loadConfig({});
    expect(config.env).toBe("development");
    expect(config.http).toEqual({
      host: "127.0.0.1",
      port: 3000,
      trustProxy: false,
      shutdownGraceMs: 10_000,
      rateLimitPerMinute: 600,
    });
    expect(config.databaseUrl).toBe("postgresql://postgres@127.0.0.1:5432/baken");
    expect(config.redis).toEqual({ url: "redis://127.0.0.1:6379", prefix: "baken", rateLimitPrefix: "baken-rl" });
    expect(config.smtp.url).toBe("smtp://127.0.0.1:1025");
    expect(config.auth.jwtExpiresIn).toBe("8h");
    expect(config.auth.jwtSecret.length).toBeGreaterThanOrEqual(32);
    expect(config.bootstrapAdmin).toBeNull();
    expect(config.warnings).toEqual([expect.stringContaining("JWT_SECRET is not set")]);
  });

  it("follows PORT and HOST for the public address unless PUBLIC_BASE_URL is set", () => {
    expect(loadConfig({}).publicBaseUrl).toBe("http://localhost:3000");
    expect(loadConfig({ PORT: "3100" }).publicBaseUrl).toBe("http://localhost:3100");
    expect(loadConfig({ PORT: "3100", HOST: "0.0.0.0" }).publicBaseUrl).toBe("http://localhost:3100");
    expect(loadConfig({ PORT: "8081", HOST: "192.0.2.10" }).publicBaseUrl).toBe("http://192.0.2.10:8081");
    expect(loadConfig({ PORT: "3100", PUBLIC_BASE_URL: "" }).publicBaseUrl).toBe("http://localhost:3100");
    expect(loadConfig({ PORT: "3100", PUBLIC_BASE_URL: "https://cert.example" }).publicBaseUrl).toBe(
      "https://cert.example",
    );
  });

  it("reads and converts what is set", () => {
    const config = loadConfig({
      PORT: "8080",
      TRUST_PROXY: "1",
      PUBLIC_BASE_URL: "https://baken.example/",
      JWT_SECRET: "x".repeat(32),
      JWT_EXPIRES_IN: "15m",
      UPLOAD_MAX_ROWS: "10",
      BAKEN_ADMIN_EMAIL: "admin@baken.example",
      BAKEN_ADMIN_PASSWORD: "a long admin password",
    });
    expect(config.http.port).toBe(8080);
    expect(config.http.trustProxy).toBe(true);
    expect(config.publicBaseUrl).toBe("https://baken.example");
    expect(config.auth).toMatchObject({ jwtSecret: "x".repeat(32), jwtExpiresIn: "15m" });
    expect(config.uploads.maxRows).toBe(10);
    expect(config.bootstrapAdmin).toEqual({ email: "admin@baken.example", password: "a long admin password" });
    expect(config.warnings).toEqual([]);
  });

  it("treats an empty variable as not set", () => {
    expect(loadConfig({ PORT: "", REDIS_URL: "" }).http.port).toBe(3000);
  });

  it("keeps lists for ever unless LIST_RETENTION_DAYS is a whole number of days, at least one", () => {
    expect(loadConfig({}).lists.retentionDays).toBeNull();
    expect(loadConfig({ LIST_RETENTION_DAYS: "" }).lists.retentionDays).toBeNull();
    expect(loadConfig({ LIST_RETENTION_DAYS: "90" }).lists.retentionDays).toBe(90);
    for (const bad of ["0", "-3", "1.5", "ninety"]) {
      expect(problemsOf({ LIST_RETENTION_DAYS: bad })).toEqual([expect.stringMatching(/^LIST_RETENTION_DAYS: /)]);
    }
  });

  it("names a bad variable", () => {
    expect(problemsOf({ PORT: "abc" })).toEqual([expect.stringMatching(/^PORT: /)]);
    expect(problemsOf({ PORT: "70000" })).toEqual([expect.stringMatching(/^PORT: /)]);
    expect(problemsOf({ DATABASE_URL: "not a url" })).toEqual([expect.stringMatching(/^DATABASE_URL: /)]);
    expect(problemsOf({ JWT_EXPIRES_IN: "forever" })).toEqual(["JWT_EXPIRES_IN: a duration such as 15m, 1h or 8h"]);
    expect(problemsOf({ REDIS_PREFIX: "a:b" })).toEqual(["REDIS_PREFIX: letters, digits, _ and - only"]);
    expect(problemsOf({ TRUST_PROXY: "yes" })).toEqual([expect.stringMatching(/^TRUST_PROXY: /)]);
  });

  it("requires JWT_SECRET in production, and a long one whenever it is set", () => {
    expect(problemsOf({ NODE_ENV: "production" })).toEqual(["JWT_SECRET: is required when NODE_ENV=production"]);
    expect(problemsOf({ JWT_SECRET: "short" })).toEqual(["JWT_SECRET: must be at least 32 characters"]);
    const config = loadConfig({ NODE_ENV: "production", JWT_SECRET: "y".repeat(40) });
    expect(config.auth.jwtSecret).toBe("y".repeat(40));
    expect(config.warnings).toEqual([]);
  });

  it("refuses the published development secret in production, for every secret", () => {
    const dev = "baken-development-secret-do-not-use-in-production";
    const refused = (name: string) =>
      `${name}: is Baken's published development secret, refused when NODE_ENV=production; set a random value of 32+ characters (e.g. \`openssl rand -base64 48\`)`;
    expect(problemsOf({ NODE_ENV: "production", JWT_SECRET: dev })).toEqual([refused("JWT_SECRET")]);
    const good = "z".repeat(40);
    expect(
      problemsOf({ NODE_ENV: "production", JWT_SECRET: good, NOTICE_TOKEN_SECRET: `${dev}:notice-links` }),
    ).toEqual([refused("NOTICE_TOKEN_SECRET")]);
    expect(problemsOf({ NODE_ENV: "production", JWT_SECRET: good, FORM_TOKEN_SECRET: `${dev}:report-forms` })).toEqual([
      refused("FORM_TOKEN_SECRET"),
    ]);
    expect(problemsOf({ NODE_ENV: "production", JWT_SECRET: good, FEED_SECRET_KEY: `${dev}:feed-secrets` })).toEqual([
      refused("FEED_SECRET_KEY"),
    ]);
    // Outside production the default stays usable, with its warning.
    expect(loadConfig({ JWT_SECRET: dev }).auth.jwtSecret).toBe(dev);
  });

  it("refuses in production the admin passwords published in the README and docker-compose", () => {
    const good = "g".repeat(40);
    const refused =
      "BAKEN_ADMIN_PASSWORD: is a password published in Baken's documentation, refused when NODE_ENV=production";
    for (const password of ["change-me-baken-admin", "proxylogon-demo-2021"])
      expect(problemsOf({ NODE_ENV: "production", JWT_SECRET: good, BAKEN_ADMIN_PASSWORD: password })).toEqual([
        refused,
      ]);
    const development = { BAKEN_ADMIN_EMAIL: "admin@baken.example", BAKEN_ADMIN_PASSWORD: "change-me-baken-admin" };
    expect(loadConfig(development).bootstrapAdmin).toEqual({
      email: "admin@baken.example",
      password: "change-me-baken-admin",
    });
  });

  it("in production, derives the notice and form secrets from the production JWT_SECRET, or takes them as set", () => {
    const derived = loadConfig({ NODE_ENV: "production", JWT_SECRET: "p".repeat(40) });
    const dev = loadConfig({});
    expect(derived.notices.tokenSecret).not.toBe(dev.notices.tokenSecret);
    expect(derived.reports.formSecret).not.toBe(dev.reports.formSecret);
    expect(derived.notices.tokenSecret).toContain("p".repeat(40));
    expect(derived.reports.formSecret).toContain("p".repeat(40));
    const set = loadConfig({
      NODE_ENV: "production",
      JWT_SECRET: "p".repeat(40),
      NOTICE_TOKEN_SECRET: "n".repeat(32),
      FORM_TOKEN_SECRET: "f".repeat(32),
    });
    expect(set.notices.tokenSecret).toBe("n".repeat(32));
    expect(set.reports.formSecret).toBe("f".repeat(32));
    expect(derived.feeds.secretKey).toContain("p".repeat(40));
    expect(loadConfig({ FEED_SECRET_KEY: "k".repeat(32) }).feeds.secretKey).toBe("k".repeat(32));
    expect(problemsOf({ FORM_TOKEN_SECRET: "short" })).toEqual(["FORM_TOKEN_SECRET: must be at least 32 characters"]);
  });

  it("reports every problem at once, in the error's message too", () => {
    const problems = problemsOf({ NODE_ENV: "production", PORT: "abc", BAKEN_ADMIN_PASSWORD: "short" });
    expect(problems.map((p) => p.split(":")[0]).sort()).toEqual(["BAKEN_ADMIN_PASSWORD", "JWT_SECRET", "PORT"]);
    expect(() => loadConfig({ PORT: "abc", SMTP_POOL_SIZE: "0" })).toThrow(
      /Invalid configuration:\n {2}- PORT: .*\n {2}- SMTP_POOL_SIZE: /,
    );
  });

  it("keeps notice links valid when the session secret rotates, if NOTICE_TOKEN_SECRET is set", () => {
    const a = loadConfig({ JWT_SECRET: "a".repeat(32), NOTICE_TOKEN_SECRET: "n".repeat(32) });
    const b = loadConfig({ JWT_SECRET: "b".repeat(32), NOTICE_TOKEN_SECRET: "n".repeat(32) });
    expect(a.notices.tokenSecret).toBe(b.notices.tokenSecret);
    expect(loadConfig({ JWT_SECRET: "a".repeat(32) }).notices.tokenSecret).not.toBe(a.auth.jwtSecret);
  });

  it("derives the bounce return paths from MAIL_FROM unless BOUNCE_ADDRESS is set, and refuses one without room for a tag", () => {
    const defaults = loadConfig({});
    expect(defaults.bounces.mailbox).toEqual({ local: "cert", domain: "baken.example" });
    expect(defaults.bounces.listener).toEqual({ port: 2525, host: "127.0.0.1" });
    expect(defaults.bounces.tagSecret).not.toBe(defaults.notices.tokenSecret);
    expect(loadConfig({ BOUNCE_ADDRESS: "bounces@cert.example" }).bounces.mailbox).toEqual({
      local: "bounces",
      domain: "cert.example",
    });
    expect(loadConfig({ BOUNCE_SMTP_PORT: "0" }).bounces.listener).toBeNull();
    expect(problemsOf({ BOUNCE_ADDRESS: `${"b".repeat(25)}@cert.example` })).toEqual([
      expect.stringMatching(/^BOUNCE_ADDRESS: .*no room for a bounce tag/),
    ]);
    expect(problemsOf({ MAIL_FROM: `CERT <${"c".repeat(30)}@cert.example>` })[0]).toMatch(/^MAIL_FROM: /);
    expect(problemsOf({ BOUNCE_TAG_SECRET: "short" })).toEqual(["BOUNCE_TAG_SECRET: must be at least 32 characters"]);
    const dev = "baken-development-secret-do-not-use-in-production";
    expect(
      problemsOf({ NODE_ENV: "production", JWT_SECRET: "p".repeat(40), BOUNCE_TAG_SECRET: `${dev}:bounce-tags` }),
    ).toEqual([expect.stringMatching(/^BOUNCE_TAG_SECRET: is Baken's published development secret/)]);
  });

  it("keeps online contact lookups off by default, reads their limits, and the notice language by country", () => {
    const off = loadConfig({});
    expect(off.contactLookup).toMatchObject({
      online: false,
      timeoutMs: 5_000,
      rdapBootstrapUrl: "https://data.iana.org/rdap/",
      securityTxtBaseUrl: null,
      allowedNetworks: [],
    });
    expect(off.noticeLanguageByCountry.get("BE")).toBe("nl");
    expect(off.noticeLanguageByCountry.get("LU")).toBe("fr");
    const on = loadConfig({
      CONTACT_LOOKUP_ONLINE: "true",
      CONTACT_LOOKUP_NEGATIVE_TTL_HOURS: "2",
      RDAP_BOOTSTRAP_URL: "http://127.0.0.1:9/rdap",
      SECURITY_TXT_BASE_URL: "http://127.0.0.1:9/",
      CONTACT_LOOKUP_ALLOWED_NETWORKS: "127.0.0.0/8, 10.9.0.0/16",
      NOTICE_LANGUAGE_BY_COUNTRY: "be:FR, ch:de",
    });
    expect(on.contactLookup).toMatchObject({
      online: true,
      negativeTtlMs: 7_200_000,
      rdapBootstrapUrl: "http://127.0.0.1:9/rdap/",
      securityTxtBaseUrl: "http://127.0.0.1:9",
      allowedNetworks: ["127.0.0.0/8", "10.9.0.0/16"],
    });
    expect([...on.noticeLanguageByCountry]).toEqual([
      ["BE", "fr"],
      ["CH", "de"],
    ]);
    expect(problemsOf({ NOTICE_LANGUAGE_BY_COUNTRY: "BE:nl,IT:it" })).toEqual([
      expect.stringMatching(/^NOTICE_LANGUAGE_BY_COUNTRY: 'IT:it' is not COUNTRY:LANGUAGE/),
    ]);
    expect(problemsOf({ CONTACT_LOOKUP_ONLINE: "yes" })[0]).toMatch(/^CONTACT_LOOKUP_ONLINE: /);
    expect(
      problemsOf({ NODE_ENV: "production", JWT_SECRET: "p".repeat(40), SECURITY_TXT_BASE_URL: "http://127.0.0.1:9" }),
    ).toEqual(["SECURITY_TXT_BASE_URL: is for tests only, refused when NODE_ENV=production"]);
  });

  it("returns a frozen object", () => {
    expect(Object.isFrozen(loadConfig({}))).toBe(true);
  });
});
