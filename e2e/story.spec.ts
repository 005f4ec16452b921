import { expect, test } from "@playwright/test";
import { proxyLogonCampaign } from "../scripts/lib/demo-campaign.ts";
import { buildDemoData, followUpCsv } from "../scripts/lib/demo-data.ts";
import { adminApi, signIn, stat, step } from "./support/console.ts";
import { E2E } from "./support/env.ts";
import { waitForMail } from "./support/mail.ts";

// The whole story of Baken in one browser: an analyst uploads the leaked 1,170-row list, reviews and assigns,
// previews a French notice and sends the campaign; the owner answers from the mail's link; a follow-up scan
// shows hosts gone; a victim files a Dutch report and the analyst triages it. Screenshots of every step are
// attached to the test. It needs every branch: ingest (lists, registry, builder), notices (campaigns, queue,
// mails), owner (the owner's page, progress), reports (the form, triage).

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test("the whole story, from a leaked list to a triaged incident report", async ({ page }, testInfo) => {
  test.setTimeout(300_000);
  const data = buildDemoData();
  const campaign = proxyLogonCampaign("https://cert.baken.example");
  const rows = data.listCsv
    .trimEnd()
    .split("\n")
    .slice(1)
    .map((line) => line.split(","));
  // What the list must show: rows folded on ip + port + hostname, each with its expected owner.
  const unique = new Map<string, string | null>();
  rows.forEach(
    (r, i) => unique.has(`${r[1]}|${r[3]}|${r[4]}`) || unique.set(`${r[1]}|${r[3]}|${r[4]}`, data.expected[i] ?? null),
  );
  const expectedMatched = [...unique.values()].filter((v) => v !== null).length;
  const expectedUnmatched = unique.size - expectedMatched;
  // The owner who answers: a French organization with hosts in the list and no contact in another language.
  const owner = data.registry.organizations.find(
    (o) =>
      o.language === "fr" &&
      o.contacts.length > 0 &&
      o.contacts.every((c) => !c.language) &&
      data.expected.includes(o.name),
  )!;
  const ownerRow = rows[data.expected.indexOf(owner.name)]!;
  const ownerHost = `${ownerRow[1]}:${ownerRow[3]}`;

  await step(page, testInfo, "registry imported by the admin", async () => {
    const result = await (await adminApi()).importRegistry(data.registryNdjson);
    expect(result.created + result.updated).toBe(data.registry.organizations.length);
    await signIn(page, E2E.analyst);
  });

  await step(page, testInfo, "campaign created", async () => {
    await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Campaigns" }).click();
    await page.getByRole("link", { name: "New campaign" }).click();
    await page.getByLabel("Name").fill(campaign.name);
    await page.getByLabel("CVEs").fill(campaign.cves.join(", "));
    await page.getByLabel("Severity").selectOption("critical");
    await page.getByLabel("Look for compromise since").fill("2021-02-26");
    for (const [tab, lang] of [
      ["Nederlands", "nl"],
      ["Français", "fr"],
      ["English", "en"],
    ] as const) {
      const advice = campaign.advice[lang]!;
      await page.getByRole("tablist", { name: "Language of the advice" }).getByRole("tab", { name: tab }).click();
      await page.getByLabel("What it is").fill(advice.summary);
      await page.getByLabel(/^What to do now/).fill(advice.actions.join("\n"));
      await page.getByLabel(/^What to look for/).fill(advice.compromiseCheck ?? "");
      await page.getByLabel(/^Links/).fill(advice.links.map((l) => `${l.label} | ${l.url}`).join("\n"));
    }
    await page.getByRole("button", { name: "Create campaign" }).click();
    await expect(page.getByRole("heading", { level: 1, name: campaign.name })).toBeVisible();
  });

  await step(page, testInfo, "the 1,170-row list uploaded", async () => {
    await page.getByRole("link", { name: "Upload a list to this campaign" }).click();
    await page.getByLabel("List file").setInputFiles({
      name: "exchange-proxylogon-2021-03-09.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(data.listCsv),
    });
    await page.getByLabel("Source").fill("Leaked list of unpatched Exchange servers");
    await expect(page.getByLabel("Campaign")).toHaveValue(/[0-9a-f-]{36}/);
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "exchange-proxylogon-2021-03-09.csv" })).toBeVisible();
    expect(await stat(page, "rows")).toBe(1170);
    await expect(page.getByTestId("matched")).toHaveText(expectedMatched.toLocaleString("en-GB"));
    await expect(page.getByTestId("unmatched")).toHaveText(expectedUnmatched.toLocaleString("en-GB"));
    // No RIPE dump loaded here: every host reaches a registered organization or nobody.
    await expect(page.getByTestId("coverage-registered")).toHaveText(expectedMatched.toLocaleString("en-GB"));
    await expect(page.getByTestId("coverage-abuse-contact")).toHaveText("0");
    await expect(page.getByTestId("coverage-nobody")).toHaveText(expectedUnmatched.toLocaleString("en-GB"));
  });

  await step(page, testInfo, "an unmatched host assigned to an organization the admin registered", async () => {
    // Registering an organization changes the registry: the admin's. Assigning rows to it is the analyst's.
    await (
      await adminApi()
    ).importRegistry(
      `${JSON.stringify({
        name: "Brouwerij Zenne (e2e)",
        country: "BE",
        language: "nl",
        contacts: [{ email: "abuse@brouwerij-zenne.example", role: "abuse" }],
      })}\n`,
    );
    const before = await stat(page, "unmatched");
    const unmatched = page.getByRole("region", { name: "Unmatched rows" });
    await unmatched.getByRole("checkbox").first().check();
    await expect(page.getByRole("radio", { name: "A new organization" })).toHaveCount(0);
    await expect(page.getByRole("checkbox", { name: "Register the network to this organization" })).toHaveCount(0);
    await page.getByLabel("Search by name").fill("Brouwerij Zenne");
    await page.getByRole("radio", { name: /^Brouwerij Zenne \(e2e\)/ }).check();
    await page.getByRole("button", { name: "Assign", exact: true }).click();
    await expect(page.getByRole("status").filter({ hasText: "assigned to Brouwerij Zenne (e2e)" })).toBeVisible();
    await expect.poll(() => stat(page, "unmatched")).toBeLessThan(before);
  });

  let organizations = 0;
  await step(page, testInfo, "a French notice previewed", async () => {
    await page.getByRole("link", { name: campaign.name }).first().click();
    await page.getByRole("button", { name: "Preview the notices" }).click();
    organizations = await stat(page, "preview-organizations");
    expect(organizations).toBeGreaterThan(100);
    const option = page.locator("#preview-org option").filter({ hasText: new RegExp(`^${escape(owner.name)} — `) });
    await page.getByLabel("Organization").selectOption((await option.getAttribute("value"))!);
    const languages = page.getByRole("tablist", { name: "Language of the notice" });
    // The recipient's own language first; the analyst glances at the German version too, then back.
    await expect(languages.getByRole("tab", { name: "Français" })).toHaveAttribute("aria-selected", "true");
    await languages.getByRole("tab", { name: "Deutsch" }).click();
    await expect(page.getByTestId("preview-body")).toContainText("Sehr geehrte Damen und Herren,");
    await languages.getByRole("tab", { name: "Français" }).click();
    await expect(page.getByTestId("preview-body")).toContainText("Madame, Monsieur");
    await expect(page.getByTestId("preview-subject")).toContainText("TLP:AMBER");
    await expect(page.getByTestId("preview-body")).toContainText("Appliquez les correctifs dès maintenant");
    await expect(page.getByRole("region", { name: "Attachment" })).toContainText(ownerRow[1]!);
  });

  await step(page, testInfo, "sent after a confirmation with the counts", async () => {
    await page.getByRole("button", { name: "Send notices…" }).click();
    const dialog = page.getByRole("dialog", { name: "Send this campaign?" });
    const count = organizations.toLocaleString("en-GB");
    await expect(dialog.getByTestId("send-confirmation")).toContainText(
      `This sends ${count} mail(s) to ${count} organization(s)`,
    );
    await dialog.getByRole("button", { name: `Send ${count} mails` }).click();
    await expect(page.getByRole("status").filter({ hasText: `Queued ${count} mail(s)` })).toBeVisible();
  });

  await step(page, testInfo, "the queue finished, live", async () => {
    await expect(page.getByText(/^All [\d,]+ done$/)).toBeVisible({ timeout: 120_000 });
    await expect(page.getByTestId("queue-failed")).toHaveText("0");
    expect(await stat(page, "queue-sent")).toBe(organizations);
  });

  let link = "";
  await step(page, testInfo, "the owner's notice read from the mail catcher", async () => {
    const mail = await waitForMail(
      (m) => m.to.includes(owner.contacts[0]!.email) && m.subject.includes(campaign.name),
      60_000,
    );
    expect(mail.text).toContain("Appliquez les correctifs dès maintenant");
    link = mail.text.match(new RegExp(`${escape(E2E.baseUrl)}/r/[A-Za-z0-9_-]+`))![0];
    await page.goto(link);
    await expect(page.locator("html")).toHaveAttribute("lang", "fr");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(campaign.name);
  });

  await step(page, testInfo, "the owner answers patched for one host, in French", async () => {
    const host = page.getByRole("group", { name: ownerHost });
    await host.getByLabel("Réponse").selectOption({ label: "Corrigé\u202f: mis à jour vers une version sûre" });
    await host
      .getByLabel("Si corrigé\u202f: traces de compromission\u202f?")
      .selectOption({ label: "Aucune trace de compromission trouvée" });
    await page.getByRole("button", { name: "Enregistrer ces réponses" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Merci\u202f: votre réponse est enregistrée");
  });

  await step(page, testInfo, "a follow-up scan uploaded", async () => {
    // A week later: the patched host and every fourth row are gone, the rest still seen.
    const followUp = followUpCsv(data.listCsv, (i, line) => i % 4 === 0 || line.split(",")[1] === ownerRow[1]);
    await page.goto("/console/lists");
    await page.getByLabel("List file").setInputFiles({
      name: "exchange-proxylogon-2021-03-16.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(followUp),
    });
    await page.getByLabel("Campaign").selectOption({ label: campaign.name });
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: "exchange-proxylogon-2021-03-16.csv" })).toBeVisible();
  });

  await step(page, testInfo, "the progress chart shows hosts gone", async () => {
    await page.getByRole("link", { name: campaign.name }).first().click();
    await page.getByRole("link", { name: "Progress" }).click();
    await expect(page.getByRole("heading", { name: `Progress: ${campaign.name}` })).toBeVisible();
    await expect(page.getByRole("img", { name: /Hosts notified, answered, gone and still open/ })).toBeVisible();
    await expect.poll(() => stat(page, "progress-gone")).toBeGreaterThan(100);
    await expect(
      page.getByRole("region", { name: "Organizations" }).getByRole("link", { name: owner.name }),
    ).toBeVisible();
  });

  let reference = "";
  await step(page, testInfo, "a victim files a Dutch incident report", async () => {
    await page.goto("/report?lang=nl");
    await page.getByRole("radio", { name: "Een bedrijf" }).check();
    await page.getByRole("textbox", { name: "Uw naam" }).fill("An Peeters");
    await page.getByRole("textbox", { name: "Uw e-mailadres" }).fill("an.peeters@brouwerij-zenne.example");
    await page.getByRole("textbox", { name: "Organisatie", exact: true }).fill("Brouwerij Zenne");
    await page.getByRole("radio", { name: /^Inbraak/ }).check();
    await page.getByLabel("Preciezer").selectOption("system-compromise");
    await page.getByRole("radio", { name: "Ja", exact: true }).check();
    await page
      .getByRole("textbox", { name: /^Wat is er gebeurd/ })
      .fill("Webshell gevonden in de OWA-map van onze Exchange-server.");
    await page.getByRole("checkbox", { name: /^Ik ga ermee akkoord/ }).check();
    await page.getByRole("button", { name: "Melding versturen" }).click();
    await expect(page).toHaveURL(/\/report\/thanks\/CERT-\d{4}-\d{6}/);
    reference = (await page.locator(".reference").textContent())!.trim();
    expect(reference).toMatch(/^CERT-\d{4}-\d{6}$/);
  });

  await step(page, testInfo, "the analyst triages it", async () => {
    await page.goto("/console/reports");
    await page.getByRole("link", { name: reference }).click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText(reference);
    await expect(page.getByText("Webshell gevonden in de OWA-map")).toBeVisible();
    await page.getByLabel("Status", { exact: true }).selectOption("triaged");
    await page.getByRole("button", { name: "Change status" }).click();
    await expect(page.getByTestId("report-status")).toHaveText("triaged");
    await page.getByLabel("Add a note (staff only)").fill("Gebeld met An Peeters; server van het net gehaald.");
    await page.getByRole("button", { name: "Add note" }).click();
    await expect(page.getByRole("region", { name: "Internal notes" })).toContainText("Gebeld met An Peeters");
  });
});
