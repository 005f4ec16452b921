import { enhancedStatusIn, statusOfReply } from "@baken/core";
import type { ReportedRecipient, ReportLayout } from "./bounce-verdict.ts";

// Bounces that carry no message/delivery-status part: the recipient and the status are in the text a
// mail server writes for people. Each layout is recognised by its fixed sentences, and read only up to
// where the returned message begins (it quotes our notice, addresses included).

type Block = { address: string; original: string | null; detail: string };

type Layout = {
  name: Exclude<ReportLayout, "rfc3464" | "auto-reply">;
  /** A sentence only this layout's reports contain. */
  detect: RegExp;
  /** Where the report ends and the copy of the returned message begins. */
  end: RegExp;
  /** Wording of a report that delivery is delayed, not failed. */
  delayed: RegExp;
  blocks(report: string, header: (name: string) => string | undefined): Block[];
};

// Patterns run on hostile text (anyone can mail the bounce address): no "@" inside an address part and
// no two adjacent runs of the same characters, so that a failing match costs time linear in the line.
const ADDR = String.raw`[^\s<>()\[\]"',;:@]+@[^\s<>()\[\]"',;:@]+\.[a-z0-9-]+`;
/** Matched on a trimmed line. */
const ADDRESS_LINE = new RegExp(String.raw`^<?(${ADDR})>?(?:\s*(?:\([^)]*\)|<mailto:[^>]*>|on\s.*))?:?$`, "i");
const GENERATED_FROM = new RegExp(String.raw`^[ \t]*\(generated from (${ADDR})\)[ \t]*$`, "im");
const ANGLE_BLOCK = new RegExp(String.raw`^<(${ADDR})>(?:\s+\(expanded from <(${ADDR})>\))?:[ \t]*(.*)$`, "i");

const LAYOUTS: Layout[] = [
  {
    name: "postfix",
    detect: /This is the (?:mail system|Postfix program) at host/i,
    end: /^-{2,}\s*(?:Original message|Returned message|Undelivered message)/im,
    delayed: /THIS IS A WARNING ONLY|could not be delivered for more than|will be retried until/i,
    blocks: (report) => angleBlocks(report),
  },
  {
    name: "qmail",
    detect: /This is the qmail-send program at/i,
    end: /^-{3} Below this line is a copy of the message/im,
    delayed: /has not been delivered yet|will keep trying/i,
    blocks: (report) => angleBlocks(report),
  },
  {
    name: "exim",
    detect: /This message was created automatically by mail delivery software/i,
    end: /^-{3,} This is a copy of the message/im,
    delayed: /has not yet been delivered|still being tried|are still on the queue/i,
    blocks: (report, header) => {
      const blocks = addressParagraphs(report);
      if (blocks.length > 0) return blocks;
      // Exim names every failed address in this header even when the text was rewritten.
      return (header("x-failed-recipients") ?? "")
        .split(",")
        .map((a) => a.trim().toLowerCase())
        .filter((a) => a.includes("@"))
        .map((address) => ({ address, original: null, detail: "" }));
    },
  },
  {
    name: "exchange",
    detect:
      /Diagnostic information for administrators|Delivery (?:has failed|is delayed) to these recipients or groups|The following recipient\(s\) (?:could not|cannot) be reached|Your message to [^\s@]+@\S+ couldn't be delivered/i,
    end: /^\s*Original message headers:/im,
    delayed: /Delivery is delayed to these recipients|hasn't been delivered yet|is still trying to deliver/i,
    blocks: (report) => [
      ...addressParagraphs(report),
      ...phrased(report, /Your message to (ADDR) couldn't be delivered/gi),
    ],
  },
  {
    name: "gmail",
    detect:
      /Your message wasn't delivered to|There was a temporary problem delivering your message to|Delivery to the following recipients? (?:failed permanently|has been delayed)/i,
    end: /^-{3,}\s*Original message\s*-{3,}/im,
    delayed: /temporary problem delivering|has been delayed|will retry for/i,
    blocks: (report) => {
      // Gmail states the remote server's reply once, below the recipients.
      const reply =
        /(?:The response from the remote server was|The error that the other server returned was):\s*\n([\s\S]*?)(?:\n\s*\n|$)/i.exec(
          report,
        )?.[1] ?? "";
      const listed = report.search(/Delivery to the following recipient/i);
      const named = [
        ...phrased(report, /(?:wasn't delivered to|temporary problem delivering your message to) (ADDR)/gi),
        ...(listed >= 0 ? addressParagraphs(report.slice(listed)) : []),
      ];
      return named.map((b) => ({ ...b, detail: reply || b.detail }));
    },
  },
];

/** The recipients a human-readable bounce names, and the layout that read it; null when none applies. */
export function readTextBounce(
  text: string,
  header: (name: string) => string | undefined,
): { layout: Layout["name"]; recipients: ReportedRecipient[] } | null {
  const lf = text.replace(/\r\n?/g, "\n");
  for (const layout of LAYOUTS) {
    const start = lf.search(layout.detect);
    if (start < 0) continue;
    const end = lf.slice(start).search(layout.end);
    const report = end < 0 ? lf : lf.slice(0, start + end);
    const action = layout.delayed.test(report) ? "delayed" : "failed";
    const recipients = merge(layout.blocks(report, header)).map((b) => recipientOf(b, action));
    if (recipients.length > 0) return { layout: layout.name, recipients };
  }
  return null;
}

/** Whether the text contains a known bounce layout's sentence (read or not). */
export const looksLikeTextBounce = (text: string): boolean => LAYOUTS.some((l) => l.detect.test(text));

const REPLY_CODE = /(?<![\d.])[245]\d\d[\s-]/;
const quotesReply = (detail: string) => REPLY_CODE.test(detail) || enhancedStatusIn(detail) !== null;

function recipientOf(block: Block, action: "failed" | "delayed"): ReportedRecipient {
  const detail = block.detail.replace(/\s+/g, " ").trim();
  const replyAt = detail.search(REPLY_CODE);
  const status =
    (replyAt >= 0 ? statusOfReply(detail.slice(replyAt)) : null) ??
    enhancedStatusIn(detail) ??
    (action === "failed" ? "5.0.0" : "4.0.0");
  return {
    address: block.address,
    originalAddress: block.original,
    action,
    status,
    permanent: action === "failed",
    diagnostic: detail || null,
  };
}

/** Blocks that begin at a line `begin` recognises and run up to a blank line or the next beginning. */
function blocksFrom(report: string, begin: (line: string) => Block | null): Block[] {
  const blocks: Block[] = [];
  let current: Block | undefined;
  for (const line of report.split("\n")) {
    const begun = begin(line);
    if (begun) blocks.push((current = begun));
    else if (!line.trim()) current = undefined;
    else if (current) current.detail += `\n${line}`;
  }
  return blocks;
}

/** Postfix and qmail: `<address>: text` (Postfix may add `(expanded from <alias>)`), lines up to a blank one. */
const angleBlocks = (report: string) =>
  blocksFrom(report, (line) => {
    const m = ANGLE_BLOCK.exec(line);
    return m ? { address: m[1]!.toLowerCase(), original: m[2]?.toLowerCase() ?? null, detail: m[3]! } : null;
  });

/**
 * A line holding only an address (Exim, Exchange, Gmail), and the lines after it. Exim's
 * `(generated from <alias>)` below it names the address the mail was sent to.
 */
const addressParagraphs = (report: string) =>
  blocksFrom(report, (line) => {
    const m = ADDRESS_LINE.exec(line.trim());
    return m ? { address: m[1]!.toLowerCase(), original: null, detail: "" } : null;
  }).map((block) => {
    const generated = GENERATED_FROM.exec(block.detail);
    if (!generated) return block;
    return { ...block, original: generated[1]!.toLowerCase(), detail: block.detail.replace(GENERATED_FROM, "") };
  });

/** Addresses named in a sentence; `ADDR` in the pattern's source stands for an address. */
function phrased(report: string, pattern: RegExp): Block[] {
  const re = new RegExp(pattern.source.replace("ADDR", ADDR), pattern.flags);
  return [...report.matchAll(re)].map((m) => ({ address: m[1]!.toLowerCase(), original: null, detail: "" }));
}

/** One block per address: the one that quotes a server's reply, else the first. */
function merge(blocks: Block[]): Block[] {
  const byAddress = new Map<string, Block>();
  for (const block of blocks) {
    const seen = byAddress.get(block.address);
    if (!seen) byAddress.set(block.address, { ...block });
    else {
      if (!quotesReply(seen.detail) && quotesReply(block.detail)) seen.detail = block.detail;
      seen.original ??= block.original;
    }
  }
  return [...byAddress.values()];
}
