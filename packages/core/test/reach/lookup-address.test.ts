import { describe, expect, it } from "vitest";
import { lookupMayConnect, parseNetworks } from "../../src/reach/lookup-address.ts";

describe("where the online lookups may connect", () => {
  it("allows public unicast addresses only", () => {
    for (const address of ["193.190.198.10", "2001:67c:2e8::1", "::ffff:193.190.198.10"]) {
      expect(lookupMayConnect(address, []), address).toBe(true);
    }
    const internal = ["127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "100.64.0.1", "0.0.0.0"];
    for (const address of [...internal, "::1", "fe80::1", "fd00::1", "::ffff:127.0.0.1", "224.0.0.1", "not-an-ip"]) {
      expect(lookupMayConnect(address, []), address).toBe(false);
    }
  });

  it("allows the networks staff list, of the address's own family", () => {
    expect(lookupMayConnect("127.0.0.1", ["127.0.0.0/8"])).toBe(true);
    expect(lookupMayConnect("10.20.30.40", ["10.20.0.0/16", "fd00::/8"])).toBe(true);
    expect(lookupMayConnect("10.21.30.40", ["10.20.0.0/16", "fd00::/8"])).toBe(false);
    expect(lookupMayConnect("fd00::5", ["10.20.0.0/16", "fd00::/8"])).toBe(true);
  });

  it("reads a list of networks and names the first entry that is not one", () => {
    expect(parseNetworks(" 127.0.0.0/8, fd00::/8 ,")).toEqual({ networks: ["127.0.0.0/8", "fd00::/8"] });
    expect(parseNetworks("")).toEqual({ networks: [] });
    expect(parseNetworks("127.0.0.0/8,localhost")).toEqual({ bad: "localhost" });
    expect(parseNetworks("10.0.0.0/33")).toEqual({ bad: "10.0.0.0/33" });
  });
});
