import { expect, test, type Page } from "@playwright/test";
import { randomInt, randomUUID } from "node:crypto";
import { proxyLogonCampaign } from "../scripts/lib/demo-campaign.ts";
import { adminApi, signIn, step } from "./support/console.ts";
import { E2E } from "./support/env.ts";
import { waitForMail } from "./support/mail.ts";

// The analyst's day: land on the signals, act on an owner's alarm, search an address, page through notices.
// The e2e database keeps earlier runs' data, so every name and network here is this run's own.

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

type Org = { name: string; contact: string; cidr: string; ips: string[] };

/**
 * Organizations of this run, each with its own /28 of 10.0.0.0/8, in English: outside the story's generated
 * registry (198.18.0.0/15), whose hosts these registrations would otherwise take or keep quiet.
 */
function orgs(count: number, tag: string): Org[] {
  const base = randomInt(0, 60) * 4;
  return Array.from({ length: count }, (_, i) => {
    const net = `10.18.${base + Math.floor(i / 16)}.${(i % 16) * 16}`;
    const prefix = net.slice(0, net.lastIndexOf("."));
    const last = Number(net.slice(net.lastIndexOf(".") + 1));
    return {
      name: `Signals ${tag} org ${String(i).padStart(2, "0")}`,
      contact: `abuse@s${tag}-${i}.example`,
      cidr: `${net}/28`,
      ips: [`${prefix}.${last + 1}`, `${prefix}.${last + 2}`],
    };
  });
}

/** The organizations registered, a campaign, a list of their hosts uploaded to it, and the campaign sent. */
async function seedSentCampaign(tag: string, registered: Org[]) {
  const api = await adminApi();
  await api.importRegistry(
    registered
      .map((o, i) =>
        JSON.stringify({
          name: o.name,
          sector: "government",
          country: "BE",
          language: ["en", "nl", "fr", "de"][i % 4],
          contacts: [{ email: o.contact, name: "IT", role: "abuse" }],
          cidrs: [o.cidr],
          asns: [],
          domains: [],
        }),
      )
      .join("\n") + "\n",
  );
  const input = { ...proxyLogonCampaign("https://cert.baken.example"), name: `Exchange signals ${tag}` };
  const { id: campaignId } = await api.call<{ id: string }>("POST", "/api/campaigns", input);
  const rows = registered.flatMap((o) =>
    o.ips.map((ip, k) => `2021-03-10 0${k}:00:00,${ip},443,mail${k}.${tag}.example`),
  );
  await api.uploadList(["timestamp,ip,port,hostname", ...rows].join("\n") + "\n", `exchange-${tag}.csv`, {
    campaignId,
  });
  await api.call("POST", `/api/campaigns/${campaignId}/send`);
  return { api, campaignId, campaignName: input.name };
}

/** The owner's link in the notice mailed to `contact`. */
async function ownerLink(contact: string, campaignName: string) {
  const mail = await waitForMail((m) => m.to.includes(contact) && m.subject.includes(campaignName), 60_000);
  const link = mail.text.match(new RegExp(`${escape(E2E.baseUrl)}/r/[A-Za-z0-9_-]+`))?.[0];
  expect(link, "the notice carries the owner's link").toBeTruthy();
  return link!;
}

async function atWidth(page: Page, width: number) {
  await page.setViewportSize({ width, height: width < 600 ? 844 : 900 });
}

test("an analyst lands on the signals, opens an owner's compromise and handles it", async ({ page }, testInfo) => {
  const tag = randomUUID().slice(0, 8);
  const [org] = orgs(1, tag);
  const { campaignName } = await seedSentCampaign(tag, [org!]);

  // The owner answers: patched, but signs of compromise found.
  const link = await ownerLink(org!.contact, campaignName);
  await page.goto(link);
  const host = page.getByRole("group", { name: `${org!.ips[0]}:443` });
  await host.getByLabel("Answer", { exact: true }).selectOption({ label: "Patched: updated to a fixed version" });
  await host
    .getByLabel("If patched: signs of compromise?")
    .selectOption({ label: "Yes, we found signs of compromise" });
  await host.getByLabel("Comment (optional)").fill(`Web shell found ${tag}`);
  await page.getByRole("button", { name: "Save these answers" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Thank you: your answer is recorded");

  await atWidth(page, 1280);
  const signal = page.getByRole("listitem").filter({ hasText: `Web shell found ${tag}` });
  await step(page, testInfo, "signals at 1280 px", async () => {
    await signIn(page, E2E.analyst);
    await expect(page).toHaveURL(/\/console\/signals$/);
    await expect(page.getByRole("heading", { name: "Signals", level: 1 })).toBeVisible();
    await expect(page.getByTestId("signal-count")).toBeVisible();
    await expect(signal.getByRole("heading", { name: `${org!.name} found signs of compromise` })).toBeVisible();
  });
  await step(page, testInfo, "signals at 390 px", async () => {
    await atWidth(page, 390);
    await expect(signal).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
  await step(page, testInfo, "the notice the answer came through", async () => {
    await atWidth(page, 1280);
    await signal.getByRole("link", { name: /^Notice BAKEN#/ }).click();
    await expect(page).toHaveURL(/\/console\/notices\/[0-9a-f-]{36}$/);
    const answers = page.getByRole("region", { name: "Owners' answers" });
    await expect(answers.getByRole("row").filter({ hasText: `Web shell found ${tag}` })).toContainText(
      "compromise found",
    );
    await expect(page.getByRole("region", { name: "Delivery attempts" })).toContainText("accepted");
    await page.goBack();
  });
  await step(page, testInfo, "handled with a note", async () => {
    await signal.getByRole("button", { name: "Handle…" }).click();
    await signal.getByLabel("Note (what was done)").fill(`Called the IT lead ${tag}; incident opened`);
    await signal.getByRole("button", { name: "Mark handled" }).click();
    await expect(signal).toHaveCount(0);
    await page.getByLabel("Show", { exact: true }).selectOption("handled");
    const handled = page.getByRole("listitem").filter({ hasText: `Web shell found ${tag}` });
    // Named as the staff list names them (scripts/e2e-stack.ts makes "E2E analyst").
    await expect(handled).toContainText("Handled by E2E analyst on");
    await expect(handled).toContainText(`Called the IT lead ${tag}; incident opened`);
  });
});

test("an analyst searches an address and reaches its notice", async ({ page }, testInfo) => {
  const tag = randomUUID().slice(0, 8);
  const [org] = orgs(1, tag);
  await seedSentCampaign(tag, [org!]);
  const ip = org!.ips[1]!;
  await atWidth(page, 1280);
  await signIn(page, E2E.analyst);
  await step(page, testInfo, "search at 1280 px", async () => {
    await page.getByRole("searchbox", { name: "Search" }).fill(ip);
    await page.getByRole("button", { name: "Search", exact: true }).click();
    await expect(page.getByRole("heading", { name: `Search: ${ip}` })).toBeVisible();
    await expect(page.getByText("Read as an IP address")).toBeVisible();
    await expect(page.getByRole("region", { name: /^Organizations/ })).toContainText(org!.name);
    await expect(page.getByRole("region", { name: /^Exposures/ })).toContainText(`mail1.${tag}.example`);
  });
  await step(page, testInfo, "search at 390 px", async () => {
    await atWidth(page, 390);
    await expect(page.getByRole("region", { name: /^Notices/ })).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });
  await step(page, testInfo, "its notice", async () => {
    await atWidth(page, 1280);
    await page
      .getByRole("region", { name: "Notices" })
      .getByRole("link", { name: /^BAKEN#/ })
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^BAKEN#\d{8}-\d{8}$/);
    await expect(page.getByText(org!.contact).first()).toBeVisible();
    await expect(page.getByRole("article", { name: "The notice's mail" })).toContainText(ip);
  });
});

test("an analyst pages through a campaign's notices, filters and searches them", async ({ page }, testInfo) => {
  const tag = randomUUID().slice(0, 8);
  const registered = orgs(56, tag);
  const { campaignId } = await seedSentCampaign(tag, registered);
  await atWidth(page, 1280);
  await signIn(page, E2E.analyst);
  await page.goto(`/console/campaigns/${campaignId}`);
  const pager = page.getByRole("navigation", { name: "Pages" });
  await step(page, testInfo, "the first page of 56", async () => {
    await expect(pager).toContainText("Page 1 · 56 in all");
    await expect(page.getByRole("link", { name: /^BAKEN#/ })).toHaveCount(50);
  });
  await step(page, testInfo, "the second page", async () => {
    await pager.getByRole("button", { name: "Next" }).click();
    await expect(pager).toContainText("Page 2 · 56 in all");
    await expect(page.getByRole("link", { name: /^BAKEN#/ })).toHaveCount(6);
  });
  await step(page, testInfo, "French notices only, then one organization", async () => {
    const filters = page.getByRole("search", { name: "Filter notices" });
    await filters.getByLabel("Language", { exact: true }).selectOption("fr");
    await expect(page.getByText("14 in all")).toBeVisible();
    await filters.getByLabel("Language", { exact: true }).selectOption("");
    await filters.getByLabel("Organization", { exact: true }).fill(`${tag} org 07`);
    await filters.getByRole("button", { name: "Filter" }).click();
    await expect(page.getByText("1 in all")).toBeVisible();
    await expect(page.getByRole("link", { name: registered[7]!.name })).toBeVisible();
  });
});
