import type { FieldProblem, RawReport } from "@baken/core";
import type { Lang } from "../../../../lib/html.ts";

/** What the report form is rendered from: the language, what was typed, and what was wrong with it. */
export type FormState = {
  lang: Lang;
  values: RawReport;
  problems: FieldProblem[];
  /** a message about the whole form (expired, too fast...) */
  banner?: string;
  token: string;
  /** files were sent with a form that had problems: they are not kept */
  filesDropped?: boolean;
};
