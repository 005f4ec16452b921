import { OTHER_SIDE, shadowserverSample, SOURCE_SIDE } from "@baken/testing";
import { describe, expect, it } from "vitest";
import {
  addressText,
  AppError,
  planColumns,
  plainRowResult,
  readExposures,
  REPORT_TYPES,
  reportTypesOfHeader,
  type ExposureRow,
  type ReadOptions,
  type RowError,
} from "../src/index.ts";

async function read(csv: string, options: ReadOptions) {
  const buf = Buffer.from(csv);
  async function* chunks() {
    for (let i = 0; i < buf.length; i += 97) yield buf.subarray(i, i + 97);
  }
  const rows: ExposureRow[] = [];
  const errors: RowError[] = [];
  const result = await readExposures(
    chunks(),
    {
      plain: (row) => rows.push(plainRowResult(row).row),
      row: (r) => (r.ok ? rows.push(r.row) : errors.push(...r.errors)),
      drain: async () => {},
    },
    options,
  );
  return { result, rows, errors };
}

const stored = (rows: ExposureRow[]) =>
  rows.map((r) => ({ ip: r.ip?.text ?? null, network: r.network?.text ?? null, hostname: r.hostname, port: r.port }));

describe("every Shadowserver report type in the table", () => {
  it("covers the published schema: 170 types, each routed by its source side or refused with a reason", () => {
    expect(REPORT_TYPES.length).toBe(170);
    for (const t of REPORT_TYPES) {
      expect(t.refused === null, t.type).toBe(Boolean(t.ip || t.network || t.fqdn));
      for (const c of [t.ip, t.network, t.fqdn, t.reverseDns]) {
        if (c) expect(c, t.type).not.toMatch(/^dst_|^destination|^http_url$|^domain$|^server$/);
      }
    }
  });

  for (const spec of REPORT_TYPES) {
    it(`${spec.type}: ${spec.refused ? "refused, naming the type" : "a sample in its layout is read and routed to the source side"}`, async () => {
      const sample = shadowserverSample(spec);
      if (spec.refused) {
        const refusal = await read(sample.csv, { fileName: sample.fileName }).catch((e: unknown) => e);
        expect(refusal).toBeInstanceOf(AppError);
        expect((refusal as AppError).message).toContain(spec.type);
        return;
      }
      // By its file name, then by its header alone: the same rows either way.
      for (const options of [{ fileName: sample.fileName }, { fileName: "report.csv" }]) {
        const { result, rows, errors } = await read(sample.csv, options);
        expect(errors).toEqual([]);
        expect(stored(rows)).toEqual(sample.expected);
        for (const row of rows) {
          expect(addressText(row)).toMatch(/^(198\.51\.100\.|2001:db8:1::)/);
          expect(row.asn ?? SOURCE_SIDE.asn).toBe(SOURCE_SIDE.asn);
          expect(row.hostname ?? "").not.toContain(OTHER_SIDE.hostname);
        }
        if (options.fileName === sample.fileName) expect(result.reportType?.type).toBe(spec.type);
        else expect(result.reportTypeCandidates.map((t) => t.type)).toContain(spec.type);
      }
    });
  }

  it("types that share a header route by the same columns, so the header alone routes safely", () => {
    for (const spec of REPORT_TYPES) {
      const roles = (type: string) => planColumns(spec.fields, { reportType: type }, "csv").columns.map((c) => c.role);
      for (const twin of reportTypesOfHeader(spec.fields))
        expect(roles(twin.type), twin.type).toEqual(roles(spec.type));
    }
  });
});
