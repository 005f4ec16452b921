import { expect, test } from "@playwright/test";
import { randomInt, randomUUID } from "node:crypto";
import { adminApi, signIn, stat } from "./support/console.ts";
import { E2E } from "./support/env.ts";

// Issue 14 in the console: a campaign's coverage, an admin blocking and unblocking an abuse mailbox,
// promoting one to a registered organization, and overriding a range's contact. The RIPE dump is a few
// objects of a /16 of this run's own (10/8), uploaded as an admin does; it replaces any active import.
const obj = (...pairs: [string, string][]) => pairs.map(([n, v]) => `${`${n}:`.padEnd(16)}${v}`).join("\n") + "\n\n";

test("an admin blocks, promotes and overrides abuse contacts; the campaign shows whom its hosts reach", async ({
  page,
}) => {
  test.setTimeout(120_000);
  const api = await adminApi();
  const net = `10.${randomInt(0, 256)}`;
  const tag = randomUUID().slice(0, 8);
  const mail = {
    hoster: `abuse-${tag}@hoster.example`,
    customer: `noc-${tag}@customer.example`,
    other: `abuse-${tag}@other.example`,
    override: `override-${tag}@cert.example`,
  };
  const dump = [
    obj(["role", "Hoster abuse"], ["nic-hdl", "HA1-RIPE"], ["abuse-mailbox", mail.hoster]),
    obj(["role", "Customer NOC"], ["nic-hdl", "CN1-RIPE"], ["abuse-mailbox", mail.customer]),
    obj(["role", "Other abuse"], ["nic-hdl", "OA1-RIPE"], ["abuse-mailbox", mail.other]),
    obj(["inetnum", `${net}.0.0 - ${net}.0.255`], ["netname", "HOSTER-NET"], ["abuse-c", "HA1-RIPE"]),
    obj(["inetnum", `${net}.1.0 - ${net}.1.255`], ["netname", "CUSTOMER-NET"], ["abuse-c", "CN1-RIPE"]),
    obj(["inetnum", `${net}.2.0 - ${net}.2.255`], ["netname", "OTHER-NET"], ["abuse-c", "OA1-RIPE"]),
  ].join("");
  const form = new FormData();
  form.append("files", new Blob([dump]), "ripe.db");
  const queued = await api.call<{ id: number }>("POST", "/api/ripe/imports", form);
  await expect
    .poll(async () => (await api.call<{ status: string }>("GET", `/api/ripe/imports/${queued.id}`)).status, {
      timeout: 30_000,
    })
    .toBe("succeeded");

  const campaign = await api.call<{ id: string }>("POST", "/api/campaigns", {
    name: `Reach ${tag}`,
    severity: "high",
    tlp: "AMBER",
  });
  const csv = ["ip,port", `${net}.0.1,443`, `${net}.0.2,443`, `${net}.1.1,443`, `${net}.2.1,443`, `${net}.200.1,443`];
  const list = await api.uploadList(csv.join("\n"), `reach-${tag}.csv`, { campaignId: campaign.id });
  const orgs = (
    await api.call<{ summary: { organizations: { id: string; name: string }[] } }>("GET", `/api/lists/${list.id}`)
  ).summary.organizations;
  const orgOf = (mailbox: string) => orgs.find((o) => o.name === `${mailbox} (abuse contact)`)!;

  await signIn(page, E2E.admin);
  await page.goto(`/console/campaigns/${campaign.id}`);
  const coverage = page.getByTestId("campaign-coverage");
  await expect(coverage.getByTestId("coverage-abuse-contact")).toHaveText("4");
  expect(await stat(page, "coverage-registered")).toBe(0);
  expect(await stat(page, "coverage-nobody")).toBe(1);
  await expect(coverage.getByTestId("coverage-line")).toContainText("the network's range (RIPE, RDAP): 4");

  // Block the hoster's mailbox with a reason, then unblock it.
  await page.goto(`/console/organizations/${orgOf(mail.hoster).id}`);
  const card = page.getByRole("region", { name: "Abuse contact" });
  await expect(card).toContainText(mail.hoster);
  await card.getByLabel("Reason for blocking").fill("Mailbox refuses reports since March");
  await card.getByRole("button", { name: "Block", exact: true }).click();
  await expect(card.getByTestId("abuse-contact-status")).toContainText("Blocked since");
  await expect(card.getByTestId("abuse-contact-status")).toContainText("Mailbox refuses reports since March");
  await card.getByRole("button", { name: "Unblock" }).click();
  await expect(card.getByTestId("abuse-contact-status")).toHaveText("Notified like any organization");

  // Promote the customer's mailbox to a registered organization, renamed.
  await page.goto(`/console/organizations/${orgOf(mail.customer).id}`);
  await page.getByLabel("Name in the registry").fill(`Customer ${tag}`);
  await page.getByRole("button", { name: "Promote to registered organization" }).click();
  await expect(page.getByRole("heading", { level: 1, name: `Customer ${tag}` })).toBeVisible();
  await expect(page.getByRole("region", { name: "Abuse contact" })).toHaveCount(0);

  // Override the other range's contact: its host reaches the CERT's mailbox once the list is matched again.
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Range contacts" }).click();
  await page.getByRole("textbox", { name: /^Range/ }).fill(`${net}.2.0/24`);
  await page.getByLabel("Mailbox", { exact: true }).fill(mail.override);
  await page.getByLabel("Note", { exact: true }).fill("CERT handles this range");
  await page.getByRole("button", { name: "Set contact" }).click();
  const row = page.getByRole("row", { name: new RegExp(`${net.replace(".", "\\.")}\\.2\\.0/24`) });
  await expect(row).toContainText(`${mail.override} (abuse contact)`);
  await expect(row).toContainText("CERT handles this range");
  await api.call("POST", `/api/lists/${list.id}/rematch`);
  const exposures = (
    await api.call<{ exposures: { ip: string; candidates: { reason: string; detail: string }[] }[] }>(
      "GET",
      `/api/lists/${list.id}/exposures?pageSize=50`,
    )
  ).exposures;
  expect(exposures.find((e) => e.ip === `${net}.2.1`)!.candidates.map((c) => c.reason)).toEqual([
    "override",
    "abuse_network",
  ]);
  await page.goto(`/console/campaigns/${campaign.id}`);
  // The promoted customer still reaches its host through its range: found by the network, now registered.
  const line = page.getByTestId("campaign-coverage").getByTestId("coverage-line");
  await expect(line).toContainText("a range's contact set by staff: 1");
  await expect(line).toContainText("the network's range (RIPE, RDAP): 3");

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Range contacts" }).click();
  await page.getByRole("button", { name: `Remove the override of ${net}.2.0/24` }).click();
  await expect(page.getByRole("button", { name: `Remove the override of ${net}.2.0/24` })).toHaveCount(0);
});
