import { expect, test } from "@playwright/test";
import { adminApi, signIn, step } from "./support/console.ts";
import { E2E } from "./support/env.ts";

test("an admin edits an organization: its fields, its fallback contact, a contact, networks, ASNs and domains", async ({
  page,
}, testInfo) => {
  const name = `Registry edit ${testInfo.testId}`;
  const domain = `${testInfo.testId.toLowerCase().replace(/[^a-z0-9]/g, "")}.example`;
  await (
    await adminApi()
  ).importRegistry(
    `${JSON.stringify({
      name,
      language: "nl",
      contacts: [{ email: `abuse@${domain}`, role: "abuse" }],
      cidrs: ["198.51.100.0/24"],
      asns: [64500],
      domains: [domain],
    })}\n`,
  );
  await signIn(page, E2E.admin);
  await step(page, testInfo, "the organization as stored", async () => {
    await page.goto("/console/organizations");
    await page.getByLabel("Search by name").fill(name);
    await page.getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByText("198.51.100.0/24")).toBeVisible();
    await expect(page.getByText("AS64500")).toBeVisible();
  });
  await step(page, testInfo, "edited and saved", async () => {
    await page.getByRole("button", { name: "Edit" }).click();
    await page.locator("#org-sector").fill("energy");
    await page.locator("#contact-0-name").fill("Abuse desk");
    await page.locator("#org-cidrs").fill("198.51.100.0/24\n203.0.113.0/24");
    await page.locator("#org-asns").fill("");
    await page.locator("#org-domains").fill(`mail.${domain}`);
    await page.getByLabel("Fallback contact").fill(`NOC@isp.${domain}`);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("button", { name: "Edit" })).toBeVisible();
    // Shown as stored: lower case, where a notice that reached no contact goes once.
    await expect(page.getByRole("definition").filter({ hasText: `noc@isp.${domain}` })).toBeVisible();
    await expect(page.getByText("203.0.113.0/24")).toBeVisible();
    await expect(page.getByText("No ASN registered.")).toBeVisible();
  });
  await step(page, testInfo, "what the API now holds", async () => {
    const found = await (await page.request.get(`/api/organizations?search=${encodeURIComponent(name)}`)).json();
    const org = await (await page.request.get(`/api/organizations/${found.organizations[0].id}`)).json();
    expect(org).toMatchObject({
      name,
      sector: "energy",
      asns: [],
      domains: [{ name: `mail.${domain}` }],
      delivery: { fallbackEmail: `noc@isp.${domain}` },
    });
    expect(org.networks.map((n: { cidr: string }) => n.cidr).sort()).toEqual(["198.51.100.0/24", "203.0.113.0/24"]);
    expect(org.contacts).toEqual([expect.objectContaining({ email: `abuse@${domain}`, name: "Abuse desk" })]);
  });
});
