// Which files a reporter may attach: the extension must be on the list AND the bytes must look like it
// (a renamed executable is refused). Staff always download attachments as application/octet-stream; the
// detected type is kept for display only.

type Kind = { contentType: string; matches: (b: Buffer) => boolean };

const startsWith = (b: Buffer, ...bytes: number[]) => bytes.every((v, i) => b[i] === v);
const ascii = (b: Buffer, text: string, at = 0) => b.subarray(at, at + text.length).toString("latin1") === text;

/** Executables and scripts-with-headers that must never pass as text, whatever the extension. */
const looksExecutable = (b: Buffer) =>
  ascii(b, "MZ") ||
  startsWith(b, 0x7f, 0x45, 0x4c, 0x46) ||
  startsWith(b, 0xca, 0xfe, 0xba, 0xbe) ||
  startsWith(b, 0xcf, 0xfa, 0xed, 0xfe);

/** Text: UTF-16 with a byte-order mark (Windows exports), or no NUL byte at all (UTF-8, Latin-1). */
function isText(b: Buffer): boolean {
  if (startsWith(b, 0xff, 0xfe) || startsWith(b, 0xfe, 0xff)) return true;
  return !looksExecutable(b) && !b.subarray(0, 1024 * 1024).includes(0);
}

/** A saved e-mail starts with a header line ("Received: ...") or an mbox "From " line. */
const isEmail = (b: Buffer) =>
  isText(b) &&
  /^(From |[A-Za-z0-9-]+:)/.test(
    b
      .subarray(0, 1000)
      .toString("utf8")
      .replace(/^\uFEFF/, ""),
  );

const KINDS: Record<string, Kind> = {
  text: { contentType: "text/plain", matches: isText },
  csv: { contentType: "text/csv", matches: isText },
  json: { contentType: "application/json", matches: isText },
  eml: { contentType: "message/rfc822", matches: isEmail },
  msg: {
    contentType: "application/vnd.ms-outlook",
    matches: (b) => startsWith(b, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1),
  },
  png: { contentType: "image/png", matches: (b) => startsWith(b, 0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a) },
  jpeg: { contentType: "image/jpeg", matches: (b) => startsWith(b, 0xff, 0xd8, 0xff) },
  gif: { contentType: "image/gif", matches: (b) => ascii(b, "GIF87a") || ascii(b, "GIF89a") },
  webp: { contentType: "image/webp", matches: (b) => ascii(b, "RIFF") && ascii(b, "WEBP", 8) },
  pdf: { contentType: "application/pdf", matches: (b) => b.subarray(0, 1024).includes("%PDF-") },
  zip: {
    contentType: "application/zip",
    matches: (b) => startsWith(b, 0x50, 0x4b, 0x03, 0x04) || startsWith(b, 0x50, 0x4b, 0x05, 0x06),
  },
  pcap: {
    contentType: "application/vnd.tcpdump.pcap",
    matches: (b) =>
      [
        [0xd4, 0xc3, 0xb2, 0xa1],
        [0xa1, 0xb2, 0xc3, 0xd4],
        [0x4d, 0x3c, 0xb2, 0xa1],
        [0xa1, 0xb2, 0x3c, 0x4d],
        [0x0a, 0x0d, 0x0d, 0x0a],
      ].some((magic) => startsWith(b, ...magic)),
  },
};

const BY_EXTENSION: Record<string, keyof typeof KINDS> = {
  txt: "text",
  log: "text",
  csv: "csv",
  json: "json",
  eml: "eml",
  msg: "msg",
  png: "png",
  jpg: "jpeg",
  jpeg: "jpeg",
  gif: "gif",
  webp: "webp",
  pdf: "pdf",
  zip: "zip",
  pcap: "pcap",
  pcapng: "pcap",
};

export const ATTACHMENT_EXTENSIONS = Object.keys(BY_EXTENSION);

export type AttachmentCheck =
  { ok: true; contentType: string } | { ok: false; reason: "extension" | "content" | "empty"; extension: string };

export const extensionOf = (fileName: string) => /\.([A-Za-z0-9]{1,10})$/.exec(fileName)?.[1]?.toLowerCase() ?? "";

export function checkAttachment(fileName: string, data: Buffer): AttachmentCheck {
  const extension = extensionOf(fileName);
  const kind = BY_EXTENSION[extension];
  if (!kind) return { ok: false, reason: "extension", extension };
  if (data.length === 0) return { ok: false, reason: "empty", extension };
  const { contentType, matches } = KINDS[kind]!;
  return matches(data) ? { ok: true, contentType } : { ok: false, reason: "content", extension };
}

/**
 * A file name safe to store and to show: no directories, no control or quote characters, at most 200
 * characters (the extension kept).
 */
export function cleanFileName(name: string): string {
  const base = (name.split(/[\\/]/).pop() ?? "")
    .normalize("NFC")
    .replace(/[\p{Cc}"<>|:*?]/gu, "_")
    .trim();
  if (!base || /^\.+$/.test(base)) return "attachment";
  if (base.length <= 200) return base;
  const ext = extensionOf(base);
  return `${base.slice(0, 200 - ext.length - 1)}.${ext}`;
}
