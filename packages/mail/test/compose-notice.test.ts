import { simpleParser } from "mailparser";
import * as openpgp from "openpgp";
import { beforeAll, describe, expect, it } from "vitest";
import {
  composeNoticeMail,
  hostsAttachment,
  loadSigningKey,
  readEncryptionKey,
  renderNotice,
  type NoticeEnvelope,
} from "../src/index.ts";
import { host, view } from "./fixtures.ts";

const envelope: NoticeEnvelope = {
  from: "CERT Baken <cert@baken.example>",
  to: ["abuse@example.be", "tech@example.be"],
  replyTo: "incident@baken.example",
  messageId: "<3f0c5a52-0000-4000-8000-000000000001@baken.example>",
  date: new Date("2026-11-23T10:00:00Z"),
  reference: "BAKEN#20261123-00000042",
};
const rendered = renderNotice(view({ language: "fr" }));
const attachment = hostsAttachment(envelope.reference, [host(1), host(2), host(3)]);

/** Raw message bytes as nodemailer would put them on the wire. */
async function wire(mail: Awaited<ReturnType<typeof composeNoticeMail>>): Promise<string> {
  if (mail.raw) return Buffer.from(mail.raw as Buffer).toString("latin1");
  const { default: MailComposer } = await import("nodemailer/lib/mail-composer/index.js");
  return (await new MailComposer(mail).compile().build()).toString("latin1");
}

/** The parts of a multipart body, exactly as they were signed (RFC 3156: between the boundaries). */
function parts(raw: string): string[] {
  const boundary = /boundary="?([^";\r\n]+)"?/.exec(raw)![1]!;
  const body = raw.slice(raw.indexOf("\r\n\r\n") + 4);
  return body
    .split(`--${boundary}`)
    .slice(1, -1)
    .map((p) => p.replace(/^\r\n/, "").replace(/\r\n$/, ""));
}

describe("composeNoticeMail", () => {
  let cert: { privateKey: string; publicKey: string };
  let contact: { privateKey: string; publicKey: string };
  beforeAll(async () => {
    cert = await openpgp.generateKey({
      userIDs: [{ email: "cert@baken.example" }],
      passphrase: "cert secret",
      format: "armored",
    });
    contact = await openpgp.generateKey({ userIDs: [{ email: "abuse@example.be" }], format: "armored" });
  });

  it("sets the standard headers, text, HTML and the attachment", async () => {
    const parsed = await simpleParser(await wire(await composeNoticeMail(envelope, rendered, [attachment])));
    expect(parsed.messageId).toBe(envelope.messageId);
    expect(parsed.subject).toBe(rendered.subject);
    expect(parsed.headers.get("auto-submitted")).toBe("auto-generated");
    expect(parsed.replyTo?.text).toBe("incident@baken.example");
    expect(parsed.date?.toISOString()).toBe("2026-11-23T10:00:00.000Z");
    expect(parsed.text).toContain("Madame, Monsieur");
    expect(parsed.html).toContain("Madame, Monsieur");
    expect(parsed.attachments.map((a) => a.filename)).toEqual(["baken-20261123-00000042.csv"]);
  });

  it("signs with PGP/MIME so the signature verifies over the exact body part", async () => {
    const signingKey = await loadSigningKey(cert.privateKey, "cert secret");
    const raw = await wire(await composeNoticeMail(envelope, rendered, [attachment], { signingKey }));
    expect(raw).toMatch(/Content-Type: multipart\/signed;[\s\S]*protocol="application\/pgp-signature"/);
    const [signed, sig] = parts(raw);
    const armored = sig!.slice(sig!.indexOf("-----BEGIN PGP SIGNATURE"));
    const result = await openpgp.verify({
      message: await openpgp.createMessage({ binary: Buffer.from(signed!, "latin1") }),
      signature: await openpgp.readSignature({ armoredSignature: armored }),
      verificationKeys: await openpgp.readKey({ armoredKey: cert.publicKey }),
    });
    await expect(result.signatures[0]!.verified).resolves.toBe(true);
    const inner = await simpleParser(signed!);
    expect(inner.text).toContain("Madame, Monsieur");
    expect(inner.attachments[0]!.filename).toBe("baken-20261123-00000042.csv");
    const outer = await simpleParser(raw);
    expect(outer.subject).toBe(rendered.subject);
    expect(outer.headers.get("auto-submitted")).toBe("auto-generated");
  });

  it("encrypts to the contact's key, signed inside", async () => {
    const signingKey = await loadSigningKey(cert.privateKey, "cert secret");
    const key = await readEncryptionKey(contact.publicKey);
    expect(key).not.toBeNull();
    const raw = await wire(
      await composeNoticeMail(envelope, rendered, [attachment], { signingKey, encryptTo: [key!] }),
    );
    expect(raw).toContain("multipart/encrypted");
    expect(raw).not.toContain("Madame");
    const armored = raw.slice(raw.indexOf("-----BEGIN PGP MESSAGE"), raw.indexOf("-----END PGP MESSAGE") + 25);
    const { data, signatures } = await openpgp.decrypt({
      message: await openpgp.readMessage({ armoredMessage: armored }),
      decryptionKeys: await openpgp.readPrivateKey({ armoredKey: contact.privateKey }),
      verificationKeys: await openpgp.readKey({ armoredKey: cert.publicKey }),
      format: "binary",
    });
    await expect(signatures[0]!.verified).resolves.toBe(true);
    const inner = await simpleParser(Buffer.from(data as Uint8Array));
    expect(inner.text).toContain("Madame, Monsieur");
  });

  it("sends from the notice's return path when given, From's address otherwise, signed or not", async () => {
    const signingKey = await loadSigningKey(cert.privateKey, "cert secret");
    const returnPath = "bounces+abcdefghijklmnopqrstuvwxyz234567abcdefg@baken.example";
    for (const pgp of [{}, { signingKey }]) {
      const plain = await composeNoticeMail(envelope, rendered, [attachment], pgp);
      expect(plain.envelope).toEqual({ from: "cert@baken.example", to: envelope.to });
      const tagged = await composeNoticeMail({ ...envelope, returnPath }, rendered, [attachment], pgp);
      expect(tagged.envelope).toEqual({ from: returnPath, to: envelope.to });
      // The From header is the CERT's, whatever the envelope says.
      expect((await simpleParser(await wire(tagged))).from?.value[0]?.address).toBe("cert@baken.example");
    }
  });

  it("treats an unreadable contact key as no key", async () => {
    expect(await readEncryptionKey("not a key")).toBeNull();
  });
});
