import { issueFormToken } from "@baken/core";
import { randomBytes, randomUUID } from "node:crypto";
import type { App } from "../src/app.ts";

export type TestFile = { filename: string; content: Buffer | string; type?: string };

/** A multipart/form-data body as a browser builds it (fields, then files under one input name). */
export function multipart(
  fields: Record<string, string | string[]>,
  files: TestFile[] = [],
  fileField = "attachments",
) {
  const boundary = `----baken${randomBytes(8).toString("hex")}`;
  const chunks: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    for (const v of Array.isArray(value) ? value : [value]) {
      chunks.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${v}\r\n`));
    }
  }
  for (const f of files) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${fileField}"; filename="${f.filename}"\r\nContent-Type: ${f.type ?? "application/octet-stream"}\r\n\r\n`,
      ),
      Buffer.isBuffer(f.content) ? f.content : Buffer.from(f.content),
      Buffer.from("\r\n"),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

/** A signed form token as old as a person needs to fill the form (the test knows the app's secret). */
export const agedToken = (app: App, secondsAgo = 60) =>
  issueFormToken(
    app.ctx.config.reports.formSecret,
    { purpose: "report-form" },
    new Date(Date.now() - secondsAgo * 1000),
  );

/** The fields of a complete, valid report; each test gets its own reporter address. */
export function validFields(overrides: Record<string, string | string[]> = {}) {
  return {
    reporterKind: "company",
    name: "An Peeters",
    email: `an-${randomUUID()}@example.be`,
    organization: "Brouwerij Peeters",
    relation: "victim",
    rsitClass: "intrusions",
    rsitType: "system-compromise",
    startedAt: "2026-01-10T08:15",
    ongoing: "yes",
    description: "Our file server shows a ransom note and files end in .locked.",
    impact: ["data-encrypted", "service-down"],
    tlp: "AMBER",
    consent: "yes",
    ...overrides,
  };
}

/** A different client address per call, so tests do not share the per-IP rate limit. */
export const someIp = () => `10.${randomBytes(1)[0]}.${randomBytes(1)[0]}.${randomBytes(1)[0]}`;

export async function postReport(
  app: App,
  fields: Record<string, string | string[]>,
  opts: { files?: TestFile[]; lang?: string; ip?: string; token?: string } = {},
) {
  const body = multipart({ token: opts.token ?? agedToken(app), lang: opts.lang ?? "en", ...fields }, opts.files);
  return app.inject({
    method: "POST",
    url: `/report?lang=${opts.lang ?? "en"}`,
    remoteAddress: opts.ip ?? someIp(),
    ...body,
  });
}
