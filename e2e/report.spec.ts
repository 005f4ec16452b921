import { expect, test, type Page } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { E2E } from "./support/env.ts";
import { waitForMail } from "./support/mail.ts";

// A victim reports an incident from the public form, in a real Chromium, without any help from scripts
// (the form has none): the reference page, then the confirmation mail caught by the stack's mail catcher.

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(256, 7)]);

async function referenceOnThanksPage(page: Page): Promise<string> {
  await expect(page).toHaveURL(/\/report\/thanks\/CERT-\d{4}-\d{6}\?k=/);
  const reference = (await page.locator(".reference").textContent())!.trim();
  expect(reference).toMatch(/^CERT-\d{4}-\d{6}$/);
  return reference;
}

test("a Dutch report: urgent steps, errors announced, then the reference and a confirmation mail", async ({ page }) => {
  const email = `an-${randomUUID()}@voorbeeld.be`;
  await page.goto("/report?lang=nl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Een incident melden");
  const urgent = page.getByRole("region", { name: "Is de aanval nog bezig?" });
  await expect(urgent).toContainText("laat ze aanstaan");
  await expect(urgent.getByRole("link", { name: "+32 2 000 00 00" })).toHaveAttribute("href", "tel:+3220000000");

  // Sending an empty form: a focused summary lists what is missing, each linked to its field.
  await page.getByRole("button", { name: "Melding versturen" }).click();
  const summary = page.getByRole("alert").filter({ hasText: "Er is een probleem" });
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link", { name: "Vul uw naam in" })).toHaveAttribute("href", "#f-name");
  await expect(page.getByRole("textbox", { name: "Uw naam" })).toHaveAttribute("aria-invalid", "true");
  await expect(page).toHaveTitle(/^Fout: Een incident melden/);

  await page.getByRole("radio", { name: "Een bedrijf" }).check();
  await page.getByRole("textbox", { name: "Uw naam" }).fill("An Peeters");
  await page.getByRole("textbox", { name: "Uw e-mailadres" }).fill(email);
  await page.getByRole("textbox", { name: "Organisatie", exact: true }).fill("Brouwerij Peeters");
  await page.getByRole("radio", { name: /^Inbraak/ }).check();
  await page.getByLabel("Preciezer").selectOption("system-compromise");
  await page.getByRole("radio", { name: "Ja", exact: true }).check();
  await page
    .getByRole("textbox", { name: /^Wat is er gebeurd/ })
    .fill("Op onze bestandsserver staat een losgeldbrief.");
  await page.getByRole("checkbox", { name: "Er zijn gegevens versleuteld (ransomware)" }).check();
  await page.getByRole("checkbox", { name: /^Ik ga ermee akkoord/ }).check();
  await page.getByRole("button", { name: "Melding versturen" }).click();

  const reference = await referenceOnThanksPage(page);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("We hebben uw melding ontvangen");
  await expect(page.getByRole("status")).toContainText(reference);

  const mail = await waitForMail((m) => m.to.includes(email));
  expect(mail.subject).toBe(`Wij hebben uw incidentmelding ${reference} ontvangen`);
  expect(mail.headers["content-language"]).toBe("nl");
  expect(mail.text).toContain("- Soort incident: Inbraak – Systeem gecompromitteerd");
  expect(mail.text).toContain("- Nog aan de gang: Ja");
});

test.describe("in French", () => {
  test.use({ locale: "fr-BE" });

  test("a report with an attachment, in the browser's language, that staff can then download", async ({
    page,
    request,
  }) => {
    const email = `claire-${randomUUID()}@exemple.be`;
    await page.goto("/report?ref=BAKEN-2026-0042");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Signaler un incident");
    await expect(page.getByRole("textbox", { name: "Référence d'un message de notre part" })).toHaveValue(
      "BAKEN-2026-0042",
    );

    await page.getByRole("radio", { name: "Un particulier" }).check();
    await page.getByRole("textbox", { name: "Votre nom" }).fill("Claire Dubois");
    await page.getByRole("textbox", { name: "Votre adresse e-mail" }).fill(email);
    await page.getByRole("radio", { name: /^Fraude et hameçonnage/ }).check();
    await page.getByLabel("Plus précisément").selectOption("phishing");
    await page
      .getByRole("textbox", { name: /^Que s'est-il passé/ })
      .fill("Un faux e-mail de ma banque m'a demandé mon code.");
    await page.getByRole("radio", { name: /^TLP:RED/ }).check();
    await page
      .getByLabel("Joindre des fichiers")
      .setInputFiles({ name: "capture.png", mimeType: "image/png", buffer: PNG });
    await page.getByRole("checkbox", { name: /^J'accepte que/ }).check();
    await page.getByRole("button", { name: "Envoyer le signalement" }).click();

    const reference = await referenceOnThanksPage(page);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Nous avons bien reçu votre signalement");

    const mail = await waitForMail((m) => m.to.includes(email));
    expect(mail.subject).toBe(`Nous avons bien reçu votre signalement ${reference}`);
    expect(mail.headers["content-language"]).toBe("fr");
    expect(mail.text).toContain("- Type d'incident\u00a0: Fraude et hameçonnage – Hameçonnage (phishing)");
    expect(mail.text).toContain("- Pièces jointes\u00a0: 1");
    expect(mail.text).toContain("TLP:RED");

    // Staff find the report and its attachment; the file comes back only as an inert download.
    const login = await request.post("/api/auth/login", { data: E2E.admin });
    const auth = { authorization: `Bearer ${(await login.json()).token}` };
    const list = await (await request.get(`/api/reports?q=${reference}`, { headers: auth })).json();
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      reference,
      language: "fr",
      attachmentCount: 1,
      rsit: { class: "fraud", type: "phishing" },
    });
    const detail = await (await request.get(`/api/reports/${list.items[0].id}`, { headers: auth })).json();
    expect(detail.noticeReference).toBe("BAKEN-2026-0042");
    const file = await request.get(`/api/reports/${detail.id}/attachments/${detail.attachments[0].id}`, {
      headers: auth,
    });
    expect(file.headers()["content-type"]).toBe("application/octet-stream");
    expect(file.headers()["content-disposition"]).toContain('attachment; filename="capture.png"');
    expect(Buffer.compare(await file.body(), PNG)).toBe(0);
  });
});
