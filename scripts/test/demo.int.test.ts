import { SmtpSink, startProcess, type RunningProcess } from "@baken/testing";
import { createServer } from "node:net";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";

// The README's start command, run as a new user runs it: `npm run demo` (its own database, this test's
// SMTP sink instead of the demo's catcher), then Ctrl-C.

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const demoDatabase = () => {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `${url.pathname}_demo`;
  return url;
};

async function dropDemoDatabase() {
  const url = demoDatabase();
  const name = url.pathname.slice(1);
  url.pathname = "/postgres";
  const client = new pg.Client({ connectionString: url.toString() });
  await client.connect();
  await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  await client.end();
}

type Auth = { authorization: string };

/** The past campaign's bounced notice and delivery figures, as the console reads them. */
async function bouncedNotice(base: string, auth: Auth) {
  const { campaigns } = await (await fetch(`${base}/api/campaigns`, { headers: auth })).json();
  const past = campaigns.find((c: { name: string }) => c.name.startsWith("Exchange ProxyShell"));
  const list = await (await fetch(`${base}/api/campaigns/${past.id}/notices?status=bounced`, { headers: auth })).json();
  expect(list.notices).toHaveLength(1);
  return {
    campaignId: past.id as string,
    delivery: list.delivery,
    notice: list.notices[0] as {
      id: string;
      redirectId: string;
      organization: { id: string };
    } & Record<string, unknown>,
  };
}

describe("npm run demo", () => {
  const sink = new SmtpSink();
  let demo: RunningProcess | undefined;
  afterAll(async () => {
    // A test that failed midway leaves the demo running: Ctrl-C first, so it stops its api and worker (a
    // SIGKILL would leave them running on their own), then the SIGKILL if it did not end within 20 s.
    if (demo && demo.child.exitCode === null && demo.child.signalCode === null) {
      demo.child.kill("SIGINT");
      await Promise.race([demo.exited, new Promise((r) => setTimeout(r, 20_000).unref())]);
    }
    await demo?.stop();
    await sink.stop();
    await dropDemoDatabase();
  });

  it("starts api and worker with the demo data, bounces and redirects one past notice (its only mail), stops cleanly on Ctrl-C, and runs again on what it stored", async () => {
    await sink.start();
    const port = await freePort();
    const base = `http://127.0.0.1:${port}`;
    const env = {
      PORT: String(port),
      PUBLIC_BASE_URL: base,
      DATABASE_URL: demoDatabase().toString(),
      SMTP_URL: sink.url,
      // The worker's bounce listener, which the demo's bounced notice comes back through.
      BOUNCE_SMTP_PORT: String(await freePort()),
      LOG_LEVEL: "warn",
    };
    demo = startProcess("scripts/demo.ts", env, ["--reset"]);
    await demo.waitForOutput(/Baken is running/, 240_000);
    expect(demo.stdout).toContain("registry imported: 5000 created, 0 updated, 0 rejected");
    expect(demo.stdout).toMatch(/list uploaded: \d+ accepted/);
    expect(demo.stdout).toContain(`Staff console   ${base}/console/`);
    expect(demo.stdout).toContain("admin   admin@baken.example");
    expect(demo.stdout).toContain("Password        proxylogon-demo-2021");
    expect(demo.stderr).not.toContain("✗");

    const login = await fetch(`${base}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email: "analyst@baken.example", password: "proxylogon-demo-2021" }),
    });
    expect(login.status).toBe(200);
    const auth = { authorization: `Bearer ${(await login.json()).token}` };
    const campaigns = await (await fetch(`${base}/api/campaigns`, { headers: auth })).json();
    expect(JSON.stringify(campaigns)).toContain("Exchange ProxyLogon, March 2021");
    const lists = await (await fetch(`${base}/api/lists`, { headers: auth })).json();
    expect(JSON.stringify(lists)).toContain('"rows":1170');
    // The demo loads a RIPE dump before the list: the hosts nobody registered reach their network's abuse desk.
    expect(demo.stdout).toMatch(/RIPE import \d+ active: \d+ prefixes/);
    const demoList = lists.lists.find((l: { rows: number }) => l.rows === 1170);
    const detail = await (await fetch(`${base}/api/lists/${demoList.id}`, { headers: auth })).json();
    const { registered, abuseContact, bySource, nobody } = detail.summary.coverage;
    expect(registered + abuseContact + nobody).toBe(detail.summary.exposures);
    expect(registered).toBeGreaterThan(1000);
    expect(abuseContact).toBeGreaterThan(30);
    expect(bySource.network).toBe(abuseContact);
    expect(nobody).toBeLessThanOrEqual(5);
    expect(demo.stdout).toContain(`${abuseContact} an abuse contact, ${nobody} nobody`);
    const consolePage = await fetch(`${base}/console/`);
    expect(consolePage.status).toBe(200);
    expect(await consolePage.text()).toContain("<div id=");

    // One notice of the past campaign bounced through the worker's listener and went once to its fallback:
    // the only mail the demo caused.
    const [, reference, dead, fallback] = demo.stdout.match(
      /(BAKEN#\S+) to (\S+) bounced \(5\.1\.1, user unknown\); redirected once to (\S+)/,
    )!;
    expect(sink.mails.map((m) => m.envelope.to)).toEqual([[fallback]]);
    const bounced = await bouncedNotice(base, auth);
    expect(bounced.delivery).toEqual({ delivered: expect.any(Number), bounced: 1, redirected: 1, noContactLeft: 0 });
    expect(bounced.notice).toMatchObject({ reference, recipients: [dead], status: "bounced" });
    expect(sink.mails[0]!.parsed.messageId).toMatch(new RegExp(`^<${bounced.notice.redirectId}@`));
    const story = await (
      await fetch(`${base}/api/campaigns/${bounced.campaignId}/notices/${bounced.notice.id}/delivery`, {
        headers: auth,
      })
    ).json();
    expect(story.outcomes).toContainEqual(
      expect.objectContaining({ recipient: dead, kind: "failed", stage: "report", status: "5.1.1" }),
    );
    expect(story.messages.map((m: { kind: string; tag: string }) => [m.kind, m.tag])).toEqual([["bounce", "valid"]]);
    expect(story.redirect).toMatchObject({ recipients: [fallback], status: "sent" });
    const org = await (
      await fetch(`${base}/api/organizations/${bounced.notice.organization.id}`, { headers: auth })
    ).json();
    expect(org.delivery).toMatchObject({ fallbackEmail: fallback, noDeliverableContactSince: null });
    expect(org.contacts).toEqual([
      expect.objectContaining({
        email: dead,
        health: expect.objectContaining({ deliverable: false, status: "5.1.1" }),
      }),
    ]);
    const toFix = await (await fetch(`${base}/api/organizations/contacts-to-fix`, { headers: auth })).json();
    expect(toFix.contacts.map((c: { email: string }) => c.email)).toEqual([dead]);

    demo.child.kill("SIGINT");
    expect(await demo.exited).toEqual({ code: 0, signal: null });
    await expect(fetch(`${base}/healthz`)).rejects.toThrow();

    // Run again on what the first run stored: the active RIPE import is kept, not imported twice; the
    // bounced notice is not bounced again.
    demo = startProcess("scripts/demo.ts", env, []);
    await demo.waitForOutput(/Baken is running/, 240_000);
    expect(demo.stdout).toContain("a RIPE import is already active (kept)");
    expect(demo.stdout).toContain("list already uploaded");
    expect(demo.stdout).toContain(`${reference} to ${dead} bounced in an earlier run; redirected once to ${fallback}`);
    expect(demo.stderr).not.toContain("✗");
    // Not bounced nor redirected again.
    expect(sink.mails).toHaveLength(1);
    const again = await bouncedNotice(base, auth);
    expect([again.delivery.bounced, again.delivery.redirected, again.notice.id]).toEqual([1, 1, bounced.notice.id]);
    demo.child.kill("SIGINT");
    expect(await demo.exited).toEqual({ code: 0, signal: null });
    // Two whole starts (each allowed 240 s above to print its banner) on a machine other suites share: a
    // guard against a hang, not a speed target.
  }, 600_000);
});
