import { AppError } from "@baken/core";
import { ShadowserverStub } from "@baken/testing";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { shadowserverClient, type ShadowserverClientOptions } from "../../src/index.ts";

// Against @baken/testing's ShadowserverStub: a local server speaking the Reports API's documented shape
// (shared/reference/shadowserver-reports-api.md), which checks the HMAC2 signature with node:crypto itself.

const API_KEY = "key-1";
const SECRET = "shadow-secret";
const CSV = '"timestamp","ip","port","tag"\n"2021-03-09 06:00:00","192.0.2.10",443,"cve-2021-26855;exchange"\n';

const stub = new ShadowserverStub(API_KEY, SECRET);
const publish = (id: string, type: string, date: string) => {
  const { csv: _, ...listed } = stub.publish({ id, type, date, csv: CSV, report: "belgium-geo" });
  return listed;
};
let REPORTS: Record<string, ReturnType<typeof publish>[]>;
const seen = () => stub.requests.map(({ method, path, status }) => ({ method, path, status }));

const client = (over: Partial<ShadowserverClientOptions> = {}) =>
  shadowserverClient({
    apiKey: API_KEY,
    secret: SECRET,
    apiUrl: stub.apiUrl,
    downloadUrl: stub.downloadUrl,
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

beforeAll(() => stub.start());
afterAll(() => stub.stop());
beforeEach(() => {
  stub.clear();
  REPORTS = {
    "2021-03-09": [publish("a1b2c3", "scan_exchange", "2021-03-09")],
    "2021-03-10": [
      publish("d4e5f6", "scan_exchange", "2021-03-10"),
      publish("0789ab", "event4_sinkhole", "2021-03-10"),
    ],
  };
});

describe("Shadowserver Reports API client", () => {
  it("lists a day's reports with a signed request", async () => {
    const reports = await client().listReports("2021-03-09");
    expect(reports).toEqual([REPORTS["2021-03-09"]![0]]);
    expect(seen()).toEqual([{ method: "POST", path: "/api2/reports/list", status: 200 }]);
  });

  it("lists a date range day by day, filtered by report type", async () => {
    const all = await client().listReportsBetween("2021-03-08", "2021-03-10");
    expect(all.map((r) => r.id)).toEqual(["a1b2c3", "d4e5f6", "0789ab"]);
    expect(seen()).toHaveLength(3);
    const sinkholes = await client().listReportsBetween("2021-03-09", "2021-03-10", { types: ["event4_sinkhole"] });
    expect(sinkholes.map((r) => r.id)).toEqual(["0789ab"]);
  });

  it("downloads a listed report by its id from the download address", async () => {
    const [report] = await client().listReports("2021-03-09");
    expect(await text(await client().openReport(report!.id))).toBe(CSV);
    expect(seen().at(-1)).toEqual({ method: "GET", path: "/dl/a1b2c3", status: 200 });
  });

  it("retries a 503 once and then succeeds", async () => {
    stub.failures = [503];
    expect(await client().listReports("2021-03-09")).toHaveLength(1);
    expect(seen().map((s) => s.status)).toEqual([503, 200]);
    stub.failures = [503];
    expect(await text(await client().openReport("a1b2c3"))).toBe(CSV);
    expect(
      seen()
        .slice(2)
        .map((s) => s.status),
    ).toEqual([503, 200]);
  });

  it("gives up after the bounded retries, saying what the server answered", async () => {
    stub.failures = [503, 502, 500];
    const error = await refusal(client({ retries: 2 }).listReports("2021-03-09"));
    expect(error.code).toBe("unavailable");
    expect(error.message).toBe(
      'Shadowserver reports/list: HTTP 500: {"error":"Service Unavailable"} (after 3 attempts)',
    );
    expect(seen()).toHaveLength(3);
  });

  it("refuses a bad secret at once, with a clear error and no retry", async () => {
    const error = await refusal(client({ secret: "wrong" }).listReports("2021-03-09"));
    expect(error.code).toBe("unauthorized");
    expect(error.message).toBe(
      'Shadowserver reports/list: Shadowserver refused the API key or the request\'s signature (HTTP 401): {"error":"Unauthorized"}',
    );
    expect(seen()).toEqual([{ method: "POST", path: "/api2/reports/list", status: 401 }]);
  });

  it("refuses an unknown report id at once (4xx)", async () => {
    const error = await refusal(client().openReport("nope"));
    expect(error.code).toBe("bad_request");
    expect(seen()).toHaveLength(1);
  });

  it("stops waiting for a server that does not answer", async () => {
    stub.hang = true;
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
