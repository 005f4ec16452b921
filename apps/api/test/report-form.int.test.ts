import { sendReportConfirmation } from "@baken/services";
import { SmtpSink, waitFor } from "@baken/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestWorker } from "../../worker/test/helper.ts";
import type { App } from "../src/app.ts";
import { buildTestApp } from "./helper.ts";
import { tidyHtml } from "./html.ts";
import { agedToken, postReport, someIp, validFields } from "./report-helper.ts";

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
const REQUIRED = [
  "reporterKind",
  "name",
  "email",
  "organization",
  "relation",
  "rsitClass",
  "description",
  "consent",
] as const;
const MESSAGES = {
  nl: {
    reporterKind: "Kies wie u bent",
    name: "Vul uw naam in",
    email: "Vul uw e-mailadres in",
    organization: "Vul de naam van de organisatie in",
    relation: "Geef aan wie getroffen is",
    rsitClass: "Kies wat voor incident het is",
    description: "Beschrijf wat er gebeurd is",
    consent: "Ga akkoord met de verwerking van uw gegevens, of bel ons",
  },
  fr: {
    reporterKind: "Indiquez qui vous êtes",
    name: "Indiquez votre nom",
    email: "Indiquez votre adresse e-mail",
    organization: "Indiquez le nom de l&#39;organisation",
    relation: "Indiquez qui a été touché",
    rsitClass: "Choisissez le type d&#39;incident",
    description: "Décrivez ce qui s&#39;est passé",
    consent: "Acceptez le traitement de vos données, ou appelez-nous",
  },
};

describe("public incident-report form", () => {
  let app: App;
  let sink: SmtpSink;
  let worker: Awaited<ReturnType<typeof startTestWorker>>;
  const reportsTo = (email: string) => app.ctx.db.prisma.incidentReport.count({ where: { reporterEmail: email } });

  beforeAll(async () => {
    app = await buildTestApp({ REPORT_MIN_FILL_SECONDS: "3" });
    sink = await new SmtpSink().start();
    worker = await startTestWorker(sink.url);
  });
  afterAll(async () => {
    await worker.close();
    await sink.stop();
    await app.close();
  });

  it("shows the urgent steps first, then an accessible form, in the browser's language", async () => {
    const res = await app.inject({ url: "/report", headers: { "accept-language": "fr-BE,fr;q=0.9,en;q=0.5" } });
    expect(res.statusCode).toBe(200);
    expect(res.headers["content-type"]).toContain("text/html");
    const page = tidyHtml(res.body);
    expect(page).toContain('<html lang="fr">');
    expect(page).toContain("<h1>Signaler un incident</h1>");
    expect(page.indexOf("L&#39;attaque est-elle toujours en cours")).toBeLessThan(page.indexOf("<form"));
    expect(page).toContain(`href="tel:+3220000000"`);
    expect(page).toContain('enctype="multipart/form-data"');
    expect(page).toContain('<legend>Vous êtes <span class="hint" style="display:inline">(obligatoire)</span></legend>');
    expect(page).toContain('Intrusion<span class="hint">Quelqu&#39;un s&#39;est introduit');
    expect(page).toContain('href="https://cert.baken.example/privacy"');
    // Every visible control has a label.
    const ids = [...page.matchAll(/<(?:input|select|textarea)[^>]*\sid="([^"]+)"[^>]*>/g)].map((m) => m[1]);
    const hidden = [...page.matchAll(/<input type="hidden"[^>]*>/g)].length;
    expect(ids.length).toBeGreaterThan(40);
    for (const id of ids)
      expect(page.includes(`for="${id}"`) || new RegExp(`<label class="choice"><input[^>]*id="${id}"`).test(page)).toBe(
        true,
      );
    expect(hidden).toBe(2);
    // No third-party resource.
    expect(page).not.toMatch(/<(script|link|img)[^>]+(src|href)="https?:/);
    expect(res.headers["cache-control"]).toBe("no-store");

    const de = await app.inject({ url: "/report?lang=de", headers: { "accept-language": "fr" } });
    expect(de.body).toContain("<h1>Einen Vorfall melden</h1>");
    expect(de.body).toContain('href="/report?lang=nl" lang="nl"');
  });

  it("pre-fills the reference of a Baken notice from the owner's page", async () => {
    const res = await app.inject({ url: "/report?lang=nl&ref=BAKEN%23000042" });
    expect(tidyHtml(res.body)).toMatch(/id="f-noticeReference" name="noticeReference" value="BAKEN#000042"/);
    expect(res.body).toContain('href="/report?lang=fr&amp;ref=BAKEN%23000042"');
  });

  for (const lang of ["nl", "fr"] as const) {
    it(`names each missing required field in ${lang}, keeping what was typed`, async () => {
      for (const field of REQUIRED) {
        const fields: Record<string, string | string[]> = validFields({ description: "Typed <b>text</b> stays" });
        delete fields[field];
        const res = await postReport(app, fields, { lang });
        expect(res.statusCode, field).toBe(400);
        const body = tidyHtml(res.body);
        const message = MESSAGES[lang][field];
        expect(body, field).toContain(`<li><a href="#f-${field}">${message}</a></li>`);
        expect(body).toContain(`<html lang="${lang}">`);
        expect(body).toContain('role="alert" tabindex="-1" autofocus');
        if (field !== "description") expect(body).toContain(">Typed &lt;b&gt;text&lt;/b&gt; stays</textarea>");
        if (field !== "name") expect(body).toContain('name="name" value="An Peeters"');
        if (field === "email")
          expect(body).toMatch(/id="f-email"[^>]*aria-describedby="f-email-hint f-email-error" aria-invalid="true"/);
        if (field !== "consent") expect(body).toMatch(/name="consent" value="yes" checked/);
        expect(body).toMatch(/name="impact" value="data-encrypted" checked/);
      }
    });
  }

  it("explains wrong values per field", async () => {
    const res = await postReport(
      app,
      validFields({ email: "an@@x", rsitType: "phishing", startedAt: "2026-02-30T10:00" }),
      {
        lang: "en",
      },
    );
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Enter an e-mail address in the right format, like name@example.com");
    expect(res.body).toContain("This precise type does not belong to the kind of incident you chose");
    expect(res.body).toContain("For “When did it start?”, enter a real date and time");
  });

  it("refuses a filled honeypot, a too-fast, forged or expired form, storing nothing", async () => {
    const honey = validFields();
    let res = await postReport(app, { ...honey, website: "http://spam.example" }, { lang: "nl" });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Dit lijkt een automatische inzending");
    expect(res.body).not.toContain("spam.example");

    const form = await app.inject({ url: "/report?lang=en" });
    const token = /name="token" value="([^"]+)"/.exec(form.body)![1]!;
    const fast = validFields();
    res = await postReport(app, fast, { token, lang: "en" });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("The form was sent very quickly after it opened");
    expect(res.body).toContain(`value="${fast.email}"`);

    const forged = validFields();
    const [ts, nonce] = agedToken(app).split(".");
    res = await postReport(app, forged, { token: `${ts}.${nonce}.AAAAforged`, lang: "fr" });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("Nous n&#39;avons pas pu vérifier ce formulaire");

    const old = validFields();
    res = await postReport(app, old, { token: agedToken(app, 25 * 3600), lang: "en" });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("has expired");

    for (const f of [honey, fast, forged, old]) expect(await reportsTo(f.email as string)).toBe(0);
  });

  it("stores a valid report with its attachments, answers with its reference and mails a confirmation", async () => {
    const fields = validFields({ noticeReference: "BAKEN-NONE-1" });
    const res = await postReport(app, fields, {
      lang: "nl",
      files: [
        { filename: "scherm.png", content: PNG, type: "image/png" },
        { filename: "auth.log", content: "Nov 22 03:12:01 fs1 sshd[811]: Accepted password for admin\n" },
      ],
    });
    expect(res.statusCode, res.body).toBe(303);
    const location = res.headers.location as string;
    const [, reference] = /^\/report\/thanks\/(CERT-\d{4}-\d{6})\?k=[\w-]+&lang=nl$/.exec(location) ?? [];
    expect(reference).toBeTruthy();

    const thanks = await app.inject({ url: location });
    expect(thanks.statusCode).toBe(200);
    expect(thanks.body).toContain("We hebben uw melding ontvangen");
    expect(thanks.body).toContain(reference);
    expect(thanks.body).not.toContain(fields.email);

    const report = await app.ctx.db.prisma.incidentReport.findUniqueOrThrow({
      where: { reference },
      include: { attachments: true },
    });
    expect(report).toMatchObject({
      language: "nl",
      reporterKind: "company",
      reporterEmail: fields.email,
      rsitClass: "intrusions",
      rsitType: "system-compromise",
      isVictim: true,
      ongoing: true,
      impact: ["data-encrypted", "service-down"],
      tlp: "AMBER",
      status: "new",
      noticeReference: "BAKEN-NONE-1",
    });
    expect(report.startedAt?.toISOString()).toBe("2026-01-10T07:15:00.000Z");
    expect(report.attachments.map((a) => [a.fileName, a.contentType, a.size]).sort()).toEqual([
      ["auth.log", "text/plain", 59],
      ["scherm.png", "image/png", PNG.length],
    ]);
    expect(report.attachments.find((a) => a.fileName === "scherm.png")!.sha256).toMatch(/^[0-9a-f]{64}$/);
    const audit = await app.ctx.db.prisma.auditEvent.findFirst({
      where: { action: "report.submit", subjectId: report.id },
    });
    expect(audit).toMatchObject({ actorId: null, details: { reference, attachments: 2 } });

    const mail = await waitFor(() => sink.mails.find((m) => m.envelope.to.includes(fields.email)), {
      what: "confirmation mail",
    });
    expect(mail.parsed.subject).toBe(`Wij hebben uw incidentmelding ${reference} ontvangen`);
    expect(mail.parsed.headers.get("content-language")).toBe("nl");
    expect(mail.parsed.text).toContain(`Wij hebben ze ontvangen onder referentie ${reference}.`);
    expect(mail.parsed.text).toContain("- Soort incident: Inbraak – Systeem gecompromitteerd");
    expect(mail.parsed.text).toContain("- Bijlagen: 2");
    expect(mail.parsed.text).not.toContain("ransom note");
    expect(mail.parsed.html).toContain(reference);
    await waitFor(
      async () => (await app.ctx.db.prisma.incidentReport.findUnique({ where: { id: report.id } }))?.confirmationSentAt,
      { what: "confirmation_sent_at" },
    );
  });

  it("stores one report and sends one mail when the same form is posted twice", async () => {
    const fields = validFields({ reporterKind: "citizen", organization: "" });
    const token = agedToken(app);
    const first = await postReport(app, fields, { token, lang: "fr" });
    const second = await postReport(app, fields, { token, lang: "fr" });
    expect(first.statusCode).toBe(303);
    expect(second.headers.location).toBe(first.headers.location);
    expect(await reportsTo(fields.email)).toBe(1);
    // A form's token makes one report: reused (from the browser's history, or by a script) for another
    // incident, it is answered like an expired form, with what was typed, and stores nothing.
    const reused = await postReport(
      app,
      { ...fields, description: "A second, different incident." },
      { token, lang: "fr" },
    );
    expect(reused.statusCode).toBe(400);
    expect(reused.body).toContain("Le formulaire est resté ouvert longtemps et a expiré");
    expect(reused.body).toContain("A second, different incident.");
    expect(await reportsTo(fields.email)).toBe(1);

    const reference = /CERT-\d{4}-\d{6}/.exec(first.headers.location as string)![0];
    const mail = await waitFor(() => sink.mails.find((m) => m.parsed.subject?.endsWith(reference)), { what: "mail" });
    expect(mail.parsed.subject).toBe(`Nous avons bien reçu votre signalement ${reference}`);
    expect(mail.parsed.headers.get("content-language")).toBe("fr");
    expect(mail.parsed.text).toContain("Vous avez signalé en tant que\u00a0: Un particulier");
    const report = await app.ctx.db.prisma.incidentReport.findUniqueOrThrow({ where: { reference } });
    await waitFor(
      async () => (await app.ctx.db.prisma.incidentReport.findUnique({ where: { id: report.id } }))?.confirmationSentAt,
    );
    // Running the job again (a retry, a stalled job) does not mail again.
    expect(await sendReportConfirmation(worker.ctx, { reportId: report.id })).toEqual({ status: "already-sent" });
    expect(sink.mails.filter((m) => m.parsed.subject?.endsWith(reference))).toHaveLength(1);
  });

  it("makes one report of one form's token even when it is posted with different content at once", async () => {
    const token = agedToken(app);
    const email = `once-${randomUUID()}@example.be`;
    const posts = await Promise.all(
      Array.from({ length: 5 }, (_, i) =>
        postReport(app, validFields({ email, description: `Incident number ${i} at the town hall.` }), { token }),
      ),
    );
    expect(posts.map((p) => p.statusCode).sort()).toEqual([303, 400, 400, 400, 400]);
    expect(await reportsTo(email)).toBe(1);
  });

  it("numbers references per year without gaps, also when reports arrive at once", async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => postReport(app, validFields())));
    const numbers = results
      .map((r) => Number(/CERT-\d{4}-(\d{6})/.exec(r.headers.location as string)![1]))
      .sort((a, b) => a - b);
    expect(numbers).toEqual(numbers.map((_, i) => numbers[0]! + i));
    const year = new Date().getFullYear();
    const counter = await app.ctx.db.prisma.referenceCounter.findUniqueOrThrow({
      where: { scope_year: { scope: "incident-report", year } },
    });
    expect(counter.value).toBe(numbers.at(-1));
  });

  it("shows a confirmation page only with the key made for that reference", async () => {
    const res = await postReport(app, validFields());
    const location = res.headers.location as string;
    const [path, query] = location.split("?");
    const other = path!.replace(/\d{6}$/, (n) => String(Number(n) + 1).padStart(6, "0"));
    expect((await app.inject({ url: `${other}?${query}` })).statusCode).toBe(404);
    expect((await app.inject({ url: `${path}?k=nope&lang=en` })).statusCode).toBe(404);
    const missing = await app.inject({ url: `${path}?lang=de` });
    expect(missing.statusCode).toBe(404);
    expect(missing.body).toContain("Diese Seite gibt es nicht.");
  });

  it("answers a multipart post without files and an urlencoded post alike", async () => {
    const fields = validFields();
    const res = await app.inject({
      method: "POST",
      url: "/report?lang=en",
      remoteAddress: someIp(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: new URLSearchParams([
        ...Object.entries({ ...fields, impact: "money-lost", token: agedToken(app), lang: "en" }),
      ]).toString(),
    });
    expect(res.statusCode, res.body).toBe(303);
    expect(await reportsTo(fields.email)).toBe(1);

    const odd = await app.inject({
      method: "POST",
      url: "/report?lang=en",
      remoteAddress: someIp(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
      payload: "__proto__=x&constructor=y&name=z",
    });
    expect(odd.statusCode).toBe(400);
    expect(odd.body).toContain("Enter your e-mail address");
  });
});

describe("report attachments and rate limit", () => {
  let app: App;
  beforeAll(async () => {
    app = await buildTestApp({ REPORT_MAX_FILE_BYTES: "2048", REPORT_MAX_FILES: "2", REPORT_RATE_LIMIT_PER_HOUR: "3" });
  });
  afterAll(() => app.close());

  it("refuses oversized, disallowed, disguised and too many files, with the file's name", async () => {
    const fields = validFields();
    let res = await postReport(app, fields, {
      lang: "en",
      files: [
        { filename: "big.log", content: "x".repeat(3000) },
        { filename: "tool.exe", content: "MZ\x90\x00" },
      ],
    });
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain("big.log is larger than 2\u00a0kB");
    expect(res.body).toContain("tool.exe: this type of file is not accepted");
    expect(res.body).toContain("files are not kept when the form has a problem");

    res = await postReport(app, fields, {
      lang: "nl",
      files: [{ filename: "foto.png", content: "MZ\x90\x00 not a png" }],
    });
    expect(res.body).toContain("foto.png: de inhoud is geen .png-bestand");

    res = await postReport(app, fields, {
      lang: "fr",
      files: ["a.txt", "b.txt", "c.txt"].map((filename) => ({ filename, content: "text" })),
    });
    expect(res.body).toContain("Joignez au maximum 2 fichiers");
    expect(await app.ctx.db.prisma.incidentReport.count({ where: { reporterEmail: fields.email } })).toBe(0);
  });

  it("limits posts per address with a 429 page in the reporter's language", async () => {
    const ip = someIp();
    for (let i = 0; i < 3; i++) {
      expect((await postReport(app, {}, { ip, lang: "nl" })).statusCode).toBe(400);
    }
    const res = await postReport(app, validFields(), { ip, lang: "nl" });
    expect(res.statusCode).toBe(429);
    expect(res.headers["content-type"]).toContain("text/html");
    expect(res.headers["retry-after"]).toBeDefined();
    expect(res.body).toContain("Er zijn in korte tijd te veel meldingen verstuurd vanaf uw verbinding");
    expect(res.body).toContain("+32\u00a02\u00a0000\u00a000\u00a000");
    // Another address is not affected.
    expect((await postReport(app, validFields(), { lang: "nl" })).statusCode).toBe(303);
  });
});
