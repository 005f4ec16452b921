import { checkAttachment, cleanFileName, type FieldProblem } from "@baken/core";
import type { NewAttachment } from "@baken/services";
import { createHash } from "node:crypto";
import type { ReceivedFile } from "./read-submission.ts";

/** Checks the received files (count, size, type by extension and content); accepted ones get their sha256. */
export function checkFiles(
  files: ReceivedFile[],
  extraFiles: number,
  limits: { maxFiles: number; maxFileBytes: number },
): { accepted: NewAttachment[]; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const accepted: NewAttachment[] = [];
  if (extraFiles > 0) problems.push({ field: "attachments", code: "file-count", max: limits.maxFiles });
  for (const received of files) {
    const fileName = cleanFileName(received.fileName);
    if (received.tooLarge) {
      problems.push({ field: "attachments", code: "file-size", file: fileName, max: limits.maxFileBytes });
      continue;
    }
    const check = checkAttachment(fileName, received.data);
    if (!check.ok) {
      const code =
        check.reason === "extension" ? "file-type" : check.reason === "empty" ? "file-empty" : "file-content";
      problems.push({ field: "attachments", code, file: fileName });
      continue;
    }
    const sha256 = createHash("sha256").update(received.data).digest("hex");
    accepted.push({ fileName, contentType: check.contentType, data: received.data, sha256 });
  }
  return { accepted, problems };
}
