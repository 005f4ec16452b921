import { loadConfig } from "@baken/config";
import { createDb } from "@baken/db";
import { planPastCampaign, seedPastCampaign, type PastOrganization } from "@baken/testing";
import { expect, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { signIn, stat, step } from "./support/console.ts";
import { E2E } from "./support/env.ts";

const SECTORS = ["health", "energy", "education", null] as const;

/** A finished past campaign (the demo's generator) over 60 organizations of its own, in the stack's database. */
async function seedPast(name: string) {
  const config = loadConfig({ ...process.env, ...E2E.env });
  const db = createDb(config.databaseUrl, { max: 1 });
  try {
    const orgs: PastOrganization[] = [];
    for (let i = 0; i < 60; i++) {
      const org = await db.prisma.organization.create({
        data: { name: `${name} org ${i}`, language: "en", sector: SECTORS[i % SECTORS.length] },
      });
      orgs.push({ id: org.id, language: "en" });
    }
    const plan = planPastCampaign({ name, organizations: orgs, seed: 16 });
    return { id: await seedPastCampaign(db, plan, orgs), plan };
  } finally {
    await db.close();
  }
}

for (const width of [1280, 390]) {
  test(`the progress of a finished past campaign, at ${width} px`, async ({ page }, testInfo) => {
    const name = `ProxyShell ${randomUUID().slice(0, 6)}`;
    const { id, plan } = await seedPast(name);
    await signIn(page, E2E.viewer);
    // After signing in: below 760 px "Sign out" folds behind the menu.
    await page.setViewportSize({ width, height: 900 });
    await step(page, testInfo, `progress at ${width} px`, async () => {
      await page.goto(`/console/campaigns/${id}/progress`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(`Progress: ${name}`);
      expect(await stat(page, "progress-notified")).toBe(plan.hosts.length);
      expect(await stat(page, "progress-gone")).toBe(plan.hosts.filter((h) => h.goneAt).length);
      // Four weeks of days: dated ticks a week apart, the first with its year.
      const ticks = page.getByTestId("date-tick");
      expect(await ticks.count()).toBeGreaterThanOrEqual(4);
      expect(await ticks.count()).toBeLessThanOrEqual(8);
      await expect(ticks.first()).toContainText(/\d{1,2} [A-Z][a-z]{2} \d{4}/);
      await expect(page.getByRole("table", { name: "Sectors" })).toContainText("health");
      await expect(page.getByRole("table", { name: "Organizations" })).toContainText(`${name} org`);
    });
    await step(page, testInfo, `percent scale at ${width} px`, async () => {
      await page.getByRole("button", { name: "Percent" }).click();
      await expect(page.getByRole("img", { name: /^Hosts notified/ })).toContainText("100 %");
    });
  });
}
