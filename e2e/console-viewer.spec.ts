import { expect, test } from "@playwright/test";
import { proxyLogonCampaign } from "../scripts/lib/demo-campaign.ts";
import { adminApi, signIn, step } from "./support/console.ts";
import { E2E } from "./support/env.ts";

test("a viewer sees no control that would change anything", async ({ page }, testInfo) => {
  await signIn(page, E2E.viewer);
  // Sign-in lands on the signals; lists are a click away.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Lists" }).click();
  await step(page, testInfo, "lists without upload", async () => {
    await expect(page.getByRole("heading", { name: "Exposure lists" })).toBeVisible();
    await expect(page.getByText("viewer", { exact: true })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Upload a list" })).toHaveCount(0);
    await expect(page.getByLabel("List file")).toHaveCount(0);
  });
  await step(page, testInfo, "no audit log for a viewer", async () => {
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Audit log" })).toHaveCount(
      0,
    );
    await page.goto("/console/audit");
    await expect(page.getByRole("heading", { name: "Admins only" })).toBeVisible();
    const res = await page.request.get("/api/audit");
    expect(res.status()).toBe(403);
    expect((await res.json()).error).toBe("forbidden");
  });
});

test("a viewer cannot send a campaign: no button, and the API says 403", async ({ page }, testInfo) => {
  // Needs the campaigns API (notices branch).
  const admin = await adminApi();
  const { id } = await admin.ensureCampaign({
    ...proxyLogonCampaign("https://cert.baken.example"),
    name: `Viewer check ${testInfo.testId}`,
  });
  await signIn(page, E2E.viewer);
  await step(page, testInfo, "campaign as a viewer", async () => {
    await page.goto(`/console/campaigns/${id}`);
    await expect(page.getByRole("heading", { name: `Viewer check ${testInfo.testId}` })).toBeVisible();
    await expect(page.getByRole("heading", { name: "Delivery" })).toBeVisible();
    await expect(page.getByRole("button", { name: "Preview the notices" })).toBeVisible();
    for (const name of ["Send notices…", "Send reminders…", "Edit"])
      await expect(page.getByRole("button", { name })).toHaveCount(0);
  });
  await step(page, testInfo, "the API refuses", async () => {
    const res = await page.request.post(`/api/campaigns/${id}/send`, { data: {} });
    expect(res.status()).toBe(403);
    expect(await res.json()).toMatchObject({ error: "forbidden", message: expect.stringContaining("analyst") });
  });
});

test("an analyst sees no control that changes the registry, and the API says 403", async ({ page }, testInfo) => {
  const name = `Registry check ${testInfo.testId}`;
  await (await adminApi()).importRegistry(`${JSON.stringify({ name, language: "nl" })}\n`);
  await signIn(page, E2E.analyst);
  await step(page, testInfo, "organizations as an analyst", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Organizations" }).click();
    await expect(page.getByRole("heading", { name: "Organizations" })).toBeVisible();
    await expect(page.getByRole("link", { name: "New organization" })).toHaveCount(0);
    await expect(page.getByLabel("Registry file")).toHaveCount(0);
    await page.getByLabel("Search by name").fill(name);
    await page.getByRole("link", { name }).click();
    await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
    await expect(page.getByRole("button", { name: "Edit" })).toHaveCount(0);
  });
  await step(page, testInfo, "the new-organization page and the API refuse", async () => {
    await page.goto("/console/organizations/new");
    await expect(page.getByRole("heading", { name: "Admins only" })).toBeVisible();
    const res = await page.request.post("/api/organizations", { data: { name: `${name} 2`, language: "nl" } });
    expect(res.status()).toBe(403);
    expect(await res.json()).toEqual({ error: "forbidden", message: "This needs the admin role; you are analyst" });
  });
});
