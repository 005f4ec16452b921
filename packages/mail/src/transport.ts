import { connect, type Socket } from "node:net";
import type { SmtpSendInfo } from "@baken/core";
import nodemailer from "nodemailer";
import type SMTPPool from "nodemailer/lib/smtp-pool/index.js";
import type Mail from "nodemailer/lib/mailer/index.js";

export type OutgoingMail = Mail.Options;
/** What the relay said: `accepted` / `rejected` / `rejectedErrors` per recipient (see core's smtpSendOutcomes). */
export type SendResult = { messageId: string; response: string } & SmtpSendInfo;

export type Mailer = {
  send(mail: OutgoingMail): Promise<SendResult>;
  close(): void;
};

/**
 * A pooled SMTP transport from SMTP_URL (smtp://, smtps://, with user:pass@ if the relay needs it).
 * Throttling is the queue's job (BullMQ's limiter), not nodemailer's rateLimit, which misbehaves across
 * pooled connections.
 */
export function createMailer(smtpUrl: string, poolSize: number): Mailer {
  const url = new URL(smtpUrl);
  const options: SMTPPool.Options = {
    pool: true,
    maxConnections: poolSize,
    maxMessages: 500,
    host: url.hostname,
    port: Number(url.port || (url.protocol === "smtps:" ? 465 : 25)),
    secure: url.protocol === "smtps:",
    auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
    getSocket: openNoDelaySocket,
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
    // Local catchers have no certificate; a real relay is reached with smtps:// or STARTTLS as it offers.
    tls: {
      rejectUnauthorized:
        url.searchParams.get("tls") !== "insecure" && url.hostname !== "127.0.0.1" && url.hostname !== "localhost",
    },
  };
  const transport = nodemailer.createTransport(options);
  return {
    async send(mail) {
      const info = await transport.sendMail(mail);
      const { messageId, response, accepted, rejected, rejectedErrors } = info;
      return { messageId, response, accepted, rejected, rejectedErrors };
    },
    close: () => transport.close(),
  };
}

/** An SMTP failure the server called permanent (5xx): retrying cannot help. */
export function isPermanentSmtpError(err: unknown): boolean {
  const code = (err as { responseCode?: number }).responseCode;
  return typeof code === "number" && code >= 500 && code < 600;
}

/**
 * Nagle's algorithm off: nodemailer writes a message's body and its final "\r\n.\r\n" as two writes, and
 * with Nagle on the second waits for the server's ACK of the first, which the server delays (up to 40 ms on
 * Linux) because it has nothing to answer yet. Every mail paid that wait. TLS (smtps or STARTTLS) is still
 * negotiated by nodemailer on this socket.
 */
function openNoDelaySocket(
  options: { host?: string; port?: number; connectionTimeout?: number },
  callback: (err: Error | null, socketOptions?: { connection: Socket }) => void,
) {
  const socket = connect({ host: options.host, port: options.port ?? 25, noDelay: true });
  // nodemailer's own connectionTimeout starts only once it has the socket: a relay that never answers
  // must not hold a pool slot for the operating system's two minutes.
  socket.setTimeout(options.connectionTimeout ?? 10_000, () =>
    socket.destroy(Object.assign(new Error("SMTP connection timed out"), { code: "ETIMEDOUT" })),
  );
  const onError = (err: Error) => callback(err);
  socket.once("error", onError);
  socket.once("connect", () => {
    socket.off("error", onError);
    socket.setTimeout(0);
    callback(null, { connection: socket });
  });
}
