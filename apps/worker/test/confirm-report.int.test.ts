import { validateReport } from "@baken/core";
import { createProducer, createRedis, QUEUES } from "@baken/queue";
import { submitReport } from "@baken/services";
import { SmtpSink, waitFor } from "@baken/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker } from "./helper.ts";

describe("confirm-report job", () => {
  let sink: SmtpSink;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;

  async function newReport(language: "de" | "en", ctx = worker.ctx) {
    const email = `reporter-${randomUUID()}@example.de`;
    const checked = validateReport(
      {
        reporterKind: ["public-sector"],
        name: ["Jana Schmitz"],
        email: [email],
        organization: ["Gemeinde Eupen"],
        relation: ["victim"],
        rsitClass: ["availability"],
        rsitType: ["ddos"],
        ongoing: ["no"],
        description: ["Die Website der Gemeinde war drei Stunden lang nicht erreichbar."],
        consent: ["yes"],
      },
      { timeZone: "Europe/Brussels" },
    );
    if (!checked.ok) throw new Error(JSON.stringify(checked.problems));
    const report = await submitReport(
      ctx,
      { id: null, ip: "192.0.2.7" },
      { draft: checked.draft, language, attachments: [], formNonce: randomUUID() },
    );
    if (report.formUsed) throw new Error("a fresh form nonce was refused as used");
    return { ...report, email };
  }

  beforeAll(async () => {
    sink = await new SmtpSink().start();
    worker = await startTestWorker(sink.url);
  });
  afterAll(async () => {
    await worker.close();
    await sink.stop();
  });

  it("mails the confirmation in the report's language and records it as sent", async () => {
    const report = await newReport("de");
    const mail = await waitFor(() => sink.mails.find((m) => m.envelope.to.includes(report.email)), { what: "mail" });
    expect(mail.parsed.subject).toBe(`Wir haben Ihre Meldung ${report.reference} erhalten`);
    expect(mail.parsed.headers.get("content-language")).toBe("de");
    expect(mail.parsed.headers.get("auto-submitted")).toBe("auto-generated");
    expect(mail.parsed.text).toContain(
      "- Art des Vorfalls: Störung eines Dienstes – Distributed Denial of Service (DDoS)",
    );
    expect(mail.parsed.text).toContain("- Dauert noch an: Nein");
    expect(mail.parsed.replyTo?.text).toBe("incident@baken.example");
    const stored = await waitFor(async () =>
      worker.ctx.db.prisma.incidentReport.findFirst({ where: { id: report.id, confirmationSentAt: { not: null } } }),
    );
    expect(stored.confirmationMessageId).toBe(mail.parsed.messageId);
  });

  it("gives up at once when the mail server refuses the address, leaving the report unconfirmed", async () => {
    sink.respond = ({ to }) =>
      to.some((t) => t.startsWith("reporter-")) ? { code: 550, message: "5.1.1 no such user" } : undefined;
    try {
      const report = await newReport("en");
      const queue = worker.ctx.producer.queue(QUEUES.mail);
      const jobId = `report-${report.id}`;
      await waitFor(async () => (await queue.getJobState(jobId)) === "failed", { what: "failed job" });
      // Read after the state: a job fetched while still active shows the attempts made before this one.
      const job = (await queue.getJob(jobId))!;
      expect(job.attemptsMade).toBe(1);
      expect(job.failedReason).toContain("no such user");
      const stored = await worker.ctx.db.prisma.incidentReport.findUniqueOrThrow({ where: { id: report.id } });
      expect(stored.confirmationSentAt).toBeNull();
    } finally {
      sink.respond = () => undefined;
    }
  });

  it("is confirmed while the notices queue is stuck behind a campaign", async () => {
    const notices = worker.ctx.producer.queue(QUEUES.notices);
    await notices.pause();
    try {
      const report = await newReport("en");
      await waitFor(() => sink.mails.find((m) => m.envelope.to.includes(report.email)), { what: "mail" });
      expect(await notices.isPaused()).toBe(true);
    } finally {
      await notices.resume();
    }
  });

  it("still confirms a report filed while Redis was down, once a worker starts", async () => {
    // A producer whose Redis connection has dropped: every command fails at once, as in the API during an outage.
    const lostRedis = createRedis(worker.ctx.config.redis.url, "producer");
    const producer = createProducer(lostRedis, worker.ctx.config.redis.prefix, 1);
    await producer.queue(QUEUES.mail).waitUntilReady();
    lostRedis.disconnect();
    let report;
    try {
      report = await newReport("en", { ...worker.ctx, producer });
    } finally {
      await producer.close();
    }
    expect(report.confirmationQueued).toBe(false);
    const stored = await worker.ctx.db.prisma.incidentReport.findUniqueOrThrow({ where: { id: report.id } });
    expect(stored.confirmationSentAt).toBeNull();

    // The sweep is off elsewhere in the suite (other files' reports would be mailed): on here, as in production.
    const restarted = await startTestWorker(sink.url, { REPORT_CONFIRMATION_SWEEP_MINUTES: "5" });
    try {
      const email = report.email;
      const mail = await waitFor(() => sink.mails.find((m) => m.envelope.to.includes(email)), { what: "mail" });
      expect(mail.parsed.subject).toContain(report.reference);
      await waitFor(async () =>
        worker.ctx.db.prisma.incidentReport.findFirst({ where: { id: report.id, confirmationSentAt: { not: null } } }),
      );
    } finally {
      await restarted.close();
    }
    expect(sink.mails.filter((m) => m.envelope.to.includes(report.email))).toHaveLength(1);
  });
});
