import { AppError } from "@baken/core";
import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { shadowserverClient, type ShadowserverClientOptions } from "../../src/index.ts";

// A local server speaking the Reports API's documented shape (shared/reference/shadowserver-reports-api.md):
// POST <api>/reports/list with a JSON body carrying "apikey", signed in the HMAC2 header (hex HMAC-SHA256 of
// the exact body bytes under the account's secret); GET <download>/<id> answers the CSV. The signature is
// checked here with node:crypto directly, not with the code under test; a wrong one gets 401 (the
// reference does not say which status the real API answers).

const API_KEY = "key-1";
const SECRET = "shadow-secret";

const REPORTS: Record<string, { id: string; type: string; timestamp: string; file: string; report: string }[]> = {
  "2021-03-09": [
    {
      id: "a1b2c3",
      type: "scan_exchange",
      timestamp: "2021-03-09",
      file: "2021-03-09-scan_exchange-belgium-geo.csv",
      report: "belgium-geo",
    },
  ],
  "2021-03-10": [
    {
      id: "d4e5f6",
      type: "scan_exchange",
      timestamp: "2021-03-10",
      file: "2021-03-10-scan_exchange-belgium-geo.csv",
      report: "belgium-geo",
    },
    {
      id: "0789ab",
      type: "event4_sinkhole",
      timestamp: "2021-03-10",
      file: "2021-03-10-event4_sinkhole-belgium-geo.csv",
      report: "belgium-geo",
    },
  ],
};
const CSV = '"timestamp","ip","port","tag"\n"2021-03-09 06:00:00","192.0.2.10",443,"cve-2021-26855;exchange"\n';

let server: Server;
let base: string;
const seen: { method: string; path: string; status: number }[] = [];
/** Answers with this status (then as usual) as many times as it holds entries. */
let failures: number[] = [];
let hang = false;

function signed(req: IncomingMessage, body: Buffer): boolean {
  const given = Buffer.from(String(req.headers.hmac2 ?? ""), "utf8");
  const expected = Buffer.from(createHmac("sha256", SECRET).update(body).digest("hex"), "utf8");
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function handle(req: IncomingMessage, res: ServerResponse) {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const body = Buffer.concat(chunks);
  const send = (status: number, payload: string, type = "application/json") => {
    seen.push({ method: req.method!, path: req.url!, status });
    res.writeHead(status, { "content-type": type }).end(payload);
  };
  if (hang) return; // never answers: the client's timeout must end the wait
  const failure = failures.shift();
  if (failure) return send(failure, JSON.stringify({ error: "Service Unavailable" }));
  if (req.method === "POST" && req.url === "/api2/reports/list") {
    const request = JSON.parse(body.toString("utf8")) as { apikey?: string; date?: string; types?: string[] };
    if (request.apikey !== API_KEY || !signed(req, body)) return send(401, JSON.stringify({ error: "Unauthorized" }));
    const listed = (REPORTS[request.date ?? ""] ?? []).filter((r) => !request.types || request.types.includes(r.type));
    return send(200, JSON.stringify(listed));
  }
  const download = /^\/dl\/([\w-]+)$/.exec(req.url ?? "");
  if (req.method === "GET" && download) {
    const known = Object.values(REPORTS)
      .flat()
      .some((r) => r.id === download[1]);
    return known ? send(200, CSV, "text/csv") : send(404, "Not Found", "text/plain");
  }
  send(404, "Not Found", "text/plain");
}

const client = (over: Partial<ShadowserverClientOptions> = {}) =>
  shadowserverClient({
    apiKey: API_KEY,
    secret: SECRET,
    apiUrl: `${base}/api2/`,
    downloadUrl: `${base}/dl/`,
    backoffMs: 10,
    ...over,
  });

async function text(stream: AsyncIterable<Uint8Array>): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(Buffer.from(chunk));
  return Buffer.concat(chunks).toString("utf8");
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

beforeAll(async () => {
  server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});
beforeEach(() => {
  seen.length = 0;
  failures = [];
  hang = false;
});

describe("Shadowserver Reports API client", () => {
  it("lists a day's reports with a signed request", async () => {
    const reports = await client().listReports("2021-03-09");
    expect(reports).toEqual([REPORTS["2021-03-09"]![0]]);
    expect(seen).toEqual([{ method: "POST", path: "/api2/reports/list", status: 200 }]);
  });

  it("lists a date range day by day, filtered by report type", async () => {
    const all = await client().listReportsBetween("2021-03-08", "2021-03-10");
    expect(all.map((r) => r.id)).toEqual(["a1b2c3", "d4e5f6", "0789ab"]);
    expect(seen).toHaveLength(3);
    const sinkholes = await client().listReportsBetween("2021-03-09", "2021-03-10", { types: ["event4_sinkhole"] });
    expect(sinkholes.map((r) => r.id)).toEqual(["0789ab"]);
  });

  it("downloads a listed report by its id from the download address", async () => {
    const [report] = await client().listReports("2021-03-09");
    expect(await text(await client().openReport(report!.id))).toBe(CSV);
    expect(seen.at(-1)).toEqual({ method: "GET", path: "/dl/a1b2c3", status: 200 });
  });

  it("retries a 503 once and then succeeds", async () => {
    failures = [503];
    expect(await client().listReports("2021-03-09")).toHaveLength(1);
    expect(seen.map((s) => s.status)).toEqual([503, 200]);
    failures = [503];
    expect(await text(await client().openReport("a1b2c3"))).toBe(CSV);
    expect(seen.slice(2).map((s) => s.status)).toEqual([503, 200]);
  });

  it("gives up after the bounded retries, saying what the server answered", async () => {
    failures = [503, 502, 500];
    const error = await refusal(client({ retries: 2 }).listReports("2021-03-09"));
    expect(error.code).toBe("unavailable");
    expect(error.message).toBe(
      'Shadowserver reports/list: HTTP 500: {"error":"Service Unavailable"} (after 3 attempts)',
    );
    expect(seen).toHaveLength(3);
  });

  it("refuses a bad secret at once, with a clear error and no retry", async () => {
    const error = await refusal(client({ secret: "wrong" }).listReports("2021-03-09"));
    expect(error.code).toBe("unauthorized");
    expect(error.message).toBe(
      'Shadowserver reports/list: Shadowserver refused the API key or the request\'s signature (HTTP 401): {"error":"Unauthorized"}',
    );
    expect(seen).toEqual([{ method: "POST", path: "/api2/reports/list", status: 401 }]);
  });

  it("refuses an unknown report id at once (4xx)", async () => {
    const error = await refusal(client().openReport("nope"));
    expect(error.code).toBe("bad_request");
    expect(seen).toHaveLength(1);
  });

  it("stops waiting for a server that does not answer", async () => {
    hang = true;
    const error = await refusal(client({ timeoutMs: 200, retries: 1 }).listReports("2021-03-09"));
    expect(error.message).toBe("Shadowserver reports/list: no answer within 200 ms (after 2 attempts)");
  });

  it("says so when the server cannot be reached", async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, "127.0.0.1", resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await refusal(
      client({ apiUrl: `http://127.0.0.1:${port}/api2/`, retries: 0 }).listReports("2021-03-09"),
    );
    expect(error.code).toBe("unavailable");
    expect(error.message).toBe(
      `Shadowserver reports/list: cannot reach http://127.0.0.1:${port}/api2/reports/list (ECONNREFUSED) (after 1 attempt)`,
    );
  });
});
