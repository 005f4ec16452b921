import { expect, test } from "@playwright/test";
import { adminApi, signIn, step } from "./support/console.ts";
import { E2E } from "./support/env.ts";

test("an admin deletes a list uploaded by mistake: told first what goes, then back on the lists", async ({
  page,
}, testInfo) => {
  const api = await adminApi();
  const campaign = await api.call<{ id: string; name: string }>("POST", "/api/campaigns", {
    name: `Wrong list ${testInfo.testId}`,
  });
  // Addresses of its own (a list's sha256 is taken once), three hosts the campaign has from this list only.
  const net = `198.18.${Date.now() % 250}`;
  const fileName = `mistake-${Date.now()}.csv`;
  const list = await api.uploadList(`ip,port\n${net}.1,443\n${net}.2,443\n${net}.3,443\n`, fileName, {
    campaignId: campaign.id,
  });

  await signIn(page, E2E.admin);
  await step(page, testInfo, "the dialog says what goes before anything does", async () => {
    await page.goto(`/console/lists/${list.id}`);
    await expect(page.getByRole("heading", { level: 1, name: fileName })).toBeVisible();
    await page.getByRole("button", { name: "Delete" }).click();
    const plan = page.getByTestId("deletion-plan");
    await expect(plan).toContainText("Its 3 rows and its rejected lines are deleted for good.");
    await expect(plan).toContainText(`Campaign “${campaign.name}” keeps its notices, answers and progress.`);
    await expect(plan).toContainText("3 hosts only this list brought in, never notified, leave it.");
  });
  await step(page, testInfo, "deleted: back on the lists, where it is no more", async () => {
    await page.getByRole("button", { name: "Delete the list" }).click();
    await expect(page).toHaveURL(/\/console\/lists$/);
    await expect(page.getByRole("heading", { level: 1, name: "Exposure lists" })).toBeVisible();
    await expect(page.getByText(fileName)).toHaveCount(0);
    const hosts = await api.call<{ total: number }>("GET", `/api/campaigns/${campaign.id}/hosts`);
    expect(hosts.total).toBe(0);
  });
});
