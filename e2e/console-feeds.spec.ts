import { expect, test } from "@playwright/test";
import { reportType } from "@baken/core";
import { shadowserverSample, ShadowserverStub } from "@baken/testing";
import { adminApi, signIn, step } from "./support/console.ts";
import { E2E } from "./support/env.ts";

// Against a local server that speaks Shadowserver's Reports API and checks each request's signature: the
// stack's worker pulls from it as it would from Shadowserver.
const stub = new ShadowserverStub("e2e-api-key-7731", "e2e-api-secret");
test.beforeAll(() => stub.start());
test.afterAll(() => stub.stop());

test("an admin sets up a daily Shadowserver pull and sees the last pull's outcome", async ({ page }, testInfo) => {
  const api = await adminApi();
  const campaign = await api.call<{ id: string; name: string }>("POST", "/api/campaigns", {
    name: `Exchange via Shadowserver ${testInfo.testId}`,
  });
  // A /24 of its own, so the report is a file Baken has not seen (a list's sha256 is taken once).
  const net = `198.19.${Date.now() % 250}`;
  const side = {
    v4: `${net}.17`,
    v6: "2001:db8:77::17",
    network: `${net}.0/25`,
    hostname: "mail.feed-e2e.example",
    asn: 64_777,
  };
  await api.importRegistry(
    `${JSON.stringify({ name: `Feed e2e ${testInfo.testId}`, language: "en", cidrs: [`${net}.0/24`] })}\n`,
  );
  const today = new Date().toISOString().slice(0, 10);
  const report = stub.publish({
    id: "e2e0001",
    type: "scan_exchange",
    date: today,
    csv: shadowserverSample(reportType("scan_exchange")!, side).csv,
    report: `e2e-${Date.now()}`,
  });
  const name = `Shadowserver ${testInfo.testId}`;

  await signIn(page, E2E.admin);
  await step(page, testInfo, "a new feed: the account, every day at 06:00, a rule", async () => {
    await page.getByRole("link", { name: "Feeds" }).click();
    await page.getByRole("link", { name: "New feed" }).click();
    await page.getByLabel("Name", { exact: true }).fill(name);
    await page.getByLabel("API key").fill(stub.apiKey);
    await page.getByLabel("Secret").fill(stub.secret);
    await page.getByLabel("API address").fill(stub.apiUrl);
    await page.getByLabel("Download address").fill(stub.downloadUrl);
    await page.locator("#feed-schedule").selectOption("daily");
    await page.locator("#feed-time").fill("06:00");
    await page.getByRole("button", { name: "Add a rule" }).click();
    await page.getByLabel("Report type", { exact: true }).fill("scan_exchange");
    await page.getByLabel("Campaign", { exact: true }).selectOption({ label: campaign.name });
    await page.getByRole("button", { name: "Create feed" }).click();
  });
  await step(page, testInfo, "scheduled, its secret nowhere on the page", async () => {
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByText("every day at 06:00")).toBeVisible();
    await expect(page.getByText(/next /)).toBeVisible();
    await expect(page.getByText("API key …7731 and its secret (stored sealed)")).toBeVisible();
    expect(await page.content()).not.toContain(stub.secret);
    await expect(page.getByText("Not run yet.")).toBeVisible();
  });
  await step(page, testInfo, "pulled now: the last run's outcome, report by report", async () => {
    await page.getByRole("button", { name: "Pull now" }).click();
    await expect(page.getByTestId("last-run")).toContainText("succeeded", { timeout: 30_000 });
    await expect(page.getByTestId("last-run")).toContainText("1 ingested, 0 skipped, 0 failed of 1 listed");
    const row = page.getByRole("row", { name: new RegExp(report.file) });
    await expect(row).toContainText("ingested");
    await expect(row).toContainText("scan_exchange");
  });
  await step(page, testInfo, "the report is a list of the rule's campaign", async () => {
    await page
      .getByRole("row", { name: new RegExp(report.file) })
      .getByRole("link", { name: "2 rows" })
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(report.file);
    await expect(page.getByRole("link", { name: campaign.name })).toBeVisible();
  });
});
