import {
  compromiseFor,
  isAnswer,
  isCompromise,
  DISOWNS,
  type Answer,
  type CompromiseFinding,
} from "./owner-answers.ts";

// The owner's page posts plain HTML forms (no JavaScript), so the body is a flat map of strings. This turns
// it into answers or into errors with a code the page translates; nothing about hosts' ownership is known
// here (the use case checks that every host id belongs to the notice).

export const COMMENT_MAX = 2000;
export const CONTACT_MAX = 320;

export type OwnerReply = {
  hostId: number;
  answer: Answer;
  compromise: CompromiseFinding | null;
  comment: string | null;
};

export type OwnerForm =
  | {
      scope: "all";
      answer: Answer;
      compromise: CompromiseFinding | null;
      comment: string | null;
      betterContact: string | null;
    }
  | { scope: "hosts"; replies: OwnerReply[]; betterContact: string | null };

export type OwnerFormErrorCode =
  | "scope_invalid"
  | "answer_required"
  | "answer_invalid"
  | "compromise_invalid"
  | "comment_too_long"
  | "contact_too_long"
  | "nothing_chosen"
  | "host_invalid";

export type OwnerFormError = { field: string; code: OwnerFormErrorCode; hostId?: number };

type Body = Record<string, unknown>;

/** One text value per field: a repeated field (an array) is an error, not a silent pick of one of them. */
const text = (body: Body, key: string): string | undefined | null => {
  const v = body[key];
  if (v === undefined) return undefined;
  return typeof v === "string" ? v.trim() : null;
};

const HOST_FIELD = /^(answer|compromise|comment)-(\d+)$/;

export function parseOwnerForm(body: Body): { ok: true; form: OwnerForm } | { ok: false; errors: OwnerFormError[] } {
  const errors: OwnerFormError[] = [];
  const optionalText = (key: string, max: number, code: OwnerFormErrorCode, hostId?: number) => {
    const v = text(body, key);
    if (v === null || (v && v.length > max)) errors.push({ field: key, code, hostId });
    return v ? v : null;
  };
  const compromiseAt = (key: string, hostId?: number): CompromiseFinding | null => {
    const v = text(body, key);
    if (!v) return null;
    if (!isCompromise(v)) {
      errors.push({ field: key, code: "compromise_invalid", hostId });
      return null;
    }
    return v;
  };

  const betterContact = optionalText("betterContact", CONTACT_MAX, "contact_too_long");
  const scope = text(body, "scope");

  if (scope === "all") {
    const raw = text(body, "answer");
    const answer = raw && isAnswer(raw) ? raw : null;
    if (!answer) errors.push({ field: "answer", code: raw ? "answer_invalid" : "answer_required" });
    const compromise = compromiseAt("compromise");
    const comment = optionalText("comment", COMMENT_MAX, "comment_too_long");
    if (errors.length > 0 || !answer) return { ok: false, errors };
    return {
      ok: true,
      form: {
        scope,
        answer,
        compromise: compromiseFor(answer, compromise),
        comment,
        betterContact: DISOWNS.includes(answer) ? betterContact : null,
      },
    };
  }

  if (scope !== "hosts") return { ok: false, errors: [{ field: "scope", code: "scope_invalid" }] };

  const hostIds = new Set<number>();
  for (const key of Object.keys(body)) {
    const m = HOST_FIELD.exec(key);
    if (m) {
      const id = Number(m[2]);
      if (Number.isSafeInteger(id) && id > 0 && id <= 2_147_483_647) hostIds.add(id);
      else errors.push({ field: key, code: "host_invalid" });
    }
  }
  const replies: OwnerReply[] = [];
  for (const hostId of [...hostIds].sort((a, b) => a - b)) {
    const raw = text(body, `answer-${hostId}`);
    const compromise = compromiseAt(`compromise-${hostId}`, hostId);
    const comment = optionalText(`comment-${hostId}`, COMMENT_MAX, "comment_too_long", hostId);
    if (!raw) {
      // "No change" for this host: fine, unless something else was filled in for it.
      if (raw === null) errors.push({ field: `answer-${hostId}`, code: "answer_invalid", hostId });
      else if (compromise || comment) errors.push({ field: `answer-${hostId}`, code: "answer_required", hostId });
      continue;
    }
    if (!isAnswer(raw)) {
      errors.push({ field: `answer-${hostId}`, code: "answer_invalid", hostId });
      continue;
    }
    replies.push({ hostId, answer: raw, compromise: compromiseFor(raw, compromise), comment });
  }
  if (errors.length > 0) return { ok: false, errors };
  if (replies.length === 0) return { ok: false, errors: [{ field: "answer", code: "nothing_chosen" }] };
  const anyDisowned = replies.some((r) => DISOWNS.includes(r.answer));
  return { ok: true, form: { scope, replies, betterContact: anyDisowned ? betterContact : null } };
}
