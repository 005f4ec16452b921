import { randomBytes } from "node:crypto";

/** A multipart/form-data body as a browser sends it: fields in the given order, then (or before) the file. */
export function multipart(
  parts: (
    { name: string; value: string } | { name: string; fileName: string; content: string | Buffer; type?: string }
  )[],
) {
  const boundary = `----baken${randomBytes(8).toString("hex")}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if ("value" in p) {
      chunks.push(Buffer.from(`Content-Disposition: form-data; name="${p.name}"\r\n\r\n${p.value}\r\n`));
    } else {
      chunks.push(
        Buffer.from(
          `Content-Disposition: form-data; name="${p.name}"; filename="${p.fileName}"\r\nContent-Type: ${p.type ?? "text/csv"}\r\n\r\n`,
        ),
        Buffer.isBuffer(p.content) ? p.content : Buffer.from(p.content),
        Buffer.from("\r\n"),
      );
    }
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { "content-type": `multipart/form-data; boundary=${boundary}` } };
}

/** Upload options for app.inject: the list file plus optional fields. */
export function listUpload(content: string | Buffer, fields: Record<string, string> = {}, fileName = "list.csv") {
  return multipart([
    ...Object.entries(fields).map(([name, value]) => ({ name, value })),
    { name: "file", fileName, content },
  ]);
}

type Injector = {
  inject: (opts: {
    method: "POST";
    url: string;
    headers: Record<string, string>;
    payload: Buffer;
  }) => Promise<{ statusCode: number; body: string; json: () => ReturnType<typeof JSON.parse> }>;
};

/** POST /api/lists as `auth` (headers from bearer()), the file last after `fields`. */
export function uploadList(
  app: Injector,
  auth: Record<string, string>,
  content: string | Buffer,
  fields: Record<string, string> = {},
  fileName = "list.csv",
) {
  const { payload, headers } = listUpload(content, fields, fileName);
  return app.inject({ method: "POST", url: "/api/lists", headers: { ...auth, ...headers }, payload });
}
