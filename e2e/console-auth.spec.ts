import { expect, test } from "@playwright/test";
import { signIn, step } from "./support/console.ts";
import { E2E } from "./support/env.ts";

test("a wrong password shows an error and keeps the console closed", async ({ page }, testInfo) => {
  await step(page, testInfo, "sign-in page", async () => {
    await page.goto("/");
    await expect(page).toHaveURL(/\/console\/$/);
    await expect(page.getByRole("heading", { name: "Sign in to Baken" })).toBeVisible();
  });
  await step(page, testInfo, "wrong password", async () => {
    await page.getByLabel("E-mail").fill(E2E.analyst.email);
    await page.getByLabel("Password").fill("not the password at all");
    await page.getByRole("button", { name: "Sign in" }).click();
    const alert = page.getByRole("alert");
    await expect(alert).toContainText("Sign-in failed");
    // The API's own message, not a generic one; the same for an unknown account (no user enumeration).
    const answer = await page.request.post("/api/auth/login", { data: { email: E2E.analyst.email, password: "nope" } });
    expect(answer.status()).toBe(401);
    await expect(alert).toContainText((await answer.json()).message);
    await expect(page.getByLabel("Password")).toHaveValue("");
    await expect(page.getByRole("navigation", { name: "Main" })).toHaveCount(0);
  });
});

test("the session lives in an httpOnly cookie that scripts cannot read, and signing out ends it", async ({
  page,
  context,
}, testInfo) => {
  await step(page, testInfo, "signed in", async () => {
    await signIn(page, E2E.analyst);
    const cookie = (await context.cookies()).find((c) => c.name === "baken_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Strict" });
    expect(await page.evaluate(() => document.cookie)).not.toContain("baken_session");
    expect(await page.evaluate(() => JSON.stringify({ ...localStorage, ...sessionStorage }))).not.toContain("eyJ");
  });
  await step(page, testInfo, "signed out", async () => {
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page.getByRole("heading", { name: "Sign in to Baken" })).toBeVisible();
    await page.reload();
    await expect(page.getByRole("heading", { name: "Sign in to Baken" })).toBeVisible();
    expect((await page.request.get("/api/auth/me")).status()).toBe(401);
  });
});
