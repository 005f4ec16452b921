import { isWellFormedVerpTag, verpTagOf, type BounceMailbox } from "@baken/core";
import type { AddressInfo } from "node:net";

/** One message as the bounce listener received it. */
export type InboundMessage = {
  raw: Buffer;
  envelope: { mailFrom: string; rcptTo: string[] };
  remoteAddress: string;
};

export type BounceListenerOptions = {
  port: number;
  host: string;
  /** Larger messages are refused with 552 (a bounce may return a whole notice, attachment included). */
  maxBytes: number;
  /** Only `<local>+<tag>@<domain>` of this mailbox is accepted; every other recipient gets 550 at RCPT. */
  mailbox: BounceMailbox;
  /** Stores the message. The sender hears 250 only once it resolved, 451 (retry later) if it threw. */
  onMessage: (message: InboundMessage) => Promise<void>;
  /** How long close() lets a transaction in progress finish before cutting it (default 30 s). */
  closeTimeoutMs?: number;
  /** A client's connection failed (reset, timeout): for the log; the listener goes on. */
  onConnectionError?: (err: Error) => void;
};

export type BounceListener = { port: number; close(): Promise<void> };

const smtpError = (code: number, message: string) => Object.assign(new Error(message), { responseCode: code });

/**
 * An SMTP server for the bounces the CERT's mail server forwards: no AUTH, no TLS (run it on a private
 * address or behind the mail server), one recipient pattern, a size limit. Nothing is lost when the process
 * dies mid-message: the message is acknowledged only after onMessage stored it, so the sending server keeps
 * it and tries again.
 */
export async function startBounceListener(options: BounceListenerOptions): Promise<BounceListener> {
  // Imported here: of the processes that import mail, only the one running the listener needs it (~2 MiB).
  const { SMTPServer } = await import("smtp-server");
  const server = new SMTPServer({
    logger: false,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: options.maxBytes,
    rejectOversized: true,
    closeTimeout: options.closeTimeoutMs ?? 30_000,
    banner: "Baken bounce intake",
    // The client is the CERT's own mail server: its name is not worth a DNS query per connection.
    disableReverseLookup: true,
    onRcptTo(address, _session, callback) {
      const tag = verpTagOf(options.mailbox, address.address);
      if (tag && isWellFormedVerpTag(tag)) return callback();
      callback(smtpError(550, "5.1.1 No such recipient here"));
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      // Past the limit the rest is read and dropped; smtp-server answers 552 (rejectOversized).
      stream.on("data", (chunk: Buffer) => stream.sizeExceeded || chunks.push(chunk));
      stream.on("end", () => {
        if (stream.sizeExceeded) return callback(smtpError(552, "5.3.4 Message too big"));
        const message: InboundMessage = {
          raw: Buffer.concat(chunks),
          envelope: {
            mailFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            rcptTo: session.envelope.rcptTo.map((r) => r.address),
          },
          remoteAddress: session.remoteAddress,
        };
        Promise.resolve()
          .then(() => options.onMessage(message))
          .then(
            () => callback(null, "2.0.0 Stored"),
            () => callback(smtpError(451, "4.3.0 Could not store the message, try again later")),
          );
      });
    },
  });
  // After listen, errors are a client's connection failing: the listener itself goes on.
  server.on("error", (err) => options.onConnectionError?.(err));
  await new Promise<void>((resolve, reject) => {
    server.server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.server.off("error", reject);
      resolve();
    });
  });
  let closing: Promise<void> | undefined;
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => (closing ??= new Promise((resolve) => server.close(() => resolve()))),
  };
}
