import type { Answer, Body, Method, Params, Path, Query } from "./operations.ts";

// The console's only transport. No token is ever held here: the API's httpOnly session cookie rides along
// with every same-origin request, so nothing a script (or an injected one) can read grants access.

export type ErrorDetail = { line?: number; field?: string; message: string };

/** A failed call, as the API's error handler describes it: `{ error, message, details? }`. */
export class ApiError extends Error {
  override name = "ApiError";
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details: ErrorDetail[] = [],
    /** The answer's whole body, for calls whose 4xx carries data (a 409 with the existing list's id). */
    readonly body: unknown = null,
  ) {
    super(message);
  }
}

let onUnauthorized: (() => void) | null = null;
/** The session provider hears about an expired or revoked session from any call, and shows the sign-in. */
export function setUnauthorizedHandler(handler: (() => void) | null) {
  onUnauthorized = handler;
}

/** Turns any failure body into an ApiError; tolerant, since a proxy or a crash may answer with anything. */
export function toApiError(status: number, body: unknown): ApiError {
  const b = (body && typeof body === "object" ? body : {}) as Record<string, unknown>;
  const message =
    typeof b.message === "string" && b.message
      ? b.message
      : status === 0
        ? "The server could not be reached; check your connection"
        : `The server answered ${status}`;
  return new ApiError(
    status,
    typeof b.error === "string" ? b.error : "unknown",
    message,
    normaliseDetails(b.details),
    body,
  );
}

export function normaliseDetails(details: unknown): ErrorDetail[] {
  if (Array.isArray(details)) {
    return details
      .filter((d): d is Record<string, unknown> => !!d && typeof d === "object")
      .map((d) => ({
        line: typeof d.line === "number" ? d.line : undefined,
        field: typeof d.field === "string" ? d.field : undefined,
        message: typeof d.message === "string" ? d.message : JSON.stringify(d),
      }));
  }
  return [];
}

async function parse(res: Response): Promise<unknown> {
  if (res.status === 204) return null;
  const type = res.headers.get("content-type") ?? "";
  if (type.includes("json")) return res.json().catch(() => null);
  return res.text().catch(() => null);
}

/** A JSON call to the staff API; throws ApiError on anything but 2xx. */
export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  options: { signal?: AbortSignal } = {},
): Promise<T> {
  const init: RequestInit = {
    method,
    credentials: "same-origin",
    headers: { accept: "application/json" },
    signal: options.signal,
  };
  if (body instanceof FormData) init.body = body;
  else if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers = { ...init.headers, "content-type": "application/json" };
  }
  let res: Response;
  try {
    res = await fetch(path, init);
  } catch (err) {
    if ((err as Error).name === "AbortError") throw err;
    throw toApiError(0, null);
  }
  const parsed = await parse(res);
  if (!res.ok) {
    if (res.status === 401 && !path.endsWith("/auth/login")) onUnauthorized?.();
    throw toApiError(res.status, parsed);
  }
  return parsed as T;
}

/**
 * A call to the staff API by its documented path, `call("get", "/api/lists/{id}", { params: { id } })`,
 * typed by the route's own schemas (operations.ts).
 */
export function call<P extends Path, M extends Method>(
  method: M,
  path: P,
  options: { params?: Params<P, M>; query?: Query<P, M>; body?: Body<P, M>; signal?: AbortSignal } = {},
): Promise<Answer<P, M>> {
  const params = (options.params ?? {}) as Record<string, string | number>;
  const url = path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(String(params[name])));
  const search = query((options.query ?? {}) as Parameters<typeof query>[0]);
  // A JSON post with no body still sends `{}`: the API refuses an empty body declared as JSON.
  const body = method === "get" || method === "delete" ? undefined : (options.body ?? {});
  return request<Answer<P, M>>(method.toUpperCase(), url + search, body, { signal: options.signal });
}

export type UploadProgress = { loaded: number; total: number };

/**
 * An upload through XMLHttpRequest, because fetch still reports no upload progress: a 100 MB scan report
 * takes long enough that staff must see it move. A FormData goes as multipart; a file as the body itself.
 */
export function upload<T>(
  path: string,
  body: FormData | Blob,
  onProgress: (p: UploadProgress) => void,
  contentType?: string,
) {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<T>((resolve, reject) => {
    xhr.open("POST", path);
    xhr.withCredentials = true;
    xhr.responseType = "text";
    xhr.setRequestHeader("accept", "application/json");
    if (contentType) xhr.setRequestHeader("content-type", contentType);
    xhr.upload.onprogress = (e) => onProgress({ loaded: e.loaded, total: e.lengthComputable ? e.total : 0 });
    xhr.onerror = () => reject(toApiError(0, null));
    xhr.onabort = () => reject(new ApiError(0, "aborted", "Upload cancelled"));
    xhr.onload = () => {
      let body: unknown = xhr.responseText;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        // not JSON: keep the text
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(body as T);
      if (xhr.status === 401) onUnauthorized?.();
      reject(toApiError(xhr.status, body));
    };
    xhr.send(body);
  });
  return { promise, abort: () => xhr.abort() };
}

/** Query string from an object, leaving out empty values. */
export function query(params: Record<string, string | number | boolean | null | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : "";
}
