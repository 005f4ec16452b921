import { sendReportReply } from "@baken/services";
import { SmtpSink, waitFor } from "@baken/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker } from "../../worker/test/helper.ts";
import type { App } from "../src/app.ts";
import { bearer, buildTestApp, signIn, type TestStaff } from "./helper.ts";
import { postReport, validFields } from "./report-helper.ts";

describe("triage: a colleague, a priority, a due date and a reply to the reporter", () => {
  let app: App;
  let sink: SmtpSink;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  let analyst: TestStaff;
  let colleague: TestStaff;
  let viewer: TestStaff;

  beforeAll(async () => {
    app = await buildTestApp({ REPORT_MIN_FILL_SECONDS: "0" });
    sink = await new SmtpSink().start();
    worker = await startTestWorker(sink.url);
    [analyst, colleague, viewer] = await Promise.all([
      signIn(app, "analyst"),
      signIn(app, "analyst"),
      signIn(app, "viewer"),
    ]);
  });
  afterAll(async () => {
    await worker.close();
    await sink.stop();
    await app.close();
  });

  async function report(lang: "nl" | "fr" | "de" | "en") {
    const fields = validFields();
    const res = await postReport(app, fields, { lang });
    if (res.statusCode !== 303) throw new Error(res.body);
    const reference = /CERT-\d{4}-\d{6}/.exec(res.headers.location as string)![0];
    const { id } = await app.ctx.db.prisma.incidentReport.findUniqueOrThrow({ where: { reference } });
    return { id, reference, email: fields.email as string };
  }

  it("assigns a report to a colleague with a priority and a due date, each audited", async () => {
    const r = await report("en");
    const assignees = await app.inject({ url: "/api/reports/assignees", headers: bearer(analyst) });
    expect(assignees.json().staff.map((s: { id: string }) => s.id)).toEqual(
      expect.arrayContaining([analyst.id, colleague.id]),
    );
    expect(assignees.json().staff.map((s: { id: string }) => s.id)).not.toContain(viewer.id);
    const res = await app.inject({
      method: "PATCH",
      url: `/api/reports/${r.id}`,
      headers: bearer(analyst),
      payload: { assigneeId: colleague.id, priority: "urgent", dueAt: "2026-12-24" },
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      assignee: { id: colleague.id },
      priority: "urgent",
      dueAt: "2026-12-24T00:00:00.000Z",
    });
    const actions = (
      await app.ctx.db.prisma.auditEvent.findMany({ where: { subjectType: "incident_report", subjectId: r.id } })
    ).map((e) => e.action);
    expect(actions).toEqual(expect.arrayContaining(["report.assign", "report.priority", "report.due"]));
    const bad = await app.inject({
      method: "PATCH",
      url: `/api/reports/${r.id}`,
      headers: bearer(analyst),
      payload: { priority: "whenever" },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("priority");
  });

  it("mails a reply in the report's language, once, and keeps it in the report's history", async () => {
    const r = await report("nl");
    const body = "Dank u. Kunt u ons de logbestanden van 3 maart bezorgen?\n\nMet vriendelijke groeten";
    const res = await app.inject({
      method: "POST",
      url: `/api/reports/${r.id}/replies`,
      headers: bearer(analyst),
      payload: { body },
    });
    expect(res.statusCode).toBe(202);
    expect(res.json().queued).toBe(true);
    const mail = await waitFor(
      () =>
        sink.mails.find(
          (m) => m.envelope.to.includes(r.email) && m.parsed.subject === `Uw incidentmelding ${r.reference}`,
        ),
      { what: "the reply mail" },
    );
    expect(mail.parsed.text).toContain("Kunt u ons de logbestanden");
    expect(mail.parsed.text).toContain(`Over uw incidentmelding ${r.reference}:`);
    expect(mail.parsed.headers.get("content-language")).toBe("nl");

    const detail = await waitFor(
      async () => {
        const d = (await app.inject({ url: `/api/reports/${r.id}`, headers: bearer(viewer) })).json();
        return d.replies[0]?.sentAt ? d : null;
      },
      { what: "the reply marked sent" },
    );
    expect(detail.replies).toEqual([
      expect.objectContaining({
        body,
        language: "nl",
        to: r.email,
        author: expect.objectContaining({ email: analyst.email }),
      }),
    ]);
    // A second run of the job (a stalled job taken over) mails nobody twice.
    expect(await sendReportReply(worker.ctx, { replyId: detail.replies[0].id })).toEqual({ status: "already-sent" });
    expect(sink.mails.filter((m) => m.parsed.subject === `Uw incidentmelding ${r.reference}`)).toHaveLength(1);
    const audit = await app.ctx.db.prisma.auditEvent.findFirst({ where: { subjectId: r.id, action: "report.reply" } });
    expect(audit?.actorId).toBe(analyst.id);
  });

  it("refuses an empty reply and a viewer's", async () => {
    const r = await report("fr");
    const empty = await app.inject({
      method: "POST",
      url: `/api/reports/${r.id}/replies`,
      headers: bearer(analyst),
      payload: { body: "   " },
    });
    expect(empty.statusCode).toBe(400);
    const byViewer = await app.inject({
      method: "POST",
      url: `/api/reports/${r.id}/replies`,
      headers: bearer(viewer),
      payload: { body: "Bonjour" },
    });
    expect(byViewer.statusCode).toBe(403);
    expect(await app.ctx.db.prisma.reportReply.count({ where: { reportId: r.id } })).toBe(0);
  });
});
