import { expect, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { proxyLogonCampaign } from "../scripts/lib/demo-campaign.ts";
import { adminApi } from "./support/console.ts";
import { E2E } from "./support/env.ts";
import { waitForMail } from "./support/mail.ts";
import { storedReplies } from "./support/replies.ts";

// The notified owner, from the mail to the answer, in French: staff send a campaign through the API, the
// SMTP sink catches the notice, and the owner follows its link and answers for one host, then for all.

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

test("a French owner opens the link from the notice, answers for one host, then for all", async ({ page }) => {
  // Names of this run only: the e2e database keeps what earlier specs and runs stored.
  const tag = randomUUID().slice(0, 8);
  const domain = `commune-${tag}.example`;
  const contact = `abuse@${domain}`;
  // The end of the benchmarking range; a /28 beats any /24 of the story's registry that covers it.
  const ips = ["198.19.255.241", "198.19.255.242", "198.19.255.243"];
  const api = await adminApi();
  await api.importRegistry(
    JSON.stringify({
      name: `Commune de Test ${tag}`,
      sector: "government",
      country: "BE",
      language: "fr",
      contacts: [{ email: contact, name: "Service informatique", role: "abuse" }],
      cidrs: ["198.19.255.240/28"],
      asns: [],
      domains: [domain],
    }) + "\n",
  );
  const input = { ...proxyLogonCampaign("https://cert.baken.example"), name: `Exchange ProxyLogon ${tag}` };
  const { id: campaignId } = await api.call<{ id: string }>("POST", "/api/campaigns", input);
  const csv = [
    "timestamp,ip,port,hostname,tag",
    ...ips.map((ip, i) => `2021-03-10 0${i}:00:00,${ip},443,mail${i}.${domain},exchange`),
  ];
  await api.uploadList(csv.join("\n") + "\n", `exchange-${tag}.csv`, { campaignId });
  await api.call("POST", `/api/campaigns/${campaignId}/send`);

  const mail = await waitForMail((m) => m.to.includes(contact) && m.subject.includes(input.name), 60_000);
  expect(mail.subject).toContain("TLP:AMBER");
  const link = mail.text.match(new RegExp(`${escape(E2E.baseUrl)}/r/[A-Za-z0-9_-]+`))?.[0];
  expect(link, "the notice carries the owner's link").toBeTruthy();

  await page.goto(link!);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(input.name);
  await expect(page.getByText(input.advice.fr!.summary)).toBeVisible();
  await expect(page.getByRole("heading", { name: "Vos systèmes exposés (3)" })).toBeVisible();

  // One host: patched, no sign of compromise.
  const host = page.getByRole("group", { name: `${ips[1]}:443` });
  await host.getByLabel("Réponse").selectOption({ label: "Corrigé\u202f: mis à jour vers une version sûre" });
  await host
    .getByLabel("Si corrigé\u202f: traces de compromission\u202f?")
    .selectOption({ label: "Aucune trace de compromission trouvée" });
  await host.getByLabel("Commentaire (facultatif)").fill("Mis à jour ce matin");
  await page.getByRole("button", { name: "Enregistrer ces réponses" }).click();

  await expect(page).toHaveURL(new RegExp(`^${escape(link!)}/done\\?lang=fr$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Merci\u202f: votre réponse est enregistrée");
  await expect(page.getByText("Corrigé\u202f: mis à jour vers une version sûre (")).toHaveCount(1);
  await expect(page.getByText("Pas encore de réponse")).toHaveCount(2);

  // Back to the page, then one answer for all three, with the keyboard for the last step.
  await page.getByRole("link", { name: "Modifier une réponse" }).click();
  const all = page.getByRole("group", { name: "Une seule réponse pour tous les systèmes" });
  await all.getByLabel("Nous avons besoin d’aide").check();
  await all.getByLabel("Commentaire (facultatif)").fill("Nous ne savons pas si nous avons été compromis.");
  await all.getByRole("button", { name: "Envoyer cette réponse pour les 3 systèmes" }).focus();
  await page.keyboard.press("Enter");

  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Merci\u202f: votre réponse est enregistrée");
  await expect(page.getByText("Nous avons besoin d’aide (")).toHaveCount(3);
  const reference = mail.subject.match(/BAKEN#\d{8}-\d{8}/)![0];
  const report = page.getByRole("link", { name: "Signaler un incident" });
  await expect(report).toHaveAttribute("href", `/report?${new URLSearchParams({ ref: reference, lang: "fr" })}`);

  const helpAll = {
    answer: "needs_help",
    compromise: null,
    comment: "Nous ne savons pas si nous avons été compromis.",
  };
  // The first answer is kept beside the three that replaced it; those three share one instant.
  const [first, ...rest] = await storedReplies(campaignId);
  expect(first).toEqual({ ip: ips[1], answer: "patched", compromise: "no", comment: "Mis à jour ce matin" });
  expect(rest.sort((a, b) => String(a.ip).localeCompare(String(b.ip)))).toEqual(ips.map((ip) => ({ ip, ...helpAll })));
});
