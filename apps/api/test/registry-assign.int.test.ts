import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.ts";
import { createOrg, space } from "./fixtures.ts";
import { buildTestApp, bearer, signIn, type TestStaff } from "./helper.ts";
import { uploadList } from "./upload.ts";

describe("organization registry", () => {
  let app: App;
  let admin: TestStaff;
  let analyst: TestStaff;
  beforeAll(async () => {
    app = await buildTestApp();
    admin = await signIn(app, "admin");
    analyst = await signIn(app, "analyst");
  });
  afterAll(() => app.close());

  it("manages contacts, networks, ASNs and domains, naming the bad field in a 400", async () => {
    const s = space();
    const org = await createOrg(app, admin);
    const url = `/api/organizations/${org.id}`;
    // Changing the registry is an admin's work (registry-roles.int.test.ts holds every route to that).
    const post = (path: string, payload: object) =>
      app.inject({ method: "POST", url: `${url}/${path}`, headers: bearer(admin), payload });
    expect((await post("networks", { cidr: `${s.v4}.0/24` })).statusCode).toBe(201);
    expect((await post("networks", { cidr: `${s.v4}.0/24` })).statusCode).toBe(409);
    const badCidr = await post("networks", { cidr: `${s.v4}.7/24` });
    expect(badCidr.statusCode).toBe(400);
    expect(badCidr.json().details).toEqual([
      { field: "cidr", message: `'${s.v4}.7/24' has host bits set; the network is ${s.v4}.0/24` },
    ]);
    expect((await post("asns", { asn: "AS65001" })).json()).toMatchObject({ asn: 65001 });
    expect((await post("asns", { asn: "ASX" })).json().details[0].field).toBe("asn");
    expect((await post("domains", { name: s.domain.toUpperCase() })).json()).toMatchObject({ name: s.domain });
    expect((await post("domains", { name: "localhost" })).json().details[0].field).toBe("name");
    const contact = await post("contacts", { email: `sec@${s.domain}`, role: "security", language: "fr" });
    expect(contact.statusCode).toBe(201);
    expect((await post("contacts", { email: "not-an-email" })).json().details[0].field).toBe("email");
    expect((await post("contacts", { email: `x@${s.domain}`, language: "es" })).json().details[0].field).toBe(
      "body.language",
    );
    const patch = await app.inject({ method: "PATCH", url, headers: bearer(admin), payload: { language: "xx" } });
    expect(patch.statusCode).toBe(400);
    expect(patch.json().details[0].field).toBe("body.language");

    // Another organization may hold the same or an overlapping network.
    const other = await createOrg(app, admin, { cidrs: [`${s.v4}.0/24`, `${s.v4}.0/28`] });
    const view = (await app.inject({ url, headers: bearer(analyst) })).json();
    expect(view).toMatchObject({
      networks: [{ cidr: `${s.v4}.0/24` }],
      asns: [{ asn: 65001 }],
      domains: [{ name: s.domain }],
    });
    expect(view.contacts.map((c: { email: string }) => c.email)).toContain(`sec@${s.domain}`);
    const removed = await app.inject({
      method: "DELETE",
      url: `${url}/networks/${view.networks[0].id}`,
      headers: bearer(admin),
    });
    expect(removed.statusCode).toBe(204);
    expect(
      (await app.inject({ url: `/api/organizations/${other.id}`, headers: bearer(analyst) })).json().networks,
    ).toHaveLength(2);
    const audit = (await app.inject({ url: `/api/audit?subjectId=${org.id}`, headers: bearer(admin) })).json().events;
    expect(audit.map((e: { action: string }) => e.action)).toEqual(
      expect.arrayContaining([
        "organization.create",
        "network.create",
        "network.delete",
        "asn.create",
        "domain.create",
        "contact.create",
      ]),
    );
  });

  it("imports CSV, updates by name, and reports rejected lines with reasons", async () => {
    const s = space();
    const name = `Csv Org ${randomUUID()}`;
    const csv =
      "name,sector,country,language,contacts,cidrs,asns,domains\n" +
      `"${name}",health,be,fr,abuse@${s.domain}|abuse|Desk|nl;soc@${s.domain}|security,${s.v4}.0/25,64999,${s.domain}\n` +
      `Broken ${randomUUID()},,,,,${s.v4}.1/25,,\n` +
      `"${name}",,,,,,,\n`;
    const send = (body: string) =>
      app.inject({
        method: "POST",
        url: "/api/organizations/import",
        headers: { ...bearer(admin), "content-type": "text/csv" },
        payload: body,
      });
    const res = await send(csv);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ format: "csv", created: 1, updated: 0, rejected: 2 });
    expect(res.json().rejections).toEqual([
      {
        line: 3,
        errors: [
          { line: 3, field: "cidrs[0]", message: `'${s.v4}.1/25' has host bits set; the network is ${s.v4}.0/25` },
        ],
      },
      { line: 4, errors: [{ line: 4, field: "name", message: "duplicate of line 2" }] },
    ]);
    const update = await send(`name,language,contacts,cidrs\n"${name}",de,soc@${s.domain}|technical,${s.v4}.128/25\n`);
    expect(update.json()).toMatchObject({ created: 0, updated: 1, rejected: 0 });
    const found = (
      await app.inject({ url: `/api/organizations?search=${encodeURIComponent(name)}`, headers: bearer(admin) })
    ).json();
    const view = (
      await app.inject({ url: `/api/organizations/${found.organizations[0].id}`, headers: bearer(admin) })
    ).json();
    expect(view).toMatchObject({ language: "de", networks: [{ cidr: `${s.v4}.128/25` }], asns: [], domains: [] });
    expect(view.contacts).toMatchObject([{ email: `soc@${s.domain}`, role: "technical" }]);
    expect((await send("nothing,here\n")).statusCode).toBe(400);
    const forbidden = await app.inject({
      method: "POST",
      url: "/api/organizations/import",
      headers: { ...bearer(analyst), "content-type": "text/csv" },
      payload: csv,
    });
    expect(forbidden.statusCode).toBe(403);
  });
});

describe("assigning and re-matching", () => {
  let app: App;
  let admin: TestStaff;
  let analyst: TestStaff;
  beforeAll(async () => {
    app = await buildTestApp();
    admin = await signIn(app, "admin");
    analyst = await signIn(app, "analyst");
  });
  afterAll(() => app.close());

  it("assigns unmatched exposures manually, registers a network, and re-matches after a registry change", async () => {
    const s = space();
    const owner = await createOrg(app, admin);
    const csv = `ip,hostname\n${s.v4}.1,\n${s.v4}.2,\n${s.v4}.3,www.${s.domain}\n${s.v6}::9,\n`;
    const list = (await uploadList(app, bearer(analyst), csv)).json();
    const page = async (q = "") =>
      (await app.inject({ url: `/api/lists/${list.id}/exposures?${q}`, headers: bearer(analyst) })).json();
    const unmatched = await page("matched=false");
    expect(unmatched.total).toBe(4);
    const first = unmatched.exposures.find((e: { ip: string }) => e.ip === `${s.v4}.1`);

    // Registering a network with the assignment changes the registry: an admin's.
    const assigned = await app.inject({
      method: "POST",
      url: `/api/lists/${list.id}/assign`,
      headers: bearer(admin),
      payload: { organizationId: owner.id, exposureIds: [first.id], registerNetwork: `${s.v6}::/48` },
    });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({
      assignments: { ips: [`${s.v4}.1`], hostnames: [] },
      registered: { network: `${s.v6}::/48` },
      changed: 2,
    });
    const matched = await page(`organizationId=${owner.id}`);
    expect(matched.exposures.map((e: { ip: string; matchReason: string }) => [e.ip, e.matchReason])).toEqual([
      [`${s.v4}.1`, "manual"],
      [`${s.v6}::9`, "network"],
    ]);
    expect(matched.exposures[0].candidates[0]).toEqual({
      organizationId: owner.id,
      organizationName: owner.name,
      reason: "manual",
      detail: `ip ${s.v4}.1`,
    });

    // The registry changes elsewhere; one call re-matches the list.
    await app.inject({
      method: "POST",
      url: `/api/organizations/${owner.id}/domains`,
      headers: bearer(admin),
      payload: { name: s.domain },
    });
    const rematch = await app.inject({
      method: "POST",
      url: `/api/lists/${list.id}/rematch`,
      headers: bearer(analyst),
    });
    expect(rematch.json()).toMatchObject({ id: list.id, exposures: 4, changed: 1 });
    const summary = (await app.inject({ url: `/api/lists/${list.id}`, headers: bearer(analyst) })).json().summary;
    expect(summary).toMatchObject({ matched: 3, unmatched: 1, byReason: { manual: 1, domain: 1, network: 1, asn: 0 } });

    // A manual assignment beats the domain in the next list too.
    const other = await createOrg(app, admin);
    const byHost = await app.inject({
      method: "POST",
      url: `/api/lists/${list.id}/assign`,
      headers: bearer(analyst),
      payload: { organizationId: other.id, hostnames: [`WWW.${s.domain}`] },
    });
    expect(byHost.json()).toMatchObject({ assignments: { hostnames: [`www.${s.domain}`] }, changed: 1 });
    const next = (await uploadList(app, bearer(analyst), `hostname\nwww.${s.domain}\nmail.${s.domain}\n`)).json();
    const rows = (await app.inject({ url: `/api/lists/${next.id}/exposures`, headers: bearer(analyst) })).json()
      .exposures;
    expect(
      rows.map((e: { organization: { id: string }; matchReason: string }) => [e.organization.id, e.matchReason]),
    ).toEqual([
      [other.id, "manual"],
      [owner.id, "domain"],
    ]);

    const bad = await app.inject({
      method: "POST",
      url: `/api/lists/${list.id}/assign`,
      headers: bearer(analyst),
      payload: { organizationId: owner.id, ips: ["nope"] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details).toEqual([{ field: "ips[0]", message: "not an IP address: 'nope'" }]);
    const audit = (await app.inject({ url: `/api/audit?subjectId=${list.id}`, headers: bearer(admin) })).json().events;
    expect(audit.map((e: { action: string }) => e.action)).toEqual([
      "list.assign",
      "list.rematch",
      "list.assign",
      "list.upload",
    ]);
  });
});
