import { expect, test } from "@playwright/test";
import { adminApi, signIn, step } from "./support/console.ts";
import { E2E } from "./support/env.ts";

test("an analyst classifies a campaign by RSIT, its CVEs linked, and previews notices with their X-ARF reports", async ({
  page,
}, testInfo) => {
  const name = `Infected hosts ${testInfo.testId}`;
  const net = `198.19.${(Date.now() >> 8) % 250}`;
  await signIn(page, E2E.analyst);
  await step(page, testInfo, "a new campaign: class and type from the report form's vocabulary", async () => {
    await page.goto("/console/campaigns/new");
    await page.getByLabel("Name").fill(name);
    await page.getByLabel("CVEs").fill("cve-2021-26855");
    await page.locator("#campaign-rsit-class").selectOption({ label: "Malware" });
    await expect(page.locator("#campaign-rsit-type")).toHaveValue("infected-system");
    await page.locator("#campaign-rsit-type").selectOption({ label: "Command-and-control server" });
    await page.locator("#campaign-rsit-type").selectOption({ label: "Infected device or server" });
    await page.getByRole("button", { name: "Create campaign" }).click();
  });
  await step(page, testInfo, "shown in words, the CVE linked to cve.org and NVD", async () => {
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByText("Malware – Infected device or server")).toBeVisible();
    await expect(page.getByRole("link", { name: "CVE-2021-26855", exact: true })).toHaveAttribute(
      "href",
      "https://www.cve.org/CVERecord?id=CVE-2021-26855",
    );
    await expect(page.getByRole("link", { name: "CVE-2021-26855 at NVD" })).toHaveAttribute(
      "href",
      "https://nvd.nist.gov/vuln/detail/CVE-2021-26855",
    );
  });
  await step(page, testInfo, "the preview names the classification and the X-ARF reports", async () => {
    const api = await adminApi();
    const org = `Infected org ${testInfo.testId}`;
    await api.importRegistry(
      `${JSON.stringify({ name: org, language: "fr", cidrs: [`${net}.0/24`], contacts: [{ email: "abuse@infected.example", role: "abuse" }] })}\n`,
    );
    const campaignId = page.url().split("/").pop()!;
    await api.uploadList(`ip,port,protocol\n${net}.5,443,tcp\n${net}.6,80,tcp\n`, `infected-${net}.csv`, {
      campaignId,
    });
    await page.reload();
    await page.getByRole("button", { name: "Preview the notices" }).click();
    await expect(page.getByTestId("preview-body")).toContainText("Classification (taxonomie RSIT)");
    await expect(page.getByTestId("preview-body")).toContainText("Logiciel malveillant – Appareil ou serveur infecté");
    const xarf = page.getByRole("region", { name: "X-ARF reports" });
    await expect(xarf).toContainText(/baken-\d{8}-preview-001\.xarf\.json/);
    await expect(xarf).toContainText("2 report(s), one per host");
  });
});
