import { reportType, rsitTaxonomy } from "@baken/core";
import { shadowserverSample } from "@baken/testing";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.ts";
import { partySide, space } from "./fixtures.ts";
import { bearer, buildTestApp, signIn, type TestStaff } from "./helper.ts";
import { uploadList } from "./upload.ts";

describe("a campaign's RSIT classification and CVEs", () => {
  let app: App;
  let analyst: TestStaff;
  let admin: TestStaff;
  beforeAll(async () => {
    app = await buildTestApp();
    analyst = await signIn(app, "analyst");
    admin = await signIn(app, "admin");
  });
  afterAll(() => app.close());

  const createCampaign = (body: Record<string, unknown>) =>
    app.inject({
      method: "POST",
      url: "/api/campaigns",
      headers: bearer(analyst),
      payload: { name: `Campaign ${randomUUID()}`, ...body },
    });
  const getCampaign = async (id: string) =>
    (await app.inject({ url: `/api/campaigns/${id}`, headers: bearer(analyst) })).json();
  const patch = (id: string, body: Record<string, unknown>) =>
    app.inject({ method: "PATCH", url: `/api/campaigns/${id}`, headers: bearer(analyst), payload: body });

  it("takes a class and a type of the report form's vocabulary, together, the type under the class", async () => {
    const ok = await createCampaign({ rsitClass: "malicious-code", rsitType: "infected-system" });
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({
      rsitClass: "malicious-code",
      rsitType: "infected-system",
      rsitLabel: "Malware – Infected device or server",
      classifiedFromListId: null,
    });
    for (const [body, message] of [
      [{ rsitClass: "vulnerable", rsitType: "phishing" }, "not a type of the RSIT class vulnerable"],
      [{ rsitClass: "vulnerable" }, "give the RSIT class and type together, or neither"],
      [{ rsitClass: "hacked", rsitType: "system-compromise" }, undefined],
    ] as const) {
      const res = await createCampaign(body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      if (message) expect(res.json().details).toContainEqual(expect.objectContaining({ message }));
    }
    const vocabulary = await app.inject({ url: "/api/campaigns/rsit", headers: bearer(analyst) });
    expect(vocabulary.json().classes).toEqual(rsitTaxonomy("en"));
  });

  it("keeps CVE ids upper-cased, once each, and refuses what is not one", async () => {
    const ok = await createCampaign({ cves: ["cve-2021-26855", "CVE-2021-26855", " CVE-2023-1234567 "] });
    expect(ok.json().cves).toEqual(["CVE-2021-26855", "CVE-2023-1234567"]);
    const bad = await createCampaign({ cves: ["CVE-2021-1", "CVE-1998-1234"] });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details).toEqual([
      { field: "body.cves.0", message: "a CVE id such as CVE-2021-26855 (year 1999 or later)" },
      { field: "body.cves.1", message: "a CVE id such as CVE-2021-26855 (year 1999 or later)" },
    ]);
  });

  it("takes the classification of the first list of a known report type, and keeps it after", async () => {
    const created = await createCampaign({});
    const id = created.json().id as string;
    expect(created.json()).toMatchObject({ rsitClass: null, rsitType: null, rsitLabel: null });

    // Shadowserver's open RDP report: vulnerable/vulnerable-system by its schema, identifier open-rdp.
    const rdp = shadowserverSample(reportType("scan_rdp")!, partySide());
    const upload = await uploadList(app, bearer(analyst), rdp.csv, { campaignId: id }, rdp.fileName);
    expect(upload.statusCode).toBe(201);
    const listId = upload.json().id as string;
    expect(await getCampaign(id)).toMatchObject({
      rsitClass: "vulnerable",
      rsitType: "vulnerable-system",
      rsitLabel: "Vulnerability – Vulnerable system",
      classificationIdentifier: "open-rdp",
      classifiedFromListId: listId,
      lists: [expect.objectContaining({ id: listId, reportType: "scan_rdp" })],
    });
    const audit = await app.inject({
      url: `/api/audit?action=campaign.classify&subjectId=${id}`,
      headers: bearer(admin),
    });
    expect(audit.json().events).toEqual([
      expect.objectContaining({
        details: {
          rsitClass: "vulnerable",
          rsitType: "vulnerable-system",
          identifier: "open-rdp",
          fromList: listId,
          reportType: "scan_rdp",
        },
      }),
    ]);

    // A later list of another type changes nothing: the campaign has its classification.
    const sinkhole = shadowserverSample(reportType("event4_sinkhole")!, partySide());
    const later = await uploadList(app, bearer(analyst), sinkhole.csv, {}, sinkhole.fileName);
    const attach = await app.inject({
      method: "PATCH",
      url: `/api/lists/${later.json().id}`,
      headers: bearer(analyst),
      payload: { campaignId: id },
    });
    expect(attach.statusCode).toBe(200);
    expect(await getCampaign(id)).toMatchObject({ rsitType: "vulnerable-system", classifiedFromListId: listId });

    // Saved again unchanged (the console's form sends every field), it stays the list's.
    expect(
      (await patch(id, { rsitClass: "vulnerable", rsitType: "vulnerable-system", name: "renamed" })).statusCode,
    ).toBe(200);
    expect(await getCampaign(id)).toMatchObject({ classificationIdentifier: "open-rdp", classifiedFromListId: listId });
    // Changed by hand, it is staff's own: the list's identifier no longer speaks for it.
    const changed = await patch(id, { rsitClass: "vulnerable", rsitType: "potentially-unwanted-accessible" });
    expect(changed.json()).toMatchObject({
      rsitType: "potentially-unwanted-accessible",
      classificationIdentifier: null,
      classifiedFromListId: null,
    });
  });

  it("is taken when a list is attached to an unclassified campaign, never from a list of columns read by name", async () => {
    const id = (await createCampaign({})).json().id as string;
    const s = space();
    const plain = await uploadList(app, bearer(analyst), `ip,port\n${s.v4}.1,443\n`, { campaignId: id });
    expect(plain.statusCode).toBe(201);
    expect(await getCampaign(id)).toMatchObject({ rsitClass: null });

    const infected = shadowserverSample(reportType("event4_sinkhole")!, partySide());
    const list = await uploadList(app, bearer(analyst), infected.csv, {}, infected.fileName);
    await app.inject({
      method: "PATCH",
      url: `/api/lists/${list.json().id}`,
      headers: bearer(analyst),
      payload: { campaignId: id },
    });
    expect(await getCampaign(id)).toMatchObject({
      rsitClass: "malicious-code",
      rsitType: "infected-system",
      classifiedFromListId: list.json().id,
    });
  });
});
