import { expect, test } from "@playwright/test";
import { proxyLogonCampaign } from "../scripts/lib/demo-campaign.ts";
import { adminApi, step } from "./support/console.ts";
import { E2E } from "./support/env.ts";

test("on a phone the menu opens, and a table's rows fit the screen without scrolling sideways", async ({
  page,
}, testInfo) => {
  const name = `Phone check ${testInfo.testId}`;
  await (await adminApi()).ensureCampaign({ ...proxyLogonCampaign("https://cert.baken.example"), name });
  await page.setViewportSize({ width: 390, height: 844 });
  await step(page, testInfo, "signed in on a phone", async () => {
    await page.goto("/console/");
    await page.getByLabel("E-mail").fill(E2E.analyst.email);
    await page.getByLabel("Password").fill(E2E.analyst.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    // The navigation folds away behind a button, so the page's content starts on the first screen.
    await expect(page.getByRole("link", { name: "Campaigns" })).toBeHidden();
    await page.getByRole("button", { name: "Menu" }).click();
    await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Campaigns" }).click();
  });
  await step(page, testInfo, "campaigns as stacked rows", async () => {
    await expect(page.getByRole("heading", { name: "Campaigns" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Menu" })).toHaveAttribute("aria-expanded", "false");
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name }) });
    const severity = row.locator('td[data-label="Severity"]');
    await expect(severity).toBeVisible();
    const box = (await severity.boundingBox())!;
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
});
