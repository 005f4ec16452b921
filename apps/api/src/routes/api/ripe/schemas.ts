import { z } from "zod";

export const importParams = z.object({ id: z.coerce.number().int().positive() });

const rangeCounts = z.object({
  read: z.number(),
  inScope: z.number(),
  withContact: z.number(),
  inherited: z.number(),
  without: z.number(),
});

export const ripeReport = z.object({
  dumpDate: z.string().nullable().describe("the newest last-modified read"),
  objects: z.record(z.string(), z.number()).describe("objects read per type"),
  malformed: z.object({
    count: z.number(),
    first: z.array(z.object({ file: z.string(), line: z.number(), reason: z.string() })),
  }),
  inetnum: rangeCounts,
  inet6num: rangeCounts,
  autNum: z.object({ read: z.number(), inScope: z.number(), withContact: z.number(), without: z.number() }),
  countries: z.array(z.string()).nullable(),
  asnScope: z.enum(["all", "delegated", "org"]),
});

export const ripeImport = z.object({
  id: z.number(),
  status: z.enum(["queued", "running", "succeeded", "failed"]),
  active: z.boolean().describe("the import matching uses"),
  origin: z.enum(["upload", "cli"]),
  files: z.array(z.object({ name: z.string(), bytes: z.number() })),
  countries: z.array(z.string()).nullable(),
  dumpDate: z.string().nullable(),
  report: ripeReport.nullable(),
  progress: z.object({
    phase: z.enum(["reading", "resolving", "writing"]).optional(),
    bytesRead: z.number().optional(),
    bytesTotal: z.number().optional(),
    file: z.string().optional(),
  }),
  prefixCount: z.number(),
  asnCount: z.number(),
  error: z.string().nullable(),
  createdBy: z.string().nullable().describe("the admin's e-mail; null from the command line"),
  createdAt: z.string(),
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
});
