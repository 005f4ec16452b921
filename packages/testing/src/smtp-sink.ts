import { simpleParser, type ParsedMail } from "mailparser";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

export type CaughtMail = { envelope: { from: string; to: string[] }; raw: string; parsed: ParsedMail; at: Date };

type Verdict = { code: number; message: string } | undefined;

/**
 * Decides the server's answer to DATA for one message: undefined accepts it; an object rejects it.
 * It may answer later (a promise): the client then waits mid-transaction, as with a slow server.
 */
export type Responder = (mail: { to: string[]; raw: string }) => Verdict | Promise<Verdict>;

/** Decides the server's answer to one RCPT TO: undefined accepts the recipient; an object refuses it. */
export type RecipientResponder = (address: string) => Verdict;

/**
 * A real SMTP server in the test process (smtp-server), keeping every accepted message parsed by mailparser.
 * `respond` lets a test make the server answer 4xx (temporary) or 5xx (permanent) for chosen messages.
 */
export class SmtpSink {
  readonly mails: CaughtMail[] = [];
  respond: Responder = () => undefined;
  /** A mailbox that does not exist, a full one: refused at RCPT while the others are taken. */
  respondToRecipient: RecipientResponder = () => undefined;
  private server: SMTPServer;
  port = 0;

  constructor() {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS"],
      logger: false,
      size: 64 * 1024 * 1024,
      onRcptTo: (address, _session, callback) => {
        const verdict = this.respondToRecipient(address.address.toLowerCase());
        if (!verdict) return callback();
        callback(Object.assign(new Error(verdict.message), { responseCode: verdict.code }));
      },
      onData: (stream, session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (c: Buffer) => chunks.push(c));
        stream.on("end", async () => {
          const raw = Buffer.concat(chunks).toString("utf8");
          const to = session.envelope.rcptTo.map((r) => r.address);
          const verdict = await this.respond({ to, raw });
          if (verdict) {
            const err = Object.assign(new Error(verdict.message), { responseCode: verdict.code });
            return callback(err);
          }
          const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
          this.mails.push({ envelope: { from, to }, raw, parsed: await simpleParser(raw), at: new Date() });
          callback(null, "2.0.0 queued as baken-sink");
        });
      },
    });
  }

  async start(port = 0, host = "127.0.0.1"): Promise<this> {
    await new Promise<void>((resolve, reject) => {
      this.server.once("error", reject);
      this.server.listen(port, host, () => {
        this.server.off("error", reject);
        // A client that drops its connection (a worker killed mid-send) is something tests do on purpose;
        // without a listener each reset would be an unhandled error in the test process.
        this.server.on("error", (err) => this.connectionErrors.push(err));
        resolve();
      });
    });
    this.port = (this.server.server.address() as AddressInfo).port;
    return this;
  }

  /** Errors on client connections (resets), kept for a test that wants to look at them. */
  readonly connectionErrors: Error[] = [];

  get url() {
    return `smtp://127.0.0.1:${this.port}`;
  }

  clear() {
    this.mails.length = 0;
    this.respond = () => undefined;
    this.respondToRecipient = () => undefined;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
