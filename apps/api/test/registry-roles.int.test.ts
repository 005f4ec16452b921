import { randomUUID } from "node:crypto";
import type { InjectOptions } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { App } from "../src/app.ts";
import { createOrg, space } from "./fixtures.ts";
import { bearer, buildTestApp, signIn, type TestStaff } from "./helper.ts";
import { uploadList } from "./upload.ts";

type Role = "viewer" | "analyst" | "admin";
const ROLES: Role[] = ["viewer", "analyst", "admin"];
const RANK: Record<Role, number> = { viewer: 0, analyst: 1, admin: 2 };

/** What a route needs and a request it answers with `ok` (made fresh per call: most of them change things). */
type Case = { least: Role; ok: number; request: () => Promise<Omit<InjectOptions, "headers"> & { headers?: object }> };

// The rule (README, "Roles"): everyone reads the registry; only admins change it, whichever route they take.
describe("the organization registry, route by route and role by role", () => {
  let app: App;
  const staff = {} as Record<Role, TestStaff>;
  beforeAll(async () => {
    app = await buildTestApp();
    for (const role of ROLES) staff[role] = await signIn(app, role);
  });
  afterAll(() => app.close());

  /** An organization with one of everything, and the ids of its parts. */
  async function fullOrg() {
    const s = space();
    const org = await createOrg(app, staff.admin, {
      cidrs: [`${s.v4}.0/24`],
      asns: [64_000 + Math.floor(Math.random() * 1000)],
      domains: [s.domain],
    });
    const view = (await app.inject({ url: `/api/organizations/${org.id}`, headers: bearer(staff.admin) })).json();
    return {
      s,
      url: `/api/organizations/${org.id}`,
      contactId: view.contacts[0].id as string,
      networkId: view.networks[0].id as number,
      asnId: view.asns[0].id as number,
      domainId: view.domains[0].id as number,
    };
  }

  const CASES: Record<string, Case> = {
    "get /api/organizations/": {
      least: "viewer",
      ok: 200,
      request: async () => ({ method: "GET", url: "/api/organizations" }),
    },
    "post /api/organizations/": {
      least: "admin",
      ok: 201,
      request: async () => ({
        method: "POST",
        url: "/api/organizations",
        payload: { name: `Org ${randomUUID()}`, language: "nl" },
      }),
    },
    "post /api/organizations/import": {
      least: "admin",
      ok: 200,
      request: async () => ({
        method: "POST",
        url: "/api/organizations/import",
        headers: { "content-type": "application/x-ndjson" },
        payload: `${JSON.stringify({ name: `Imported ${randomUUID()}`, language: "fr" })}\n`,
      }),
    },
    "get /api/organizations/{id}": {
      least: "viewer",
      ok: 200,
      request: async () => ({ method: "GET", url: (await fullOrg()).url }),
    },
    "patch /api/organizations/{id}": {
      least: "admin",
      ok: 200,
      request: async () => ({ method: "PATCH", url: (await fullOrg()).url, payload: { sector: "energy" } }),
    },
    "delete /api/organizations/{id}": {
      least: "admin",
      ok: 204,
      request: async () => ({ method: "DELETE", url: (await fullOrg()).url }),
    },
    "get /api/organizations/{id}/notices": {
      least: "viewer",
      ok: 200,
      request: async () => ({ method: "GET", url: `${(await fullOrg()).url}/notices` }),
    },
    // A registered organization is not an abuse contact: an admin reaches the handler, which answers 409.
    "put /api/organizations/{id}/block": {
      least: "admin",
      ok: 409,
      request: async () => ({ method: "PUT", url: `${(await fullOrg()).url}/block`, payload: { reason: "test" } }),
    },
    "delete /api/organizations/{id}/block": {
      least: "admin",
      ok: 409,
      request: async () => ({ method: "DELETE", url: `${(await fullOrg()).url}/block` }),
    },
    "post /api/organizations/{id}/promote": {
      least: "admin",
      ok: 409,
      request: async () => ({ method: "POST", url: `${(await fullOrg()).url}/promote`, payload: {} }),
    },
    "post /api/organizations/{id}/contacts": {
      least: "admin",
      ok: 201,
      request: async () => {
        const o = await fullOrg();
        return { method: "POST", url: `${o.url}/contacts`, payload: { email: `attacker@${o.s.domain}` } };
      },
    },
    "patch /api/organizations/{id}/contacts/{contactId}": {
      least: "admin",
      ok: 200,
      request: async () => {
        const o = await fullOrg();
        return { method: "PATCH", url: `${o.url}/contacts/${o.contactId}`, payload: { email: "x@attacker.example" } };
      },
    },
    "delete /api/organizations/{id}/contacts/{contactId}": {
      least: "admin",
      ok: 204,
      request: async () => {
        const o = await fullOrg();
        return { method: "DELETE", url: `${o.url}/contacts/${o.contactId}` };
      },
    },
    "get /api/organizations/contacts-to-fix": {
      least: "viewer",
      ok: 200,
      request: async () => ({ method: "GET", url: "/api/organizations/contacts-to-fix" }),
    },
    // Changes no address: it only lets later notices address a contact the registry already holds.
    "post /api/organizations/{id}/contacts/{contactId}/fixed": {
      least: "analyst",
      ok: 200,
      request: async () => {
        const o = await fullOrg();
        return { method: "POST", url: `${o.url}/contacts/${o.contactId}/fixed` };
      },
    },
    "post /api/organizations/{id}/networks": {
      least: "admin",
      ok: 201,
      request: async () => {
        const o = await fullOrg();
        return { method: "POST", url: `${o.url}/networks`, payload: { cidr: `${o.s.v6}::/48` } };
      },
    },
    "delete /api/organizations/{id}/networks/{itemId}": {
      least: "admin",
      ok: 204,
      request: async () => {
        const o = await fullOrg();
        return { method: "DELETE", url: `${o.url}/networks/${o.networkId}` };
      },
    },
    "post /api/organizations/{id}/asns": {
      least: "admin",
      ok: 201,
      request: async () => ({ method: "POST", url: `${(await fullOrg()).url}/asns`, payload: { asn: "AS65010" } }),
    },
    "delete /api/organizations/{id}/asns/{itemId}": {
      least: "admin",
      ok: 204,
      request: async () => {
        const o = await fullOrg();
        return { method: "DELETE", url: `${o.url}/asns/${o.asnId}` };
      },
    },
    "post /api/organizations/{id}/domains": {
      least: "admin",
      ok: 201,
      request: async () => {
        const o = await fullOrg();
        return { method: "POST", url: `${o.url}/domains`, payload: { name: `other.${o.s.domain}` } };
      },
    },
    "delete /api/organizations/{id}/domains/{itemId}": {
      least: "admin",
      ok: 204,
      request: async () => {
        const o = await fullOrg();
        return { method: "DELETE", url: `${o.url}/domains/${o.domainId}` };
      },
    },
  };

  it("has a case for every registry route the API serves (a new route needs one here)", async () => {
    const doc = (await app.inject({ url: "/docs/json" })).json() as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths)
      .filter(([path]) => path.startsWith("/api/organizations"))
      .flatMap(([path, methods]) => Object.keys(methods).map((method) => `${method} ${path}`));
    expect(routes.sort()).toEqual(Object.keys(CASES).sort());
  });

  for (const [route, c] of Object.entries(CASES)) {
    it(`${route}: ${c.least} and above`, async () => {
      for (const role of ROLES) {
        const { headers, ...request } = await c.request();
        const res = await app.inject({ ...request, headers: { ...headers, ...bearer(staff[role]) } } as InjectOptions);
        if (RANK[role] < RANK[c.least]) {
          expect(res.statusCode, `${role}: ${res.body}`).toBe(403);
          expect(res.json()).toEqual({
            error: "forbidden",
            message: `This needs the ${c.least} role; you are ${role}`,
          });
        } else {
          expect(res.statusCode, `${role}: ${res.body}`).toBe(c.ok);
        }
      }
    });
  }

  it("lets an analyst assign a list's rows to an existing organization, but not register a network or domain with it", async () => {
    const o = await fullOrg();
    const owner = { id: o.url.split("/").pop()! };
    const csv = `ip\n${space().v4}.1\n`;
    const list = (await uploadList(app, bearer(staff.analyst), csv, {}, `roles-${randomUUID()}.csv`)).json();
    const [row] = (
      await app.inject({ url: `/api/lists/${list.id}/exposures?matched=false`, headers: bearer(staff.analyst) })
    ).json().exposures;
    const assign = (role: Role, extra: object) =>
      app.inject({
        method: "POST",
        url: `/api/lists/${list.id}/assign`,
        headers: bearer(staff[role]),
        payload: { organizationId: owner.id, exposureIds: [row.id], ...extra },
      });
    for (const extra of [{ registerNetwork: `${o.s.v6}::/48` }, { registerDomain: `other.${o.s.domain}` }]) {
      const refused = await assign("analyst", extra);
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toEqual({
        error: "forbidden",
        message: "Registering a network or domain needs the admin role; you are analyst",
      });
    }
    expect((await assign("viewer", {})).statusCode).toBe(403);
    expect((await assign("analyst", {})).statusCode).toBe(200);
    expect((await assign("admin", { registerDomain: `more.${o.s.domain}` })).statusCode).toBe(200);
    // Nothing of the refused registrations reached the registry.
    const view = (await app.inject({ url: o.url, headers: bearer(staff.admin) })).json();
    expect(view.networks.map((n: { cidr: string }) => n.cidr)).toEqual([`${o.s.v4}.0/24`]);
    expect(view.domains.map((d: { name: string }) => d.name).sort()).toEqual([o.s.domain, `more.${o.s.domain}`].sort());
  });
});
