import { describe, expect, it } from "vitest";
import { checkAttachment, cleanFileName } from "../../src/index.ts";

const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0]);

describe("checkAttachment", () => {
  it("accepts listed types whose bytes match", () => {
    expect(checkAttachment("shot.PNG", PNG)).toEqual({ ok: true, contentType: "image/png" });
    expect(checkAttachment("auth.log", Buffer.from("Nov 23 sshd[1]: Failed password\n"))).toMatchObject({ ok: true });
    expect(checkAttachment("mail.eml", Buffer.from("Received: from x\r\nSubject: hi\r\n\r\nbody"))).toMatchObject({
      ok: true,
      contentType: "message/rfc822",
    });
    expect(checkAttachment("events.txt", Buffer.from([0xff, 0xfe, 0x41, 0x00]))).toMatchObject({ ok: true });
    expect(checkAttachment("doc.pdf", Buffer.from("%PDF-1.7\n..."))).toMatchObject({ ok: true });
  });

  it("refuses other extensions, renamed executables and mismatched content", () => {
    expect(checkAttachment("setup.exe", Buffer.from("MZ..."))).toMatchObject({
      ok: false,
      reason: "extension",
      extension: "exe",
    });
    expect(checkAttachment("invoice.pdf.js", Buffer.from("alert(1)"))).toMatchObject({
      ok: false,
      reason: "extension",
    });
    expect(checkAttachment("readme.txt", Buffer.from("MZ\x90\x00\x03"))).toMatchObject({
      ok: false,
      reason: "content",
    });
    expect(checkAttachment("photo.jpg", PNG)).toMatchObject({ ok: false, reason: "content", extension: "jpg" });
    expect(checkAttachment("mail.eml", Buffer.from("just some words"))).toMatchObject({ ok: false, reason: "content" });
    expect(checkAttachment("empty.log", Buffer.alloc(0))).toMatchObject({ ok: false, reason: "empty" });
  });
});

describe("cleanFileName", () => {
  it("drops directories and unsafe characters, keeps the extension when shortening", () => {
    expect(cleanFileName('C:\\Users\\an\\evil".txt')).toBe("evil_.txt");
    expect(cleanFileName("../../etc/passwd")).toBe("passwd");
    expect(cleanFileName("..")).toBe("attachment");
    const long = cleanFileName(`${"a".repeat(300)}.log`);
    expect(long).toHaveLength(200);
    expect(long.endsWith(".log")).toBe(true);
  });
});
