import { expect, test } from "@playwright/test";

test("the started stack answers in a real browser", async ({ page }) => {
  const res = await page.goto("/readyz");
  expect(res?.status()).toBe(200);
  await expect(page.locator("body")).toContainText('"postgres":"ok"');
  await page.goto("/docs");
  await expect(page.getByText("Baken API").first()).toBeVisible();
});
