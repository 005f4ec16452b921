import type { MessageSummary } from "@baken/testing";
import { E2E } from "./env.ts";

/** Mails the stack has sent so far, as the mail catcher parsed them. */
export async function caughtMails(): Promise<MessageSummary[]> {
  const res = await fetch(`${E2E.catcherUrl}/api/messages`);
  if (!res.ok) throw new Error(`mail catcher answered ${res.status}`);
  return (await res.json()) as MessageSummary[];
}

/** Waits (polling, no fixed sleep) for a mail matching `predicate`. */
export async function waitForMail(
  predicate: (m: MessageSummary) => boolean,
  timeoutMs = 20_000,
): Promise<MessageSummary> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await caughtMails()).find(predicate);
    if (found) return found;
    if (Date.now() > deadline) throw new Error("no matching mail arrived in time");
    await new Promise((r) => setTimeout(r, 100));
  }
}
