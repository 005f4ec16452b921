import { loadConfig } from "@baken/config";
import { noticeToken, tokenHash } from "@baken/core";
import { createDb } from "@baken/db";
import { randomUUID } from "node:crypto";
import { E2E } from "./env.ts";

// Until the notices branch sends real mails in this stack, the owner's spec starts from a notice written
// straight to the e2e database, as `send` would leave it: a French organization, its sent notice (whose
// link token is derived the same way the mail's is) and its notified hosts.

export async function seedFrenchNotice(hostIps: string[]) {
  const config = loadConfig({ ...process.env, ...E2E.env });
  const db = createDb(config.databaseUrl, { max: 2 });
  try {
    const tag = randomUUID().slice(0, 8);
    const campaign = await db.prisma.campaign.create({
      data: {
        name: `Exchange ProxyLogon ${tag}`,
        cves: ["CVE-2021-26855"],
        tlp: "AMBER",
        advice: {
          fr: {
            summary: "Votre serveur Exchange peut être pris en main à distance.",
            actions: ["Installez les correctifs."],
          },
        },
      },
    });
    const organization = await db.prisma.organization.create({
      data: { name: `Commune de Test ${tag}`, language: "fr" },
    });
    const id = randomUUID();
    const token = noticeToken(config.notices.tokenSecret, id);
    const [{ seq }] = await db.prisma.$queryRaw<[{ seq: string }]>`SELECT nextval('notice_reference_seq')::text AS seq`;
    const notice = await db.prisma.notice.create({
      data: {
        id,
        reference: `BAKEN#20261101-${seq.padStart(8, "0")}`,
        campaignId: campaign.id,
        organizationId: organization.id,
        recipients: ["abuse@commune.test"],
        language: "fr",
        status: "sent",
        sentAt: new Date(),
        hostCount: hostIps.length,
        tokenHash: tokenHash(token),
        tokenExpiresAt: new Date(Date.now() + config.notices.tokenTtlDays * 24 * 3600 * 1000),
      },
    });
    const seen = new Date(Date.now() - 3 * 24 * 3600 * 1000);
    await db.prisma.campaignHost.createMany({
      data: hostIps.map((ip) => ({
        campaignId: campaign.id,
        organizationId: organization.id,
        hostKey: `${ip}|443|`,
        ip,
        port: 443,
        protocol: "tcp",
        state: "notified" as const,
        firstSeenAt: seen,
        lastSeenAt: seen,
        lastListId: randomUUID(),
        noticeId: notice.id,
        notifiedAt: new Date(),
      })),
    });
    return { token, reference: notice.reference, noticeId: notice.id, campaignName: campaign.name };
  } finally {
    await db.close();
  }
}

/** The owner's answers as stored, oldest first. */
export async function storedReplies(noticeId: string) {
  const config = loadConfig({ ...process.env, ...E2E.env });
  const db = createDb(config.databaseUrl, { max: 1 });
  try {
    const replies = await db.prisma.remediationReply.findMany({
      where: { noticeId },
      orderBy: [{ at: "asc" }, { id: "asc" }],
      include: { host: { select: { ip: true } } },
    });
    return replies.map((r) => ({
      ip: r.host?.ip ?? null,
      answer: r.answer,
      compromise: r.compromise,
      comment: r.comment,
    }));
  } finally {
    await db.close();
  }
}
