import type { Answer, CompromiseFinding, OwnerFormErrorCode } from "@baken/core";

export type Tlp = "CLEAR" | "GREEN" | "AMBER" | "AMBER_STRICT" | "RED";

/** Every word of the owner's pages, one file per language. Dates arrive already formatted for the language. */
export type OwnerTexts = {
  locale: string;
  /** what follows a label: ":", or "\u202f:" in French */
  colon: string;
  pageTitle: string;
  intro: (organization: string) => string;
  reference: string;
  tlp: string;
  tlpMeaning: Record<Tlp, string>;
  cves: string;
  validUntil: (date: string) => string;
  about: string;
  whatToDo: string;
  compromiseCheck: string;
  compromiseSince: (date: string) => string;
  moreInfo: string;
  noAdvice: string;
  hosts: {
    heading: (count: number) => string;
    service: string;
    lastSeen: string;
    status: string;
    none: string;
    noAnswer: string;
    answered: (answer: string, date: string) => string;
    compromise: (finding: string) => string;
    stillSeen: (date: string) => string;
    gone: (date: string) => string;
  };
  answers: Record<Answer, string>;
  compromise: Record<CompromiseFinding, string>;
  compromiseQuestion: string;
  compromiseHint: string;
  whatDidYouDo: string;
  all: { heading: string; hint: (count: number) => string; submit: (count: number) => string };
  perHost: {
    heading: string;
    hint: string;
    noChange: string;
    notAnswered: string;
    answer: string;
    compromise: string;
    comment: string;
    submit: string;
  };
  comment: string;
  commentHint: string;
  betterContact: string;
  betterContactHint: string;
  errors: {
    summary: string;
    codes: Record<OwnerFormErrorCode, string>;
    forHost: (host: string, message: string) => string;
  };
  help: { heading: string; text: string; link: string };
  done: { title: string; text: (date: string) => string; current: string; back: string };
  invalid: { title: string; text: string };
  formExpired: { title: string; text: string; reload: string };
  foreignHosts: { title: string; text: string; back: string };
  tooMany: { title: string; text: string };
  failed: { title: string; text: string };
  contact: { heading: string; text: (certName: string) => string; phone: string; email: string; website: string };
};
