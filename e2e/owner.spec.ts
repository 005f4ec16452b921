import { expect, test } from "@playwright/test";
import { seedFrenchNotice, storedReplies } from "./support/owner-seed.ts";

// The notified owner's page in French, driven like a person would: one host first, then all at once.
// The notice is seeded in the database for now; once the notices branch is merged, the lead switches this
// to opening the link from the mail the SMTP sink caught (e2e/support/mail.ts: waitForMail).

test("a French owner answers for one host, then for all, and sees the confirmation", async ({ page }) => {
  const notice = await seedFrenchNotice(["192.0.2.21", "192.0.2.22", "192.0.2.23"]);

  await page.goto(`/r/${notice.token}`);
  await expect(page.locator("html")).toHaveAttribute("lang", "fr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(notice.campaignName);
  await expect(page.getByText("Votre serveur Exchange peut être pris en main à distance.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Vos systèmes exposés (3)" })).toBeVisible();

  // One host: patched, no sign of compromise.
  const host = page.getByRole("group", { name: "192.0.2.22:443" });
  await host.getByLabel("Réponse").selectOption({ label: "Corrigé\u202f: mis à jour vers une version sûre" });
  await host
    .getByLabel("Si corrigé\u202f: traces de compromission\u202f?")
    .selectOption({ label: "Aucune trace de compromission trouvée" });
  await host.getByLabel("Commentaire (facultatif)").fill("Mis à jour ce matin");
  await page.getByRole("button", { name: "Enregistrer ces réponses" }).click();

  await expect(page).toHaveURL(new RegExp(`/r/${notice.token}/done\\?lang=fr$`));
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
  const report = page.getByRole("link", { name: "Signaler un incident" });
  await expect(report).toHaveAttribute("href", `/report?${new URLSearchParams({ ref: notice.reference, lang: "fr" })}`);

  expect(await storedReplies(notice.noticeId)).toEqual([
    { ip: "192.0.2.22", answer: "patched", compromise: "no", comment: "Mis à jour ce matin" },
    {
      ip: "192.0.2.21",
      answer: "needs_help",
      compromise: null,
      comment: "Nous ne savons pas si nous avons été compromis.",
    },
    {
      ip: "192.0.2.22",
      answer: "needs_help",
      compromise: null,
      comment: "Nous ne savons pas si nous avons été compromis.",
    },
    {
      ip: "192.0.2.23",
      answer: "needs_help",
      compromise: null,
      comment: "Nous ne savons pas si nous avons été compromis.",
    },
  ]);
});
