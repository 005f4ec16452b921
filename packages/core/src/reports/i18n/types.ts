import type { Impact, OtherParty, ReporterKind, TlpLabel } from "../report-fields.ts";
import type { RsitClass, RsitType } from "../rsit.ts";

/** Names of the incident-report choices in one language, for the form, the mail and the staff console. */
export type ReportVocabulary = {
  rsitClasses: Record<RsitClass, { name: string; description: string }>;
  rsitTypes: Record<RsitType, string>;
  reporterKinds: Record<ReporterKind, string>;
  impacts: Record<Impact, string>;
  otherParties: Record<OtherParty, string>;
  /** What each TLP label asks of the CERT, in a few plain words (shown after "TLP:<LABEL>"). */
  tlp: Record<TlpLabel, string>;
};
