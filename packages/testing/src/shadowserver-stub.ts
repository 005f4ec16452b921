import { createHmac, timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

// A local HTTP server speaking Shadowserver's Reports API as it is documented (and as its sample clients use
// it): POST <api>/reports/list with a JSON body carrying "apikey" and "date" (one day; optional "types" and
// "reports"), signed in the HMAC2 header (hex HMAC-SHA256 of the exact body bytes under the account's
// secret), answering the day's reports as [{ id, type, timestamp, file, report }]; GET <download>/<id>
// answering the report's CSV. The signature is checked here with node:crypto, not with Baken's code; a wrong
// key or signature gets 401 (the documentation does not say which status the real API answers).

/** A report the stub publishes: listed on its day, downloadable by its id. */
export type StubReport = { id: string; type: string; timestamp: string; file: string; report: string; csv: string };

export type StubRequest = { method: string; path: string; status: number; body?: Record<string, unknown> };

export class ShadowserverStub {
  readonly reports: StubReport[] = [];
  readonly requests: StubRequest[] = [];
  /** Answers with these statuses, one per request, before answering as usual. */
  failures: number[] = [];
  /** While set, every request gets this status (the service is down). */
  down: number | null = null;
  /** While true, no request is answered: the client's timeouts must end the wait. */
  hang = false;
  /** Downloads of these report ids send half the file, then the connection is cut. */
  readonly cut = new Set<string>();
  private server: Server;
  private base = "";

  constructor(
    readonly apiKey: string,
    readonly secret: string,
  ) {
    this.server = createServer((req, res) => void this.handle(req, res));
  }

  async start(port = 0, host = "127.0.0.1"): Promise<this> {
    await new Promise<void>((resolve) => this.server.listen(port, host, resolve));
    this.base = `http://${host}:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** The API's base, as a feed source's apiUrl takes it. */
  get apiUrl() {
    return `${this.base}/api2/`;
  }

  /** Where reports are downloaded, as a feed source's downloadUrl takes it. */
  get downloadUrl() {
    return `${this.base}/dl/`;
  }

  /** Publishes a report on `date` (YYYY-MM-DD): Shadowserver's file name is `<date>-<type>-<report>.csv`. */
  publish(report: { id: string; type: string; date: string; csv: string; report?: string }): StubReport {
    const name = report.report ?? "baken-test-geo";
    const published = {
      id: report.id,
      type: report.type,
      timestamp: report.date,
      file: `${report.date}-${report.type}-${name}.csv`,
      report: name,
      csv: report.csv,
    };
    this.reports.push(published);
    return published;
  }

  /** Downloads of report files asked so far. */
  downloads(): string[] {
    return this.requests.filter((r) => r.method === "GET").map((r) => r.path.split("/").pop()!);
  }

  clear() {
    this.reports.length = 0;
    this.requests.length = 0;
    this.failures = [];
    this.down = null;
    this.hang = false;
    this.cut.clear();
  }

  stop(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }

  private signed(req: IncomingMessage, body: Buffer): boolean {
    const given = Buffer.from(String(req.headers.hmac2 ?? ""), "utf8");
    const expected = Buffer.from(createHmac("sha256", this.secret).update(body).digest("hex"), "utf8");
    return given.length === expected.length && timingSafeEqual(given, expected);
  }

  private async handle(req: IncomingMessage, res: ServerResponse) {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    let json: Record<string, unknown> | undefined;
    try {
      json = body.length > 0 ? (JSON.parse(body.toString("utf8")) as Record<string, unknown>) : undefined;
    } catch {
      json = undefined;
    }
    const send = (status: number, payload: string, type = "application/json") => {
      this.requests.push({ method: req.method!, path: req.url!, status, body: json });
      res.writeHead(status, { "content-type": type }).end(payload);
    };
    if (this.hang) return;
    const failure = this.down ?? this.failures.shift();
    if (failure) return send(failure, JSON.stringify({ error: "Service Unavailable" }));
    if (req.method === "POST" && req.url === "/api2/reports/list") {
      if (json?.apikey !== this.apiKey || !this.signed(req, body)) {
        return send(401, JSON.stringify({ error: "Unauthorized" }));
      }
      const types = json.types as string[] | undefined;
      const lists = json.reports as string[] | undefined;
      const listed = this.reports
        .filter((r) => r.timestamp === json!.date)
        .filter((r) => !types || types.includes(r.type))
        .filter((r) => !lists || lists.includes(r.report))
        .map(({ csv: _, ...r }) => r);
      return send(200, JSON.stringify(listed));
    }
    const download = /^\/dl\/([\w-]+)$/.exec(req.url ?? "");
    const found = req.method === "GET" && download ? this.reports.find((r) => r.id === download[1]) : undefined;
    if (found && this.cut.has(found.id)) {
      this.requests.push({ method: req.method!, path: req.url!, status: 200 });
      res.writeHead(200, { "content-type": "text/csv", "content-length": Buffer.byteLength(found.csv) });
      res.write(found.csv.slice(0, Math.floor(found.csv.length / 2)), () => res.destroy());
      return;
    }
    if (found) return send(200, found.csv, "text/csv");
    send(404, "Not Found", "text/plain");
  }
}
