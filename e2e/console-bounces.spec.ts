import { deliveryReport } from "@baken/testing";
import { expect, test } from "@playwright/test";
import nodemailer from "nodemailer";
import { randomInt, randomUUID } from "node:crypto";
import { proxyLogonCampaign } from "../scripts/lib/demo-campaign.ts";
import { adminApi, signIn, stat, step } from "./support/console.ts";
import { E2E } from "./support/env.ts";
import { waitForMail } from "./support/mail.ts";

// A notice bounces for one of an organization's two contacts, through the worker's real bounce listener; an
// analyst finds the dead address among the contacts to fix, follows it to its organization and marks it fixed.
// The e2e database keeps earlier runs' data, so every name and network here is this run's own.

test("an analyst fixes a contact that bounced: contacts to fix → organization → mark fixed", async ({
  page,
}, testInfo) => {
  const tag = randomUUID().slice(0, 8);
  const name = `Bounces ${tag}`;
  const live = `abuse@live-${tag}.example`;
  const dead = `gone@dead-${tag}.example`;
  // Outside the story's generated registry (198.18.0.0/15): a campaign here would keep its hosts quiet.
  const prefix = `10.19.${randomInt(0, 250)}`;
  const host = randomInt(1, 250);
  const api = await adminApi();
  await api.importRegistry(
    `${JSON.stringify({
      name,
      language: "en",
      contacts: [
        { email: live, role: "abuse" },
        { email: dead, role: "security" },
      ],
      cidrs: [`${prefix}.${host}/32`],
      asns: [],
      domains: [],
    })}\n`,
  );
  const input = { ...proxyLogonCampaign("https://cert.baken.example"), name: `Exchange bounces ${tag}` };
  const { id: campaignId } = await api.call<{ id: string }>("POST", "/api/campaigns", input);
  await api.uploadList(
    `timestamp,ip,port,hostname\n2021-03-10 00:00:00,${prefix}.${host},443,mail.${tag}.example\n`,
    `bounces-${tag}.csv`,
    { campaignId },
  );
  await api.call("POST", `/api/campaigns/${campaignId}/send`);

  await step(page, testInfo, "the dead address bounces through the listener", async () => {
    const mail = await waitForMail((m) => m.to.includes(dead) && m.subject.includes(input.name), 60_000);
    const report = deliveryReport({
      returnPath: mail.from,
      originalMessageId: mail.headers["message-id"]!,
      recipient: dead,
    });
    const transport = nodemailer.createTransport({ host: "127.0.0.1", port: E2E.bouncePort, ignoreTLS: true });
    try {
      await transport.sendMail(report);
    } finally {
      transport.close();
    }
    const toFix = async () =>
      (await api.call<{ contacts: { email: string }[] }>("GET", "/api/organizations/contacts-to-fix?limit=500"))
        .contacts;
    await expect.poll(async () => (await toFix()).some((c) => c.email === dead), { timeout: 30_000 }).toBe(true);
  });

  await signIn(page, E2E.analyst);
  await step(page, testInfo, "the campaign counts the notice delivered", async () => {
    await page.goto(`/console/campaigns/${campaignId}`);
    await expect(page.getByTestId("delivery-delivered")).toHaveText("1");
    expect(await stat(page, "delivery-bounced")).toBe(0);
  });
  await step(page, testInfo, "the notice shows each recipient's outcome and the bounce", async () => {
    const { notices } = await api.call<{ notices: { id: string }[] }>("GET", `/api/campaigns/${campaignId}/notices`);
    await page.goto(`/console/notices/${notices[0]!.id}`);
    const outcomes = page.getByRole("table", { name: "Recipients’ outcomes" });
    await expect(outcomes.getByRole("row").filter({ hasText: live })).toContainText("accepted");
    await expect(outcomes.getByRole("row").filter({ hasText: dead }).filter({ hasText: "failed" })).toContainText(
      "5.1.1",
    );
    await expect(page.getByRole("table", { name: "Returned mail" })).toContainText("bounce");
  });
  const row = page.getByRole("row").filter({ hasText: dead });
  await step(page, testInfo, "the dead address among the contacts to fix", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Contacts to fix" }).click();
    await expect(page.getByRole("heading", { level: 1, name: "Contacts to fix" })).toBeVisible();
    await expect(row).toContainText("permanent failure");
    await expect(row).toContainText("5.1.1");
  });
  await step(page, testInfo, "its organization shows it undeliverable, the other contact deliverable", async () => {
    await row.getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: dead })).toContainText("undeliverable");
    await expect(page.getByRole("row").filter({ hasText: live })).toContainText("deliverable");
    await expect(page.getByRole("row").filter({ hasText: live })).not.toContainText("undeliverable");
  });
  await step(page, testInfo, "marked fixed, and gone from the list", async () => {
    await page.getByRole("button", { name: `Mark ${dead} fixed` }).click();
    await expect(page.getByRole("button", { name: `Mark ${dead} fixed` })).toHaveCount(0);
    await expect(page.getByRole("row").filter({ hasText: dead })).not.toContainText("undeliverable");
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Contacts to fix" }).click();
    // The list answered (a table or its empty state) before the absence counts for anything.
    await expect(
      page
        .getByRole("table", { name: "Contacts to fix" })
        .or(page.getByText("Every contact in the registry is deliverable")),
    ).toBeVisible();
    await expect(page.getByText(dead)).toHaveCount(0);
  });
});
