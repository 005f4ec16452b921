// A small client of Baken's staff API for scripts (the demo's seeding, the browser tests' fixtures): seed
// through the same endpoints staff use, so seeded data goes through the same validation and audit trail.

export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    const b = (body ?? {}) as { message?: unknown; details?: unknown };
    const details = Array.isArray(b.details)
      ? b.details
          .slice(0, 5)
          .map(
            (d: { line?: number; field?: string; message?: string }) =>
              `\n    ${[d.line && `line ${d.line}`, d.field].filter(Boolean).join(", ")}: ${d.message}`,
          )
          .join("")
      : "";
    super(`${what} answered ${status}: ${typeof b.message === "string" ? b.message : JSON.stringify(body)}${details}`);
  }
}

export type CampaignInput = {
  name: string;
  description: string;
  cves: string[];
  rsitClass: string;
  rsitType: string;
  severity: string;
  tlp: "CLEAR" | "GREEN" | "AMBER" | "AMBER_STRICT" | "RED";
  advice: Partial<
    Record<
      "nl" | "fr" | "de" | "en",
      { summary: string; actions: string[]; compromiseCheck?: string; links: { label: string; url: string }[] }
    >
  >;
  compromiseSince: string | null;
  reminderEveryDays: number | null;
};

export type ListAnswer = { id: string; rows?: number; accepted?: number; rejected?: number; duplicates?: number };

export class BakenApi {
  private constructor(
    readonly baseUrl: string,
    private readonly token: string,
  ) {}

  static async signIn(baseUrl: string, email: string, password: string): Promise<BakenApi> {
    const res = await fetch(`${baseUrl}/api/auth/login`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ email, password }),
    });
    const body = await res.json().catch(() => null);
    if (!res.ok) throw new ApiCallError(res.status, body, `signing in as ${email}`);
    return new BakenApi(baseUrl, (body as { token: string }).token);
  }

  async call<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}`, accept: "application/json" };
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers["content-type"] = "application/json";
    }
    const res = await fetch(`${this.baseUrl}${path}`, { method, headers, body: payload });
    const answer = res.status === 204 ? null : await res.json().catch(() => null);
    if (!res.ok) throw new ApiCallError(res.status, answer, `${method} ${path}`);
    return answer as T;
  }

  /** Upserts organizations by name from registry NDJSON, sent as the body itself (admin). */
  async importRegistry(ndjson: string) {
    const res = await fetch(`${this.baseUrl}/api/organizations/import`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${this.token}`,
        "content-type": "application/x-ndjson",
        accept: "application/json",
      },
      body: ndjson,
    });
    const answer = await res.json().catch(() => null);
    if (!res.ok) throw new ApiCallError(res.status, answer, "POST /api/organizations/import");
    return answer as { created: number; updated: number; rejected: number };
  }

  /** The campaign of that name, created when there is none. */
  async ensureCampaign(input: CampaignInput): Promise<{ id: string; created: boolean }> {
    const answer = await this.call<unknown>("GET", "/api/campaigns?limit=500");
    const campaigns = (
      Array.isArray(answer)
        ? answer
        : ((answer as { campaigns?: unknown[]; items?: unknown[] }).campaigns ??
          (answer as { items?: unknown[] }).items ??
          [])
    ) as {
      id: string;
      name: string;
    }[];
    const found = campaigns.find((c) => c.name === input.name);
    if (found) return { id: found.id, created: false };
    return { id: (await this.call<{ id: string }>("POST", "/api/campaigns", input)).id, created: true };
  }

  /** Uploads a list; a file uploaded before (409, same sha256) answers the existing list. */
  async uploadList(
    csv: string,
    fileName: string,
    fields: { campaignId?: string; source?: string; tlp?: string } = {},
  ): Promise<ListAnswer & { existed: boolean }> {
    const form = new FormData();
    for (const [k, v] of Object.entries(fields)) if (v) form.append(k, v);
    form.append("file", new Blob([csv], { type: "text/csv" }), fileName);
    try {
      return { ...(await this.call<ListAnswer>("POST", "/api/lists", form)), existed: false };
    } catch (err) {
      const body =
        err instanceof ApiCallError && err.status === 409
          ? (err.body as { id?: string; details?: { id?: string } })
          : null;
      const id = body?.id ?? body?.details?.id;
      if (id) return { id, existed: true };
      throw err;
    }
  }
}
