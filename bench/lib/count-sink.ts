// A local SMTP server that accepts everything and only counts, in its own process (a real relay is not in
// the worker's process either). Tells its parent its port, then the time the expected count was reached.
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";

const expected = Number(process.argv[2]);
let accepted = 0;
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  size: 64 * 1024 * 1024,
  onData(stream, _session, callback) {
    stream.resume();
    stream.on("end", () => {
      accepted++;
      callback(null, "2.0.0 queued");
      if (accepted === expected) process.send!({ done: Date.now() });
    });
  },
});
server.listen(0, "127.0.0.1", () => process.send!({ port: (server.server.address() as AddressInfo).port }));
process.on("disconnect", () => process.exit(0));
