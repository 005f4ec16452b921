import { expect, request, test } from "@playwright/test";
import { signIn, step } from "./support/console.ts";
import { E2E } from "./support/env.ts";

test("an admin creates an API token, sees its secret once, and revokes it", async ({ page }, testInfo) => {
  const name = `SOAR ${testInfo.testId}`;
  let secret = "";
  await signIn(page, E2E.admin);
  await step(page, testInfo, "create a token", async () => {
    await page.getByRole("link", { name: "API tokens" }).click();
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("Role").selectOption("analyst");
    await page.getByLabel("Expires after").fill("30");
    await page.getByRole("button", { name: "Create token" }).click();
  });
  await step(page, testInfo, "its secret, shown this once", async () => {
    await expect(page.getByText(`Token “${name}” created.`)).toBeVisible();
    secret = await page.getByLabel("New API token").inputValue();
    expect(secret).toMatch(/^baken_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);
    const row = page.getByRole("row", { name: new RegExp(name) });
    await expect(row).toContainText(secret.slice(0, 14));
    await expect(row).toContainText("never");
  });
  await step(page, testInfo, "gone once closed, and after a reload", async () => {
    await page.getByRole("button", { name: "Done" }).click();
    await expect(page.getByLabel("New API token")).toHaveCount(0);
    expect(await page.content()).not.toContain(secret);
    await page.reload();
    await expect(page.getByRole("row", { name: new RegExp(name) })).toBeVisible();
    expect(await page.content()).not.toContain(secret.slice(15));
  });
  await step(page, testInfo, "a tool uses it; then it is revoked", async () => {
    const tool = await request.newContext({ baseURL: E2E.baseUrl });
    const me = await tool.get("/api/auth/me", { headers: { authorization: `Bearer ${secret}` } });
    expect(await me.json()).toMatchObject({ email: E2E.admin.email, role: "analyst" });
    await page.reload();
    await expect(page.getByRole("row", { name: new RegExp(name) })).not.toContainText("never");
    await page.getByRole("button", { name: `Revoke ${name}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke" }).click();
    await expect(page.getByRole("row", { name: new RegExp(name) })).toContainText("revoked");
    expect((await tool.get("/api/auth/me", { headers: { authorization: `Bearer ${secret}` } })).status()).toBe(401);
    await tool.dispose();
  });
});
