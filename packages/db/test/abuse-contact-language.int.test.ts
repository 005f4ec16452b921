import { loadConfig } from "@baken/config";
import { abuseContactOrganizationId, type FallbackContact } from "@baken/core";
import { createDb, ensureAbuseContactOrganizations, type Db } from "@baken/db";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const config = loadConfig(process.env);
let db: Db;
beforeAll(() => {
  db = createDb(config.databaseUrl, { max: 2 });
});
afterAll(() => db.close());

const contact = (mailbox: string, language?: FallbackContact["language"]): FallbackContact => ({
  mailbox,
  source: language ? "security_txt" : "ripe",
  object: "test",
  language,
  organizationId: abuseContactOrganizationId(mailbox),
  reason: language ? "security_txt" : "abuse_network",
});

describe("an abuse contact's notice language", () => {
  it("is the one its contact names, set on an automatic organization made earlier, never on a registered one", async () => {
    const tag = randomUUID().slice(0, 8);
    const auto = `abuse-${tag}@hoster.example`;
    const promoted = `abuse-${tag}@promoted.example`;
    await ensureAbuseContactOrganizations(db, [contact(auto), contact(promoted)]);
    const language = async (mailbox: string) =>
      (await db.prisma.organization.findUnique({ where: { id: abuseContactOrganizationId(mailbox) } }))!.language;
    expect([await language(auto), await language(promoted)]).toEqual(["en", "en"]);

    await db.prisma.organization.update({
      where: { id: abuseContactOrganizationId(promoted) },
      data: { kind: "registered", language: "nl" },
    });
    await ensureAbuseContactOrganizations(db, [contact(auto, "fr"), contact(promoted, "de")]);
    expect([await language(auto), await language(promoted)]).toEqual(["fr", "nl"]);
    // A contact that names none leaves the language as it is.
    await ensureAbuseContactOrganizations(db, [contact(auto)]);
    expect(await language(auto)).toBe("fr");
  });
});
