import { SmtpSink } from "@baken/testing";
import { createServer, type AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMailer } from "../src/transport.ts";

const mail = (to: string) => ({
  envelope: { from: "cert@baken.example", to: [to] },
  raw: `From: cert@baken.example\r\nTo: ${to}\r\nSubject: test\r\n\r\nbody\r\n`,
});

describe("the pooled SMTP transport", () => {
  let sink: SmtpSink;
  beforeAll(async () => {
    sink = await new SmtpSink().start();
  });
  afterAll(() => sink.stop());

  it("sends over its own sockets and reports the server's answer", async () => {
    const mailer = createMailer(sink.url, 2);
    try {
      const results = await Promise.all(
        ["a@x.example", "b@x.example", "c@x.example"].map((to) => mailer.send(mail(to))),
      );
      expect(results.map((r) => r.response)).toEqual(Array(3).fill("250 2.0.0 queued as baken-sink"));
      expect(sink.mails.map((m) => m.envelope.to[0]).sort()).toEqual(["a@x.example", "b@x.example", "c@x.example"]);
    } finally {
      mailer.close();
    }
  });

  it("fails a send, not the process, when the relay refuses the connection", async () => {
    // A port that was free a moment ago: nothing listens there now.
    const probe = createServer();
    await new Promise<void>((r) => probe.listen(0, "127.0.0.1", r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const mailer = createMailer(`smtp://127.0.0.1:${port}`, 1);
    try {
      await expect(mailer.send(mail("a@x.example"))).rejects.toMatchObject({ code: "ECONNREFUSED" });
    } finally {
      mailer.close();
    }
  });
});
