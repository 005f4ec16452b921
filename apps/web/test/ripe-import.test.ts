import { describe, expect, it } from "vitest";
import type { RipeImport } from "../src/api/types.ts";
import { importProgress, isUnderway, objectCounts, rangeReach } from "../src/lib/ripe-import.ts";

const counts = (withContact: number, inherited: number, without: number) => ({
  read: withContact + inherited + without,
  inScope: withContact + inherited + without,
  withContact,
  inherited,
  without,
});

const base: RipeImport = {
  id: 1,
  status: "running",
  active: false,
  origin: "upload",
  files: [],
  countries: null,
  dumpDate: null,
  report: null,
  progress: {},
  prefixCount: 0,
  asnCount: 0,
  error: null,
  createdBy: "admin@cert.example",
  createdAt: "2026-12-01T00:00:00.000Z",
  startedAt: null,
  finishedAt: null,
};

describe("a RIPE import in the console", () => {
  it("says where a queued or running import is, and nothing once it ended", () => {
    expect(importProgress({ ...base, status: "queued" })).toMatchObject({ value: null, text: /Queued/ });
    expect(
      importProgress({
        ...base,
        progress: { phase: "reading", bytesRead: 512 * 1024, bytesTotal: 2 * 1024 * 1024, file: "ripe.db.inetnum.gz" },
      }),
    ).toEqual({
      value: 512 * 1024,
      max: 2 * 1024 * 1024,
      text: "Reading ripe.db.inetnum.gz: 512.0 KB of 2.0 MB (25%)",
    });
    expect(importProgress({ ...base, progress: { phase: "writing", bytesRead: 10, bytesTotal: 10 } })).toMatchObject({
      value: null,
      text: /writing the ranges/,
    });
    expect(importProgress({ ...base, progress: {} })).toMatchObject({ value: null, text: /reading the files/ });
    expect(importProgress({ ...base, status: "succeeded" })).toBeNull();
    expect(isUnderway({ ...base, status: "failed" })).toBe(false);
    expect(isUnderway({ ...base, status: "queued" })).toBe(true);
  });

  it("counts the objects read, in RIPE's order, and the ranges with and without a contact", () => {
    const report: NonNullable<RipeImport["report"]> = {
      dumpDate: null,
      objects: { role: 40, "aut-num": 0, inetnum: 1300, "key-cert": 2, inet6num: 60 },
      malformed: { count: 0, first: [] },
      inetnum: counts(1000, 200, 100),
      inet6num: counts(50, 5, 5),
      autNum: { read: 0, inScope: 0, withContact: 0, without: 0 },
      countries: null,
      asnScope: "all",
    };
    expect(objectCounts(report)).toBe("inetnum 1,300 · inet6num 60 · role 40 · key-cert 2");
    expect(rangeReach(report)).toEqual({ withContact: 1255, inherited: 205, without: 105 });
  });
});
