import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { SmtpSink, type CaughtMail } from "./smtp-sink.ts";

// A local mail catcher for the demo and the browser tests: an SMTP server that keeps every message (so no
// mail can leave the machine) and a small HTTP side to read them: JSON for tests, a page for people.

export type MessageSummary = {
  id: number;
  at: string;
  from: string;
  to: string[];
  subject: string;
  text: string;
  html: string | null;
  headers: Record<string, string>;
  attachments: { filename: string; contentType: string; size: number }[];
};

const summary = (mail: CaughtMail, id: number): MessageSummary => ({
  id,
  at: mail.at.toISOString(),
  from: mail.envelope.from,
  to: mail.envelope.to,
  subject: mail.parsed.subject ?? "",
  text: mail.parsed.text ?? "",
  html: typeof mail.parsed.html === "string" ? mail.parsed.html : null,
  headers: Object.fromEntries(
    [...mail.parsed.headers].map(([k, v]) => [k, typeof v === "string" ? v : JSON.stringify(v)]),
  ),
  attachments: mail.parsed.attachments.map((a) => ({
    filename: a.filename ?? "",
    contentType: a.contentType,
    size: a.size,
  })),
});

const escape = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]!);

export class MailCatcher {
  readonly sink = new SmtpSink();
  private http: Server;
  httpPort = 0;

  constructor() {
    this.http = createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://localhost");
      const mails = this.sink.mails;
      const json = (status: number, body: unknown) => {
        res.writeHead(status, { "content-type": "application/json" });
        res.end(JSON.stringify(body));
      };
      if (url.pathname === "/api/messages" && req.method === "DELETE") {
        this.sink.clear();
        return json(200, { deleted: true });
      }
      if (url.pathname === "/api/messages")
        return json(
          200,
          mails.map((m, i) => summary(m, i + 1)),
        );
      const attachment = url.pathname.match(/^\/api\/messages\/(\d+)\/attachments\/(\d+)$/);
      if (attachment) {
        const a = mails[Number(attachment[1]) - 1]?.parsed.attachments[Number(attachment[2])];
        if (!a) return json(404, { error: "not_found" });
        res.writeHead(200, {
          "content-type": "application/octet-stream",
          "content-disposition": `attachment; filename="${(a.filename ?? "attachment").replace(/"/g, "")}"`,
        });
        return res.end(a.content);
      }
      const one = url.pathname.match(/^\/messages\/(\d+)$/);
      if (one) {
        const m = mails[Number(one[1]) - 1];
        if (!m) return json(404, { error: "not_found" });
        const s = summary(m, Number(one[1]));
        res.writeHead(200, {
          "content-type": "text/html; charset=utf-8",
          "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
        });
        return res.end(
          `<!doctype html><meta charset="utf-8"><title>${escape(s.subject)}</title><body style="font-family:system-ui;max-width:60rem;margin:auto">` +
            `<p><a href="/">All messages</a></p><h1>${escape(s.subject)}</h1><p>From ${escape(s.from)} to ${escape(s.to.join(", "))} at ${s.at}</p>` +
            `<ul>${s.attachments.map((a, i) => `<li><a href="/api/messages/${s.id}/attachments/${i}">${escape(a.filename)}</a> (${a.size} bytes)</li>`).join("")}</ul>` +
            `<pre style="white-space:pre-wrap">${escape(s.text)}</pre>`,
        );
      }
      res.writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        "content-security-policy": "default-src 'none'; style-src 'unsafe-inline'",
      });
      res.end(
        `<!doctype html><meta charset="utf-8"><title>Baken mail catcher</title><body style="font-family:system-ui;max-width:60rem;margin:auto">` +
          `<h1>Caught mail (${mails.length})</h1><p>Nothing here left this machine.</p><ol>` +
          mails
            .map(
              (m, i) =>
                `<li><a href="/messages/${i + 1}">${escape(m.parsed.subject ?? "(no subject)")}</a> to ${escape(m.envelope.to.join(", "))}</li>`,
            )
            .join("") +
          `</ol>`,
      );
    });
  }

  async start(smtpPort: number, httpPort: number, host = "127.0.0.1"): Promise<this> {
    await this.sink.start(smtpPort, host);
    await new Promise<void>((resolve, reject) => {
      this.http.once("error", reject);
      this.http.listen(httpPort, host, () => resolve());
    });
    this.httpPort = (this.http.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.http.close(() => resolve()));
    await this.sink.stop();
  }
}
