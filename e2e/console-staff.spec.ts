import { expect, request, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { signIn, step } from "./support/console.ts";
import { E2E } from "./support/env.ts";

test("an admin creates a staff account, which signs in, then disables it: its session ends at once", async ({
  page,
  browser,
}, testInfo) => {
  const email = `nora-${randomUUID().slice(0, 8)}@baken.example`;
  const password = "a long enough password";
  await signIn(page, E2E.admin);
  await step(page, testInfo, "create the account", async () => {
    await page.getByRole("link", { name: "Staff" }).click();
    await page.getByLabel("E-mail").fill(email);
    await page.getByLabel("Name", { exact: true }).fill("Nora Analyst");
    await page.getByLabel("Role", { exact: true }).selectOption("analyst");
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("row", { name: new RegExp(email) })).toContainText("active");
  });

  const other = await browser.newContext();
  const nora = await other.newPage();
  await step(nora, testInfo, "the new analyst signs in", async () => {
    await signIn(nora, { email, password });
  });

  await step(page, testInfo, "disable the account", async () => {
    await page.getByRole("button", { name: `Disable ${email}` }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Disable" }).click();
    await expect(page.getByRole("row", { name: new RegExp(email) })).toContainText("disabled");
  });

  await step(nora, testInfo, "the disabled analyst's next request is refused", async () => {
    await nora.reload();
    await expect(nora.getByRole("button", { name: "Sign in" })).toBeVisible();
    const api = await request.newContext({ baseURL: E2E.baseUrl });
    expect((await api.post("/api/auth/login", { data: { email, password } })).status()).toBe(401);
    await api.dispose();
  });
  await other.close();

  await step(page, testInfo, "each change is in the audit log, by name", async () => {
    await page.getByRole("link", { name: "Audit log" }).click();
    await page.getByLabel("What").fill("staff");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByRole("row", { name: /staff\.disable/ }).first()).toContainText("Nora Analyst");
    await expect(page.getByRole("row", { name: /staff\.create/ }).first()).toContainText("Nora Analyst");
  });
});
