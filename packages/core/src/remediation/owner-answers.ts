// What a notified owner can say about a host, and what each answer does to the host's state.
// The names are the database's enums (prisma/schema.prisma); hand-written code takes them from here.

export const ANSWERS = ["patched", "mitigated", "investigating", "not_ours", "false_positive", "needs_help"] as const;
export type Answer = (typeof ANSWERS)[number];

export const COMPROMISE = ["yes", "no", "not_checked"] as const;
export type CompromiseFinding = (typeof COMPROMISE)[number];

export const HOST_STATES = ["open", "notified", "remediated", "not_ours", "gone"] as const;
export type HostState = (typeof HOST_STATES)[number];

/** Answers that claim the exposure is closed by the owner's action. */
export const CLAIMS_FIXED: readonly Answer[] = ["patched", "mitigated"];
/** Answers that say the host is not the owner's problem. */
export const DISOWNS: readonly Answer[] = ["not_ours", "false_positive"];

export const isAnswer = (value: string): value is Answer => (ANSWERS as readonly string[]).includes(value);
export const isCompromise = (value: string): value is CompromiseFinding =>
  (COMPROMISE as readonly string[]).includes(value);

/**
 * The host's state after an answer. A scan that no longer sees the host (gone) outranks any claim, so an
 * answer never moves a host out of `gone`. Investigating or asking for help keeps the host open for
 * follow-up: `notified` when a notice told the owner about it, else `open`.
 */
export function stateAfterAnswer(current: HostState, answer: Answer, notified: boolean): HostState {
  if (current === "gone") return "gone";
  if (CLAIMS_FIXED.includes(answer)) return "remediated";
  if (DISOWNS.includes(answer)) return "not_ours";
  return notified ? "notified" : "open";
}

/** Only a patched host has a compromise finding: the question is asked for patched hosts alone. */
export const compromiseFor = (answer: Answer, compromise: CompromiseFinding | null) =>
  answer === "patched" ? compromise : null;

/** Compromise found, or help asked: the host needs a person at the CERT to look at it. */
export const raisesFlag = (answer: Answer, compromise: CompromiseFinding | null) =>
  answer === "needs_help" || (answer === "patched" && compromise === "yes");
