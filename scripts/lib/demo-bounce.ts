// The demo's bounced notice: one organization of the past campaign lost its only mailbox. Its mail server's
// delivery report (RFC 3464, as Postfix writes it) comes back to the notice's own return path, and the demo
// hands it to the worker's bounce listener over SMTP, as the CERT's mail server would: the worker reads it,
// marks the contact undeliverable, bounces the notice and redirects it once to the fallback address staff set
// (through the API). Nothing of it is written straight to the database, so the whole path runs.
import type { Config } from "@baken/config";
import { verpReturnPath } from "@baken/core";
import type { Db } from "@baken/db";
import { deliveryReport, waitFor } from "@baken/testing";
import nodemailer from "nodemailer";
import type { BakenApi } from "./baken-api.ts";
import { PAST_CAMPAIGN_NAME } from "./demo-past-campaign.ts";

export type DemoBounce =
  | { state: "bounced"; reference: string; deadAddress: string; redirectedTo: string }
  | { state: "kept"; reference: string; deadAddress: string; redirectedTo: string }
  | { state: "missing" }
  | { state: "listener off" };

/**
 * Bounces `organization`'s notice of the past campaign unless it bounced already (a second run adds nothing:
 * the notice is `bounced`, and a report delivered again would change nothing either), and waits for its
 * redirect to be sent.
 */
export async function ensureDemoBounce(
  db: Db,
  config: Config,
  api: BakenApi,
  organization: { name: string; fallback: string },
): Promise<DemoBounce> {
  const notice = await db.prisma.notice.findFirst({
    where: {
      campaign: { name: PAST_CAMPAIGN_NAME },
      organization: { name: organization.name },
      kind: "initial",
      redirectOf: null,
    },
    include: { organization: { select: { id: true, fallbackEmail: true } }, redirect: true },
  });
  if (!notice || !notice.messageId || notice.recipients.length !== 1) return { state: "missing" };
  const deadAddress = notice.recipients[0]!;
  if (notice.status === "bounced") {
    return {
      state: "kept",
      reference: notice.reference,
      deadAddress,
      redirectedTo: notice.redirect?.recipients.join(", ") ?? "nobody",
    };
  }

  const listener = config.bounces.listener;
  if (!listener) return { state: "listener off" };
  if (!notice.organization.fallbackEmail) {
    await api.call("PATCH", `/api/organizations/${notice.organization.id}`, { fallbackEmail: organization.fallback });
  }
  const report = deliveryReport({
    returnPath: verpReturnPath(config.bounces.mailbox, config.bounces.tagSecret, notice.id),
    originalMessageId: notice.messageId,
    recipient: deadAddress,
    messageId: `<demo-bounce-${notice.id}@mx.${deadAddress.slice(deadAddress.indexOf("@") + 1)}>`,
  });
  // The api answers before the worker's listener is up: try until it takes the report (the same report
  // taken twice acts once: its Message-ID).
  const host = listener.host === "0.0.0.0" || listener.host === "::" ? "127.0.0.1" : listener.host;
  await waitFor(() => deliver(host, listener.port, report), {
    what: `the bounce listener on ${host}:${listener.port} to take the report`,
    timeout: 60_000,
    interval: 250,
  });
  const redirect = await waitFor(
    () => db.prisma.notice.findFirst({ where: { redirectOf: notice.id, status: "sent" } }),
    { what: "the bounced notice's redirect to be sent", timeout: 60_000, interval: 250 },
  );
  return { state: "bounced", reference: notice.reference, deadAddress, redirectedTo: redirect.recipients.join(", ") };
}

/** Hands the report to the listener; throws while it is not listening yet. */
async function deliver(host: string, port: number, report: ReturnType<typeof deliveryReport>): Promise<true> {
  const transport = nodemailer.createTransport({ host, port, ignoreTLS: true });
  try {
    await transport.sendMail(report);
    return true;
  } finally {
    transport.close();
  }
}
