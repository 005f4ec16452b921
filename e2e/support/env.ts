// Ports and settings of the stack the browser tests run against (scripts/e2e-stack.ts starts it).
// E2E_PORT moves the whole stack (api, catcher, SMTP, database, Redis prefix), so that two checkouts on one
// machine can run the suite at the same time.
const port = Number(process.env.E2E_PORT ?? 3100);
const catcherPort = port + 1;
const smtpPort = port + 2;
const bouncePort = port + 3;
const suffix = port === 3100 ? "" : `_${port}`;

export const E2E = {
  port,
  smtpPort,
  bouncePort,
  catcherPort,
  baseUrl: `http://127.0.0.1:${port}`,
  catcherUrl: `http://127.0.0.1:${catcherPort}`,
  admin: { email: "admin@baken.example", password: "e2e admin password" },
  // Made by scripts/e2e-stack.ts once the stack is up (the API makes the admin from BAKEN_ADMIN_*).
  analyst: { email: "analyst@baken.example", password: "e2e analyst password" },
  viewer: { email: "viewer@baken.example", password: "e2e viewer password" },
  env: {
    NODE_ENV: "test",
    LOG_LEVEL: "warn",
    HOST: "127.0.0.1",
    PORT: String(port),
    PUBLIC_BASE_URL: `http://127.0.0.1:${port}`,
    DATABASE_URL: `postgresql://postgres@127.0.0.1:5432/baken_e2e${suffix}`,
    REDIS_PREFIX: `baken-e2e${suffix.replace("_", "-")}`,
    SMTP_URL: `smtp://127.0.0.1:${smtpPort}`,
    BOUNCE_SMTP_PORT: String(bouncePort),
    MAIL_CATCHER_URL: `http://127.0.0.1:${catcherPort}`,
    BAKEN_ADMIN_EMAIL: "admin@baken.example",
    BAKEN_ADMIN_PASSWORD: "e2e admin password",
    NOTICE_RATE_PER_SECOND: "0",
    // Every spec signs in from 127.0.0.1, more than ten times a minute in all: the sign-in limits are tested
    // in the integration suite (sign-in.int.test.ts) instead.
    LOGIN_RATE_LIMIT_PER_MINUTE: "1000",
    // Browsers driven by Playwright fill a form faster than any person: the minimum fill time is tested
    // in the integration suite instead.
    REPORT_MIN_FILL_SECONDS: "0",
  },
};
