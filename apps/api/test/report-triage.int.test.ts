import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.ts";
import { bearer, buildTestApp, signIn, type TestStaff } from "./helper.ts";
import { postReport, validFields } from "./report-helper.ts";

const EXE_AS_ZIP = Buffer.concat([Buffer.from("PK\x03\x04"), Buffer.from("<script>alert(1)</script>")]);

describe("staff triage of incident reports", () => {
  let app: App;
  let viewer: TestStaff;
  let analyst: TestStaff;
  let admin: TestStaff;

  /** A fresh report from the public form; returns its id and reference. */
  async function report(
    overrides: Record<string, string | string[]> = {},
    files = [] as { filename: string; content: Buffer | string }[],
  ) {
    const res = await postReport(app, validFields(overrides), { files, lang: "fr" });
    if (res.statusCode !== 303) throw new Error(res.body);
    const reference = /CERT-\d{4}-\d{6}/.exec(res.headers.location as string)![0];
    const { id } = await app.ctx.db.prisma.incidentReport.findUniqueOrThrow({
      where: { reference },
      select: { id: true },
    });
    return { id, reference };
  }
  const auditOf = (id: string) =>
    app.ctx.db.prisma.auditEvent.findMany({
      where: { subjectType: "incident_report", subjectId: id },
      orderBy: { id: "asc" },
    });

  beforeAll(async () => {
    app = await buildTestApp({ REPORT_MIN_FILL_SECONDS: "0" });
    [viewer, analyst, admin] = await Promise.all([signIn(app, "viewer"), signIn(app, "analyst"), signIn(app, "admin")]);
  });
  afterAll(() => app.close());

  it("lists reports with filters, text search and paging, with human RSIT names", async () => {
    const word = `Zebra${randomUUID().slice(0, 8)}`;
    const a = await report({ description: `Phishing mail about ${word}`, rsitClass: "fraud", rsitType: "phishing" });
    const b = await report({ organization: `${word} NV`, rsitClass: "availability", rsitType: "ddos" });
    await report({ rsitClass: "fraud", rsitType: "" });

    const res = await app.inject({ url: `/api/reports?q=${word.toLowerCase()}&lang=nl`, headers: bearer(viewer) });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.total).toBe(2);
    expect(body.items.map((i: { id: string }) => i.id).sort()).toEqual([a.id, b.id].sort());
    const phishing = body.items.find((i: { id: string }) => i.id === a.id);
    expect(phishing.rsit).toEqual({
      class: "fraud",
      type: "phishing",
      className: "Fraude en phishing",
      typeName: "Phishing",
    });
    expect(phishing).toMatchObject({
      status: "new",
      language: "fr",
      reporterKindName: "Een bedrijf",
      attachmentCount: 0,
    });

    const fraud = await app.inject({ url: `/api/reports?q=${word}&rsitClass=fraud`, headers: bearer(viewer) });
    expect(fraud.json().items.map((i: { id: string }) => i.id)).toEqual([a.id]);
    const today = new Date().toISOString().slice(0, 10);
    const dated = await app.inject({
      url: `/api/reports?q=${word}&from=${today}&to=${today}&status=new`,
      headers: bearer(viewer),
    });
    expect(dated.json().total).toBe(2);
    const before = await app.inject({ url: `/api/reports?q=${word}&to=2000-01-01`, headers: bearer(viewer) });
    expect(before.json().total).toBe(0);
    const paged = await app.inject({ url: `/api/reports?q=${word}&pageSize=1&page=2`, headers: bearer(viewer) });
    expect(paged.json()).toMatchObject({ total: 2, page: 2, pageSize: 1 });
    expect(paged.json().items).toHaveLength(1);

    expect((await app.inject({ url: "/api/reports?status=open", headers: bearer(viewer) })).statusCode).toBe(400);
    expect((await app.inject({ url: "/api/reports" })).statusCode).toBe(401);
  });

  it("moves a report through triage, assigns it and keeps notes, auditing every change", async () => {
    const { id, reference } = await report();
    const patch = (staff: TestStaff, payload: object) =>
      app.inject({ method: "PATCH", url: `/api/reports/${id}`, headers: bearer(staff), payload });

    expect((await patch(viewer, { status: "triaged" })).statusCode).toBe(403);
    const skip = await patch(analyst, { status: "in_progress" });
    expect(skip.statusCode).toBe(409);
    expect(skip.json().message).toContain("cannot go from new to in_progress");

    const triaged = await patch(analyst, { status: "triaged", assigneeId: analyst.id });
    expect(triaged.statusCode).toBe(200);
    expect(triaged.json()).toMatchObject({ status: "triaged", assignee: { id: analyst.id, email: analyst.email } });
    expect((await patch(analyst, { assigneeId: viewer.id })).statusCode).toBe(400);
    expect((await patch(analyst, { status: "in_progress", assigneeId: admin.id })).json()).toMatchObject({
      status: "in_progress",
      assignee: { id: admin.id },
    });

    const noResolution = await patch(analyst, { status: "closed" });
    expect(noResolution.statusCode).toBe(400);
    expect(noResolution.json().details).toEqual([{ field: "resolution", message: "say how the report was resolved" }]);
    expect((await patch(analyst, { resolution: "too early" })).statusCode).toBe(400);

    const note = await app.inject({
      method: "POST",
      url: `/api/reports/${id}/notes`,
      headers: bearer(analyst),
      payload: { body: "Called the reporter; backups are intact." },
    });
    expect(note.statusCode).toBe(201);
    expect(note.json()).toMatchObject({ body: "Called the reporter; backups are intact.", author: analyst.email });
    expect(
      (
        await app.inject({
          method: "POST",
          url: `/api/reports/${id}/notes`,
          headers: bearer(viewer),
          payload: { body: "x" },
        })
      ).statusCode,
    ).toBe(403);

    const closed = await patch(analyst, {
      status: "closed",
      resolution: "Servers restored from backup; advice given.",
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json()).toMatchObject({
      status: "closed",
      resolution: "Servers restored from backup; advice given.",
    });

    const detail = await app.inject({ url: `/api/reports/${id}`, headers: bearer(viewer) });
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({
      reference,
      status: "closed",
      rsit: { class: "intrusions", type: "system-compromise", className: "Break-in", typeName: "System compromised" },
      description: expect.stringContaining("ransom note"),
      notes: [{ body: "Called the reporter; backups are intact.", author: analyst.email }],
    });

    const audit = await auditOf(id);
    expect(audit.map((e) => e.action)).toEqual([
      "report.submit",
      "report.status",
      "report.assign",
      "report.status",
      "report.assign",
      "report.note",
      "report.status",
    ]);
    expect(audit.at(-1)).toMatchObject({
      actorId: analyst.id,
      details: { from: "in_progress", to: "closed", resolution: "Servers restored from backup; advice given." },
    });
    expect(audit[2]).toMatchObject({
      actorId: analyst.id,
      details: { from: null, to: analyst.id, email: analyst.email },
    });
  });

  it("lets staff only download attachments, as inert downloads, and audits who did", async () => {
    const { id } = await report({}, [
      { filename: "sample.zip", content: EXE_AS_ZIP },
      { filename: "journal d'accès.log", content: "GET /admin 200\n" },
    ]);
    const detail = (await app.inject({ url: `/api/reports/${id}`, headers: bearer(viewer) })).json();
    expect(detail.attachmentCount).toBe(2);
    const zip = detail.attachments.find((a: { fileName: string }) => a.fileName === "sample.zip");
    expect(zip).toMatchObject({ contentType: "application/zip", size: EXE_AS_ZIP.length });
    expect(zip).not.toHaveProperty("data");

    const url = `/api/reports/${id}/attachments/${zip.id}`;
    expect((await app.inject({ url })).statusCode).toBe(401);
    const res = await app.inject({ url, headers: bearer(viewer) });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toBe("application/octet-stream");
    expect(res.headers["content-disposition"]).toBe(`attachment; filename="sample.zip"; filename*=UTF-8''sample.zip`);
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.rawPayload.equals(EXE_AS_ZIP)).toBe(true);

    const log = detail.attachments.find((a: { fileName: string }) => a.fileName.endsWith(".log"));
    const named = await app.inject({ url: `/api/reports/${id}/attachments/${log.id}`, headers: bearer(analyst) });
    expect(named.headers["content-disposition"]).toBe(
      `attachment; filename="journal d'acc_s.log"; filename*=UTF-8''journal%20d'acc%C3%A8s.log`,
    );

    const other = await report();
    expect(
      (await app.inject({ url: `/api/reports/${other.id}/attachments/${zip.id}`, headers: bearer(viewer) })).statusCode,
    ).toBe(404);
    const downloads = (await auditOf(id)).filter((e) => e.action === "report.attachment.download");
    expect(downloads.map((e) => e.actorId)).toEqual([viewer.id, analyst.id]);
  });

  it("documents the public form and the triage API in the OpenAPI document", async () => {
    const res = await app.inject({ url: "/docs/json" });
    expect(res.statusCode, res.body).toBe(200);
    expect(Object.keys(res.json().paths)).toEqual(
      expect.arrayContaining([
        "/report/",
        "/report/thanks/{reference}",
        "/api/reports/",
        "/api/reports/{id}/attachments/{attachmentId}",
      ]),
    );
  });

  it("answers 404 for an unknown report", async () => {
    const res = await app.inject({ url: `/api/reports/${randomUUID()}`, headers: bearer(viewer) });
    expect(res.statusCode).toBe(404);
  });
});
