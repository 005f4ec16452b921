import { expect, test } from "@playwright/test";

test("the started stack answers in a real browser", async ({ page }) => {
  const res = await page.goto("/readyz");
  expect(res?.status()).toBe(200);
  await expect(page.locator("body")).toContainText('"postgres":"ok"');
  await page.goto("/docs");
  // Swagger UI resolves the whole document (about 400 KB, every route's schemas inlined) before it shows it.
  await expect(page.getByText("Baken API").first()).toBeVisible({ timeout: 30_000 });
});
