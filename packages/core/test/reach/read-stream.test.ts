import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { AppError, delegatedAsns, gunzipIfNeeded, readRpslStream, RipeCollector } from "../../src/index.ts";
import { inetnum } from "./helpers.ts";

async function* chunks(bytes: Uint8Array, size: number) {
  for (let i = 0; i < bytes.length; i += size) yield bytes.subarray(i, i + size);
}
const collect = async (it: AsyncIterable<Uint8Array>) => {
  const parts: Uint8Array[] = [];
  for await (const c of it) parts.push(c);
  return Buffer.concat(parts).toString("latin1");
};

describe("reading a dump file", () => {
  const text = inetnum("192.0.2.0 - 192.0.2.255", { abuseC: "AB1-RIPE" }).repeat(50);

  it("gunzips a file that starts with gzip's magic bytes, and passes any other through, however chunked", async () => {
    for (const size of [1, 2, 100, 1 << 16]) {
      expect(await collect(gunzipIfNeeded(chunks(gzipSync(Buffer.from(text)), size)))).toBe(text);
      expect(await collect(gunzipIfNeeded(chunks(Buffer.from(text), size)))).toBe(text);
    }
    expect(await collect(gunzipIfNeeded(chunks(new Uint8Array(0), 1)))).toBe("");
  });

  it("refuses a corrupt gzip file with a 400", async () => {
    const broken = gzipSync(Buffer.from(text)).subarray(0, 60);
    broken[30] = broken[30]! ^ 0xff;
    const collector = new RipeCollector();
    const error = await readRpslStream(chunks(broken, 16), collector.reader("ripe.db.inetnum.gz")).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "bad_request" });
    expect((error as Error).message).toMatch(/^the file is not a valid gzip file/);
  });

  it("reads a country's ASNs from RIPE's delegated statistics", () => {
    const stats = [
      "2|ripencc|20210309|3|19830705|20210308|+0100",
      "ripencc|*|asn|*|3|summary",
      "ripencc|BE|asn|64496|1|20100101|allocated",
      "ripencc|be|asn|64500|4|20100101|assigned|opaque",
      "ripencc|NL|asn|64510|1|20100101|allocated",
      "ripencc|BE|ipv4|198.51.100.0|256|20100101|allocated",
      "# a comment",
    ].join("\n");
    expect(delegatedAsns(stats, ["BE", "LU"])).toEqual([
      [64496, 64496],
      [64500, 64503],
    ]);
  });
});
