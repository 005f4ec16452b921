import type { Config } from "@baken/config";
import { noticeToken, tokenHash } from "@baken/core";
import type { PrismaClient } from "@baken/db";
import { randomUUID } from "node:crypto";

// Campaigns, organizations, notices and campaign hosts written straight to the database, the way the
// notices (send) and ingest (follow-up lists) branches leave them, so the owner's page, follow-up views
// and reminders can be tested on their own. Every name is unique: tests share one database.

type Lang = "nl" | "fr" | "de" | "en";
const DAY = 24 * 3600 * 1000;
export const daysAgo = (n: number) => new Date(Date.now() - n * DAY);
const unique = (what: string) => `${what} ${randomUUID().slice(0, 8)}`;

export async function seedCampaign(
  prisma: PrismaClient,
  data: { name?: string; advice?: object; compromiseSince?: Date } = {},
) {
  return prisma.campaign.create({
    data: {
      name: data.name ?? unique("Exchange ProxyLogon"),
      cves: ["CVE-2021-26855", "CVE-2021-27065"],
      tlp: "AMBER",
      advice: data.advice ?? {
        en: { summary: "Your Exchange server can be taken over.", actions: ["Patch now."], links: [] },
        fr: {
          summary: "Votre serveur Exchange peut être pris en main à distance.",
          actions: ["Installez les correctifs de mars 2021.", "Recherchez des web shells."],
          links: [{ label: "Avis de Microsoft", url: "https://msrc.microsoft.com/example" }],
        },
      },
      compromiseSince: data.compromiseSince ?? null,
    },
  });
}

export async function seedOrganization(
  prisma: PrismaClient,
  data: { name?: string; language?: Lang; active?: boolean } = {},
) {
  return prisma.organization.create({
    data: { name: data.name ?? unique("Organisation"), language: data.language ?? "en", active: data.active ?? true },
  });
}

let referenceCounter = 0;

/** An initial notice as `send` makes it (status sent by default), and the link token it mails. */
export async function seedNotice(
  prisma: PrismaClient,
  config: Config,
  data: {
    campaignId: string;
    organizationId: string;
    language?: Lang;
    createdAt?: Date;
    expiresAt?: Date;
    revokedAt?: Date;
    status?: "queued" | "sent" | "failed";
  },
) {
  const id = randomUUID();
  const token = noticeToken(config.notices.tokenSecret, id);
  const notice = await prisma.notice.create({
    data: {
      id,
      reference: `BAKEN#20261101-${String(90_000_000 + ++referenceCounter + Math.floor(Math.random() * 1e6)).padStart(8, "0")}`,
      campaignId: data.campaignId,
      organizationId: data.organizationId,
      kind: "initial",
      recipients: ["abuse@example.test"],
      language: data.language ?? "en",
      status: data.status ?? "sent",
      createdAt: data.createdAt ?? new Date(),
      sentAt: (data.status ?? "sent") === "sent" ? (data.createdAt ?? new Date()) : null,
      tokenHash: tokenHash(token),
      tokenExpiresAt: data.expiresAt ?? new Date(Date.now() + config.notices.tokenTtlDays * DAY),
      tokenRevokedAt: data.revokedAt ?? null,
    },
  });
  return { notice, token };
}

let hostCounter = 0;

export type HostSeed = {
  state?: "open" | "notified" | "remediated" | "not_ours" | "gone";
  ip?: string;
  port?: number;
  hostname?: string;
  noticeId?: string | null;
  notifiedAt?: Date | null;
  firstSeenAt?: Date;
  lastSeenAt?: Date;
  answer?: "patched" | "mitigated" | "investigating" | "not_ours" | "false_positive" | "needs_help";
  answeredAt?: Date;
  goneAt?: Date;
};

/** Hosts of one organization in a campaign; notified through `noticeId` unless said otherwise. */
export async function seedHosts(
  prisma: PrismaClient,
  base: { campaignId: string; organizationId: string | null; noticeId?: string | null; notifiedAt?: Date },
  hosts: HostSeed[],
) {
  const rows = await prisma.campaignHost.createManyAndReturn({
    data: hosts.map((h) => {
      const n = ++hostCounter;
      const ip = h.ip ?? `198.51.${Math.floor(n / 250) % 250}.${(n % 250) + 1}`;
      const noticeId = h.noticeId === undefined ? (base.noticeId ?? null) : h.noticeId;
      return {
        campaignId: base.campaignId,
        organizationId: base.organizationId,
        hostKey: `${ip}|${h.port ?? 443}|${h.hostname ?? ""}`,
        ip,
        port: h.port ?? 443,
        protocol: "tcp",
        hostname: h.hostname ?? null,
        state: h.state ?? (noticeId ? "notified" : "open"),
        firstSeenAt: h.firstSeenAt ?? daysAgo(30),
        lastSeenAt: h.lastSeenAt ?? daysAgo(30),
        lastListId: randomUUID(),
        noticeId,
        notifiedAt: h.notifiedAt === undefined ? (noticeId ? (base.notifiedAt ?? daysAgo(20)) : null) : h.notifiedAt,
        answer: h.answer ?? null,
        answeredAt: h.answeredAt ?? null,
        goneAt: h.goneAt ?? null,
      };
    }),
  });
  return rows.sort((a, b) => a.id - b.id);
}

/** A campaign with one organization, its sent notice and hosts: the common start of most tests. */
export async function seedNotified(
  prisma: PrismaClient,
  config: Config,
  opts: { language?: Lang; hosts?: HostSeed[]; noticeCreatedAt?: Date; campaignId?: string } = {},
) {
  const campaign = opts.campaignId
    ? await prisma.campaign.findUniqueOrThrow({ where: { id: opts.campaignId } })
    : await seedCampaign(prisma);
  const organization = await seedOrganization(prisma, { language: opts.language });
  const { notice, token } = await seedNotice(prisma, config, {
    campaignId: campaign.id,
    organizationId: organization.id,
    language: opts.language,
    createdAt: opts.noticeCreatedAt,
  });
  const hosts = await seedHosts(
    prisma,
    { campaignId: campaign.id, organizationId: organization.id, noticeId: notice.id, notifiedAt: opts.noticeCreatedAt },
    opts.hosts ?? [{}, {}],
  );
  return { campaign, organization, notice, token, hosts };
}
