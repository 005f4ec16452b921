import { startBounceListener, type BounceListener } from "@baken/mail";
import { takeBounce } from "@baken/services";
import type { Logger } from "pino";
import type { WorkerCtx } from "./context.ts";

/**
 * The SMTP listener the CERT's mail server forwards `<bounce mailbox>+*` to (README: Bounces), or null when
 * BOUNCE_SMTP_PORT=0. A message that cannot be stored gets 451 and comes again; one that cannot be read is
 * stored as unrecognised: neither stops the worker.
 */
export async function startBounceIntake(
  ctx: WorkerCtx,
  log: Logger,
  // Tests listen on a port the system picks (0), which the configuration reads as "off".
  portOverride?: number,
): Promise<BounceListener | null> {
  const { listener, mailbox, maxBytes } = ctx.config.bounces;
  if (!listener && portOverride === undefined) return null;
  const host = listener?.host ?? "127.0.0.1";
  const intake = await startBounceListener({
    host,
    port: portOverride ?? listener!.port,
    maxBytes,
    mailbox,
    async onMessage(message) {
      try {
        const taken = await takeBounce(ctx, message);
        const { kind, layout, tag, noticeId, reason } = taken.verdict;
        log.info(
          { kind, layout, tag, noticeId, reason, duplicate: taken.duplicate, redirectId: taken.redirectId },
          "bounce taken",
        );
      } catch (err) {
        log.error({ err }, "bounce not stored; the sender will try again");
        throw err;
      }
    },
    onConnectionError: (err) => log.warn({ err }, "bounce listener: a client's connection failed"),
  });
  log.info({ port: intake.port, host }, "bounce listener ready");
  return intake;
}
