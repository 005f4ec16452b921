import { readFileSync } from "node:fs";
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from "node:http";
import { createServer as createHttpsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { boundedGet, lookupAgent } from "../src/reach/lookup-http.ts";

// A certificate of this folder's own for localhost and 127.0.0.1 (self-signed, valid until 2126; made with
// `openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 36500 -subj /CN=localhost
// -addext subjectAltName=DNS:localhost,IP:127.0.0.1`), trusted only where a test passes it as `ca`.
const fixture = (name: string) => readFileSync(new URL(`fixtures/${name}`, import.meta.url), "utf8");
const cert = fixture("localhost-cert.pem");
const key = fixture("localhost-key.pem");
const securityTxt = "Contact: mailto:security@site.example\nExpires: 2099-01-01T00:00:00Z\n";
const LOOPBACK = ["127.0.0.0/8"];
const get = (url: string, agent: ReturnType<typeof lookupAgent>) =>
  boundedGet(url, { timeoutMs: 2000, maxBytes: 32 * 1024, accept: "text/plain", throttle: async () => 0, agent });

describe("the lookups' HTTP client", () => {
  const requests: string[] = [];
  let https = "";
  let http = "";
  const servers: { close(): void; closeAllConnections(): void }[] = [];
  const routes = (req: IncomingMessage, res: ServerResponse) => {
    requests.push(req.url!);
    if (req.url === "/.well-known/security.txt") return res.writeHead(200).end(securityTxt);
    if (req.url === "/to-http") return res.writeHead(301, { location: `${http}/.well-known/security.txt` }).end();
    if (req.url === "/to-https") return res.writeHead(302, { location: "/.well-known/security.txt" }).end();
    if (req.url === "/loop") return res.writeHead(302, { location: "/loop" }).end();
    res.writeHead(404).end();
  };

  beforeAll(async () => {
    const secure = createHttpsServer({ cert, key }, routes);
    const plain = createHttpServer(routes);
    for (const server of [secure, plain]) {
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      servers.push(server);
    }
    https = `https://localhost:${(secure.address() as AddressInfo).port}`;
    http = `http://127.0.0.1:${(plain.address() as AddressInfo).port}`;
  });
  afterAll(() => {
    for (const server of servers) {
      server.closeAllConnections();
      server.close();
    }
  });

  it("reads a file over HTTPS from a server whose certificate it trusts", async () => {
    const agent = lookupAgent(LOOPBACK, { ca: cert });
    const answer = await get(`${https}/.well-known/security.txt`, agent);
    await agent.close();
    expect(answer).toMatchObject({ kind: "answer", status: 200, body: securityTxt });
  });

  it("refuses a certificate it cannot verify (the default roots do not hold this one)", async () => {
    const agent = lookupAgent(LOOPBACK);
    const answer = await get(`${https}/.well-known/security.txt`, agent);
    await agent.close();
    expect(answer).toEqual({ kind: "failed", reason: "DEPTH_ZERO_SELF_SIGNED_CERT" });
  });

  it("never connects to a loopback or private address unless its network is allowed", async () => {
    const before = requests.length;
    const agent = lookupAgent([], { ca: cert });
    // localhost is resolved and refused; an address in the URL is never resolved, and refused as it is.
    for (const url of [`${https}/.well-known/security.txt`, `${http}/.well-known/security.txt`]) {
      const answer = await get(url, agent);
      expect(answer.kind, url).toBe("failed");
      expect((answer as { reason: string }).reason, url).toMatch(/is not a public address/);
    }
    await agent.close();
    expect(requests.length).toBe(before);
  });

  it("follows a redirect within HTTPS, never one down to HTTP, and gives up on a loop", async () => {
    const agent = lookupAgent(LOOPBACK, { ca: cert });
    expect(await get(`${https}/to-https`, agent)).toMatchObject({
      kind: "answer",
      body: securityTxt,
      url: `${https}/.well-known/security.txt`,
    });
    const before = requests.length;
    expect(await get(`${https}/to-http`, agent)).toEqual({ kind: "failed", reason: "redirected from https to http:" });
    expect(requests.slice(before)).toEqual(["/to-http"]);
    expect(await get(`${https}/loop`, agent)).toEqual({ kind: "failed", reason: "more than 5 redirects" });
    await agent.close();
  });
});
