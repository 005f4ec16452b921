import { describe, expect, it } from "vitest";
import { renderReportConfirmation, type ReportConfirmation } from "../src/index.ts";

const base: ReportConfirmation = {
  language: "nl",
  reference: "CERT-2026-000042",
  receivedAt: new Date("2026-11-23T13:05:00Z"),
  reporterKind: "company",
  rsitClass: "intrusions",
  rsitType: "system-compromise",
  ongoing: true,
  startedAt: new Date("2026-11-22T22:30:00Z"),
  detectedAt: null,
  attachmentCount: 2,
  tlp: "AMBER_STRICT",
  cert: { name: "CERT <Baken>", phone: "+32 2 000 00 00", website: "https://cert.baken.example" },
  timeZone: "Europe/Brussels",
};

describe("renderReportConfirmation", () => {
  it("writes the reference and a summary in the reporter's language, in local time", () => {
    const nl = renderReportConfirmation(base);
    expect(nl.subject).toBe("Wij hebben uw incidentmelding CERT-2026-000042 ontvangen");
    expect(nl.text).toContain("- Soort incident: Inbraak – Systeem gecompromitteerd");
    expect(nl.text).toContain("- Nog aan de gang: Ja");
    expect(nl.text).toContain("- Ontvangen op: 23 november 2026 om 14:05");
    expect(nl.text).toContain("TLP:AMBER+STRICT");
    expect(nl.text).toContain("Bel ons op +32 2 000 00 00");

    const fr = renderReportConfirmation({ ...base, language: "fr", ongoing: null, attachmentCount: 0 });
    expect(fr.subject).toBe("Nous avons bien reçu votre signalement CERT-2026-000042");
    expect(fr.text).toContain("- Type d'incident\u00a0: Intrusion – Système compromis");
    expect(fr.text).toContain("- Pièces jointes\u00a0: aucune");
    expect(renderReportConfirmation({ ...base, language: "de" }).subject).toBe(
      "Wir haben Ihre Meldung CERT-2026-000042 erhalten",
    );
  });

  it("escapes values in the HTML part", () => {
    const { html } = renderReportConfirmation(base);
    expect(html).toContain("CERT &lt;Baken&gt;");
    expect(html).not.toContain("CERT <Baken>");
    expect(html).toContain('<html lang="nl">');
  });
});
