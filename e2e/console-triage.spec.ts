import { expect, test } from "@playwright/test";
import { randomUUID } from "node:crypto";
import { signIn, step } from "./support/console.ts";
import { E2E } from "./support/env.ts";
import { waitForMail } from "./support/mail.ts";

test("a report is assigned to a colleague, who answers the reporter in the report's language", async ({
  page,
}, testInfo) => {
  const email = `claire-${randomUUID().slice(0, 8)}@exemple.be`;
  let reference = "";
  await step(page, testInfo, "a French report from the public form", async () => {
    await page.goto("/report?lang=fr");
    await page.getByRole("radio", { name: "Un particulier" }).check();
    await page.getByRole("textbox", { name: "Votre nom" }).fill("Claire Dubois");
    await page.getByRole("textbox", { name: "Votre adresse e-mail" }).fill(email);
    await page.getByRole("radio", { name: /^Fraude et hameçonnage/ }).check();
    await page.getByLabel("Plus précisément").selectOption("phishing");
    await page.getByRole("textbox", { name: /^Que s'est-il passé/ }).fill("Un faux e-mail de ma banque.");
    await page.getByRole("checkbox", { name: /^J'accepte que/ }).check();
    await page.getByRole("button", { name: "Envoyer le signalement" }).click();
    await expect(page).toHaveURL(/\/report\/thanks\/CERT-\d{4}-\d{6}\?k=/);
    reference = (await page.locator(".reference").textContent())!.trim();
  });

  await signIn(page, E2E.admin);
  await step(page, testInfo, "the admin assigns it to the analyst, urgent, due on a date", async () => {
    await page.getByRole("link", { name: "Incident reports" }).click();
    await page.getByRole("link", { name: reference }).click();
    await page.getByLabel("Assigned to").selectOption({ label: "E2E analyst (analyst@baken.example)" });
    await page.getByLabel("Priority").selectOption("urgent");
    await page.getByLabel("Due").fill("2026-12-24");
    await page.getByRole("button", { name: "Save assignment" }).click();
    await expect(page.getByText(/assigned to E2E analyst · urgent priority · due 24 Dec 2026/)).toBeVisible();
  });
  await page.getByRole("button", { name: "Sign out" }).click();

  await signIn(page, E2E.analyst);
  await step(page, testInfo, "the analyst replies to the reporter", async () => {
    await page.getByRole("link", { name: "Incident reports" }).click();
    await page.getByRole("link", { name: reference }).click();
    await page.getByLabel(/^Reply to /).fill("Bonjour,\n\nPouvez-vous nous envoyer les journaux du serveur ?");
    await page.getByRole("button", { name: "Send reply" }).click();
    await expect(page.getByTestId("report-replies")).toContainText("Pouvez-vous nous envoyer les journaux");
  });

  const mail = await waitForMail(
    (m) => m.to.includes(email) && m.subject === `Votre signalement d’incident ${reference}`,
  );
  expect(mail.headers["content-language"]).toBe("fr");
  expect(mail.text).toContain("Pouvez-vous nous envoyer les journaux du serveur ?");
  expect(mail.text).toContain("E2E analyst, CERT Baken");
  await step(page, testInfo, "the reply is kept in the report's history, mailed", async () => {
    await expect(async () => {
      await page.reload();
      await expect(page.getByTestId("report-replies")).toContainText("mailed", { timeout: 1000 });
    }).toPass();
  });
});
