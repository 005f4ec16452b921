import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { BakenApi } from "../../scripts/lib/baken-api.ts";
import { E2E } from "./env.ts";

export type Who = { email: string; password: string };

/** Signs in through the console's own form, as a person does. */
export async function signIn(page: Page, who: Who) {
  await page.goto("/console/");
  await page.getByLabel("E-mail").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("button", { name: "Sign out" })).toBeVisible();
}

/** The staff API as the admin, for seeding what a spec needs but does not tell (the registry). */
export const adminApi = () => BakenApi.signIn(E2E.baseUrl, E2E.admin.email, E2E.admin.password);

/**
 * One step of a story: runs it as a Playwright step, then keeps a full-page screenshot of where it ended as an
 * artifact of the test, pass or fail: a file in test-results/<test>/ and an attachment in the HTML report.
 */
export async function step(page: Page, testInfo: TestInfo, name: string, body: () => Promise<void>) {
  const index = String(testInfo.attachments.filter((a) => a.contentType === "image/png").length + 1).padStart(2, "0");
  await test.step(name, async () => {
    try {
      await body();
    } finally {
      const path = testInfo.outputPath(`${index}-${name.replace(/[^\w]+/g, "-").toLowerCase()}.png`);
      const shot = await page.screenshot({ path, fullPage: true }).catch(() => null);
      if (shot) await testInfo.attach(`${index} ${name}`, { body: shot, contentType: "image/png" });
    }
  });
}

/** The figure a console stat card shows ("1,150" → 1150). */
export async function stat(page: Page, testId: string): Promise<number> {
  const text = (await page.getByTestId(testId).textContent()) ?? "";
  return Number(text.replace(/[^\d]/g, ""));
}
