import { loadConfig } from "@baken/config";
import { createDb } from "@baken/db";
import { E2E } from "./env.ts";

/** The owners' answers stored for a campaign, oldest first: what the page said it kept, read back. */
export async function storedReplies(campaignId: string) {
  const config = loadConfig({ ...process.env, ...E2E.env });
  const db = createDb(config.databaseUrl, { max: 1 });
  try {
    const replies = await db.prisma.remediationReply.findMany({
      where: { notice: { campaignId } },
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
