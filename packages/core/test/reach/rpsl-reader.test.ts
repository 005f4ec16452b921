import { describe, expect, it } from "vitest";
import { RpslReader, type RpslSchema } from "../../src/index.ts";

const SCHEMA: RpslSchema = { inetnum: ["netname", "descr", "country"], role: ["nic-hdl", "abuse-mailbox"] };

type Read = { type: string; line: number; attributes: [string, string, number][] };

/** Reads `input` (a string as latin-1 bytes, or bytes) in chunks of `chunk` bytes. */
function read(input: string | Uint8Array, chunk = 1 << 20) {
  const objects: Read[] = [];
  const malformed: [number, string][] = [];
  let current: Read | null = null;
  const other = new Map<string, number>();
  const reader: RpslReader = new RpslReader(
    SCHEMA,
    {
      begin: (type, line) => (current = { type: Object.keys(SCHEMA)[type]!, line, attributes: [] }),
      attribute: (a, value, line) => current!.attributes.push([reader.attributeNames[a]!, value, line]),
      end: () => objects.push(current!),
      malformed: (line, reason) => malformed.push([line, reason]),
    },
    other,
  );
  const bytes = typeof input === "string" ? Buffer.from(input, "latin1") : input;
  for (let i = 0; i < bytes.length; i += chunk) reader.push(bytes.subarray(i, i + chunk));
  reader.end();
  return { objects, malformed, other };
}

describe("RpslReader", () => {
  it("reads the wanted attributes of the wanted objects, with the line of each", () => {
    const { objects, other } = read(
      "#\n# The contents of this file are subject to \n#\n\ninetnum:        192.0.2.0 - 192.0.2.255\n" +
        "netname:        NET-1\nadmin-c:        DUMY-RIPE\nCountry:        BE\n\nmntner: X-MNT\nnetname: NOT-READ\n\n" +
        "role: Abuse desk\nnic-hdl: AB1-RIPE\nabuse-mailbox: abuse@a.example\n",
    );
    expect(objects).toEqual([
      {
        type: "inetnum",
        line: 5,
        attributes: [
          ["inetnum", "192.0.2.0 - 192.0.2.255", 5],
          ["netname", "NET-1", 6],
          ["country", "BE", 8],
        ],
      },
      {
        type: "role",
        line: 13,
        attributes: [
          ["role", "Abuse desk", 13],
          ["nic-hdl", "AB1-RIPE", 14],
          ["abuse-mailbox", "abuse@a.example", 15],
        ],
      },
    ]);
    expect(other).toEqual(new Map([["mntner", 1]]));
  });

  it("joins continuation lines (space, tab, +), cuts # comments, skips comment lines, reads CRLF", () => {
    const { objects } = read(
      "inetnum: 192.0.2.0 -\r\n    192.0.2.255 # the range\r\ndescr: first\r\n+\r\n\tsecond # note\r\n" +
        "% a comment line\r\n# another\r\n+ third\r\ncountry:BE#Belgium\r\n",
    );
    expect(objects[0]!.attributes.map(([n, v]) => [n, v])).toEqual([
      ["inetnum", "192.0.2.0 - 192.0.2.255"],
      ["descr", "first second third"],
      ["country", "BE"],
    ]);
  });

  it("decodes each line as UTF-8 where it is valid, else as latin-1", () => {
    const bytes = Buffer.concat([
      Buffer.from("inetnum: 192.0.2.0 - 192.0.2.255\ndescr: Soci\u00e9t\u00e9\n", "latin1"), // é as one byte: not UTF-8
      Buffer.from("+ M\u00fcller\n", "utf8"), // ü as two bytes: UTF-8
      Buffer.from("netname: Z\u00fcrich\n", "latin1"),
    ]);
    const { objects } = read(bytes);
    expect(objects[0]!.attributes.map(([n, v]) => [n, v])).toEqual([
      ["inetnum", "192.0.2.0 - 192.0.2.255"],
      ["descr", "Société Müller"],
      ["netname", "Zürich"],
    ]);
  });

  it("gives the same result however the bytes are split into chunks", () => {
    const text =
      "inetnum: 192.0.2.0 - 192.0.2.255\nnetname: A\n\ninetnum: 198.51.100.0 - 198.51.100.255\n descr\nnetname: B\n\n" +
      "role: R\nnic-hdl: R1-RIPE\nabuse-mailbox: abuse@r.example";
    const whole = read(text);
    for (const chunk of [1, 2, 3, 7, 13]) expect(read(text, chunk)).toEqual(whole);
  });

  it("reports a malformed object with the line at fault, drops it and reads on", () => {
    const { objects, malformed } = read(
      "inetnum: 192.0.2.0 - 192.0.2.255\nthis line has no colon\nnetname: LOST\n\n" +
        "  2001:db8::/48\nnetname: ALSO-LOST\n\n" +
        "inetnum: 198.51.100.0 - 198.51.100.255\nnetname: KEPT\n\n" +
        ": no name\n",
    );
    expect(malformed).toEqual([
      [2, "expected 'attribute: value'"],
      [5, "a continuation line with no attribute before it"],
      [11, "expected 'attribute: value'"],
    ]);
    expect(objects.map((o) => o.attributes.find(([n]) => n === "netname")?.[1])).toEqual(["KEPT"]);
  });

  it("refuses a line longer than 64 KiB without holding it, and reads on", () => {
    const long = "x".repeat(200 * 1024);
    const { objects, malformed } = read(
      `inetnum: 192.0.2.0 - 192.0.2.255\ndescr: ${long}\n\ninetnum: 198.51.100.0 - 198.51.100.255\n`,
      4096,
    );
    expect(malformed).toEqual([[2, "line longer than 65536 bytes"]]);
    expect(objects).toHaveLength(1);
    expect(objects[0]!.line).toBe(4);
  });

  it("counts objects of other types by name, past 64 names under one", () => {
    let text = "";
    for (let i = 0; i < 100; i++) text += `type${i}: x\n\n`;
    const { other, objects } = read(text + "route: 192.0.2.0/24\n\nroute: 198.51.100.0/24\n");
    expect(objects).toEqual([]);
    expect(other.size).toBe(65);
    expect(other.get("type0")).toBe(1);
    expect(other.get("(other)")).toBe(38);
  });

  it("treats a line of only spaces as the end of an object", () => {
    const { objects } = read("role: A\nnic-hdl: A1-RIPE\n   \nrole: B\nnic-hdl: B1-RIPE\n");
    expect(objects.map((o) => o.attributes[1]![1])).toEqual(["A1-RIPE", "B1-RIPE"]);
  });
});
