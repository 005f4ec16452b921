// RIPE database imports (issue 14): the history, one import's progress, an admin's upload of a dump.
import { call, upload, type UploadProgress } from "./http.ts";
import type { RipeImport } from "./types.ts";

export async function listRipeImports(): Promise<RipeImport[]> {
  return (await call("get", "/api/ripe/imports")).imports;
}

export const getRipeImport = (id: number): Promise<RipeImport> =>
  call("get", "/api/ripe/imports/{id}", { params: { id } });

/** The dump's files in fields `files`, the countries ("BE,LU") first; the worker imports them (202). */
export function uploadRipeDump(input: { files: File[]; countries: string }, onProgress: (p: UploadProgress) => void) {
  const form = new FormData();
  if (input.countries.trim()) form.append("countries", input.countries.trim());
  for (const file of input.files) form.append("files", file, file.name);
  return upload<RipeImport>("/api/ripe/imports", form, onProgress);
}
