import {
  AppError,
  datesBetween,
  parseReportList,
  reportListBody,
  SHADOWSERVER_SIGNATURE_HEADER,
  shadowserverSignature,
  type ListedReport,
  type ReportListFilter,
} from "@baken/core";
import { setTimeout as sleep } from "node:timers/promises";

// The HTTP side of Shadowserver's Reports API (signing and parsing are @baken/core's). Bounded retries with
// exponential backoff on what may pass (network errors, timeouts, 429, 5xx); a 4xx is answered at once with
// an AppError that says what Shadowserver refused, since asking again would be refused again.

export type ShadowserverClientOptions = {
  apiKey: string;
  secret: string;
  /** Shadowserver's API base (SHADOWSERVER_API_URL), ending with "/". */
  apiUrl: string;
  /** Where reports are downloaded by id (SHADOWSERVER_DOWNLOAD_URL), ending with "/". */
  downloadUrl: string;
  /** Until the answer's headers arrive (and, for a list, its body). */
  timeoutMs?: number;
  /** For the whole body of a downloaded report. */
  downloadTimeoutMs?: number;
  /** Attempts after the first one, for what may pass. */
  retries?: number;
  /** The first wait before a retry; each next one doubles. */
  backoffMs?: number;
};

export type ShadowserverClient = {
  listReports(date: string, filter?: ReportListFilter): Promise<ListedReport[]>;
  /** Every day from `from` to `to` (YYYY-MM-DD, both included), each report once. */
  listReportsBetween(from: string, to: string, filter?: ReportListFilter): Promise<ListedReport[]>;
  /** The report's file as it arrives, for ingest-list to stream: never whole in memory. */
  openReport(id: string): Promise<AsyncIterable<Uint8Array>>;
};

const DEFAULTS = { timeoutMs: 30_000, downloadTimeoutMs: 600_000, retries: 3, backoffMs: 1_000 };
const RETRY_AFTER_MAX_MS = 60_000;

/** Passed through to the retry loop: a failure worth another attempt, and how long to wait first. */
class Transient extends Error {
  constructor(
    message: string,
    readonly waitMs?: number,
  ) {
    super(message);
  }
}

export function shadowserverClient(options: ShadowserverClientOptions): ShadowserverClient {
  const o = { ...DEFAULTS, ...options };

  /**
   * One exchange, retried while it fails in a way that may pass: resolves with `read(response)` of a 2xx
   * answer, throws AppError otherwise. `headersMs` bounds the wait for the answer's headers, `totalMs` the
   * whole exchange, body included (for a download: until the caller has read it all).
   */
  async function request<T>(
    what: string,
    url: string,
    init: RequestInit,
    limits: { headersMs: number; totalMs: number },
    read: (response: Response) => Promise<T>,
  ): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      try {
        return await read(await answer(url, init, limits));
      } catch (error) {
        if (error instanceof AppError) throw new AppError(error.code, `${what}: ${error.message}`, error.details);
        const transient = error instanceof Transient ? error : new Transient(failureOf(error, limits.totalMs));
        if (attempt >= o.retries) {
          throw new AppError(
            "unavailable",
            `${what}: ${transient.message} (after ${attempt + 1} attempt${attempt > 0 ? "s" : ""})`,
          );
        }
        await sleep(transient.waitMs ?? o.backoffMs * 2 ** attempt);
      }
    }
  }

  async function answer(url: string, init: RequestInit, limits: { headersMs: number; totalMs: number }) {
    const headers = new AbortController();
    const timer = setTimeout(
      () => headers.abort(new DOMException(`no answer within ${limits.headersMs} ms`, "TimeoutError")),
      limits.headersMs,
    );
    let response: Response;
    try {
      const signal = AbortSignal.any([headers.signal, AbortSignal.timeout(limits.totalMs)]);
      response = await fetch(url, { ...init, signal });
    } catch (error) {
      throw new Transient(failureOf(error, limits.totalMs, url));
    } finally {
      clearTimeout(timer);
    }
    if (response.ok) return response;
    const text = (await response.text().catch(() => "")).trim().slice(0, 300);
    const said = text ? `: ${text}` : "";
    if (response.status === 429 || response.status >= 500) {
      throw new Transient(`HTTP ${response.status}${said}`, retryAfterMs(response));
    }
    if (response.status === 401 || response.status === 403) {
      throw new AppError(
        "unauthorized",
        `Shadowserver refused the API key or the request's signature (HTTP ${response.status})${said}`,
        { status: response.status },
      );
    }
    throw new AppError("bad_request", `Shadowserver refused the request (HTTP ${response.status})${said}`, {
      status: response.status,
    });
  }

  async function call(method: string, body: string): Promise<unknown> {
    const text = await request(
      `Shadowserver ${method}`,
      new URL(method, o.apiUrl).href,
      {
        method: "POST",
        headers: {
          "content-type": "application/json",
          [SHADOWSERVER_SIGNATURE_HEADER]: shadowserverSignature(o.secret, body),
        },
        body,
      },
      { headersMs: o.timeoutMs, totalMs: o.timeoutMs },
      (response) => response.text(),
    );
    try {
      return JSON.parse(text) as unknown;
    } catch {
      throw new AppError(
        "validation",
        `Shadowserver ${method} answered something that is not JSON: ${text.slice(0, 100)}`,
      );
    }
  }

  const listReports = async (date: string, filter?: ReportListFilter) => {
    datesBetween(date, date); // refuses a malformed date before anything is sent
    return parseReportList(await call("reports/list", reportListBody(o.apiKey, date, filter)));
  };

  return {
    listReports,
    async listReportsBetween(from, to, filter) {
      const byId = new Map<string, ListedReport>();
      for (const date of datesBetween(from, to)) {
        for (const report of await listReports(date, filter)) byId.set(report.id, report);
      }
      return [...byId.values()];
    },
    async openReport(id) {
      if (!/^[\w-]+$/.test(id)) throw new AppError("validation", `Not a Shadowserver report id: ${id}`);
      return request(
        `Shadowserver download of report ${id}`,
        new URL(encodeURIComponent(id), o.downloadUrl).href,
        { method: "GET" },
        { headersMs: o.timeoutMs, totalMs: o.downloadTimeoutMs },
        async (response) => {
          if (!response.body) throw new AppError("validation", "the answer has no body");
          return chunksOf(response.body);
        },
      );
    },
  };
}

/** The body's chunks; a reader that stops early cancels the download rather than leaving it open. */
async function* chunksOf(body: ReadableStream<Uint8Array>): AsyncIterable<Uint8Array> {
  const reader = body.getReader();
  let done = false;
  try {
    while (!done) {
      const chunk = await reader.read();
      done = chunk.done;
      if (chunk.value) yield chunk.value;
    }
  } finally {
    if (!done) await reader.cancel();
  }
}

/** A failed fetch in words: which timeout ran out, or why the server could not be reached. */
function failureOf(error: unknown, totalMs: number, url?: string): string {
  if (error instanceof DOMException && error.name === "TimeoutError") {
    return error.message.startsWith("no answer") ? error.message : `not done within ${totalMs} ms`;
  }
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  const why = cause?.code ?? cause?.message ?? (error instanceof Error ? error.message : String(error));
  return url ? `cannot reach ${url} (${why})` : why;
}

function retryAfterMs(response: Response): number | undefined {
  const seconds = Number(response.headers.get("retry-after"));
  return Number.isFinite(seconds) && seconds > 0 ? Math.min(seconds * 1000, RETRY_AFTER_MAX_MS) : undefined;
}
