import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { buildExposureCsv, buildRegistry, registryCsv, registryNdjson } from "../src/index.ts";

const sha256 = (s: string) => createHash("sha256").update(s).digest("hex");
const inRange = (ip: string, base: string, bits: number) => {
  const n = (s: string) => s.split(".").reduce((a, o) => a * 256 + Number(o), 0);
  return Math.floor(n(ip) / 2 ** (32 - bits)) === Math.floor(n(base) / 2 ** (32 - bits));
};

describe("test data builder", () => {
  it("is deterministic and byte-identical to the reference fixtures for the default seed", () => {
    const registry = buildRegistry({ orgs: 5000, seed: 2021 });
    const { csv, expected } = buildExposureCsv(registry, { rows: 1170 });
    // Digests of the reference generator's registry.ndjson, exposures-1170.csv and expected-1170.json.
    expect(sha256(registryNdjson(registry))).toBe("e3d5775dbe9606d1127316e7531143ce32cf4a160f9ac564ba9ba3c43dad072c");
    expect(sha256(csv)).toBe("9da468a7f5bf182570600451c6d29ba29474e604234465e3290841caff377de4");
    expect(sha256(JSON.stringify(expected))).toBe("5dddb79c043e9f5527850dd8cc1255465d06aa0fa1b63838e9713a2d22d1ead2");
  });

  it("keeps every address and domain inside reserved ranges", () => {
    const registry = buildRegistry({ orgs: 400, seed: 5 });
    for (const o of registry.organizations) {
      for (const c of o.cidrs)
        expect(c.startsWith("2001:db8:") || inRange(c.split("/")[0]!, "198.18.0.0", 15)).toBe(true);
      for (const d of o.domains) expect(d.endsWith(".example")).toBe(true);
      for (const c of o.contacts) expect(c.email.endsWith(".example")).toBe(true);
    }
    const { csv } = buildExposureCsv(registry, { rows: 2000, seed: 9 });
    for (const line of csv.trim().split("\n").slice(1)) {
      const ip = line.split(",")[1]!;
      expect(inRange(ip, "198.18.0.0", 15) || inRange(ip, "203.0.113.0", 24) || inRange(ip, "192.0.2.0", 24)).toBe(
        true,
      );
    }
  });

  it("expects the customer's /28 over its ISP's /20, the domain outside every network, and nobody in 192.0.2.0/24", () => {
    const registry = buildRegistry({ orgs: 600, seed: 11 });
    const byName = new Map(registry.organizations.map((o) => [o.name, o]));
    const { csv, expected } = buildExposureCsv(registry, { rows: 3000, seed: 12 });
    const rows = csv
      .trim()
      .split("\n")
      .slice(1)
      .map((l) => l.split(","));
    expect(rows).toHaveLength(3000);
    const kinds = { customer: 0, isp: 0, domain: 0, nobody: 0 };
    rows.forEach((row, i) => {
      const [ip, host, asn] = [row[1]!, row[4]!, row[6]!];
      const want = expected[i] ?? null;
      if (want === null) {
        kinds.nobody++;
        expect(inRange(ip, "192.0.2.0", 24)).toBe(true);
        return;
      }
      const org = byName.get(want)!;
      if (inRange(ip, "203.0.113.0", 24)) {
        kinds.domain++;
        expect(host).toBe(`owa.${org.domains[0]}`);
      } else if (asn) {
        kinds.isp++;
        expect(org.asns).toContain(Number(asn));
        expect(inRange(ip, org.cidrs[0]!.split("/")[0]!, 20)).toBe(true);
      } else {
        kinds.customer++;
        const v4 = org.cidrs.find((c) => !c.includes(":"))!;
        expect(inRange(ip, v4.split("/")[0]!, Number(v4.split("/")[1]))).toBe(true);
      }
    });
    for (const n of Object.values(kinds)) expect(n).toBeGreaterThan(50);
  });

  it("writes the same registry as CSV with ;-separated lists", () => {
    const registry = buildRegistry({ orgs: 30, seed: 1 });
    const lines = registryCsv(registry).trim().split("\n");
    expect(lines[0]).toBe("name,sector,country,language,contacts,cidrs,asns,domains");
    expect(lines[1]).toBe(
      "Atlas Telecom 1,ict,NL,nl,abuse@isp1.example|abuse|Abuse desk|,198.18.0.0/20,64512,isp1.example",
    );
    expect(lines).toHaveLength(31);
  });
});
